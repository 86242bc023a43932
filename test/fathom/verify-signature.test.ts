import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { SignatureError, verifyFathomSignature } from '../../src/ingest/fathom/verify-signature.js';
import { SAMPLE_ID, SAMPLE_NOW, SAMPLE_SECRET, SAMPLE_SIG, SAMPLE_TS, TEST_SECRET, sampleBytes, sampleText, signedHeaders } from './fixtures.js';

const sampleHeaders = { 'webhook-id': SAMPLE_ID, 'webhook-timestamp': String(SAMPLE_TS), 'webhook-signature': SAMPLE_SIG };

async function reason(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SignatureError);
  expect((err as SignatureError).status).toBe(401);
  return (err as SignatureError).reason;
}

describe('Fathom webhook signature (Standard Webhooks)', () => {
  it('accepts the shared sample with its published signature at its own time', async () => {
    const v = await verifyFathomSignature({ secret: SAMPLE_SECRET, headers: sampleHeaders, body: sampleBytes(), now: SAMPLE_NOW });
    expect(v).toEqual({ webhookId: SAMPLE_ID, timestamp: SAMPLE_TS });
  });

  it('agrees with the standardwebhooks package, both ways', async () => {
    const body = sampleText();
    const theirs = new Webhook(TEST_SECRET).sign('msg_x', SAMPLE_NOW, body);
    const ours = await signedHeaders(body, { id: 'msg_x' });
    expect(ours['webhook-signature']).toBe(theirs);
    // and a delivery we accept, their verifier accepts (at the real clock, so re-signed now)
    const now = Math.floor(Date.now() / 1000);
    const h = await signedHeaders(body, { id: 'msg_y', ts: now });
    expect(() => new Webhook(TEST_SECRET).verify(body, h)).not.toThrow();
    await expect(verifyFathomSignature({ secret: TEST_SECRET, headers: h, body, now: new Date() })).resolves.toMatchObject({ webhookId: 'msg_y' });
  });

  it('reads header names in any case (a Headers object or a plain record)', async () => {
    const mixed = { 'Webhook-Id': SAMPLE_ID, 'WEBHOOK-TIMESTAMP': String(SAMPLE_TS), 'Webhook-Signature': SAMPLE_SIG };
    await expect(verifyFathomSignature({ secret: SAMPLE_SECRET, headers: mixed, body: sampleBytes(), now: SAMPLE_NOW })).resolves.toBeTruthy();
    await expect(verifyFathomSignature({ secret: SAMPLE_SECRET, headers: new Headers(mixed), body: sampleBytes(), now: SAMPLE_NOW })).resolves.toBeTruthy();
  });

  it('accepts a header with several signatures when any v1 entry matches', async () => {
    const headers = { ...sampleHeaders, 'webhook-signature': `v1,AAAAbogusAAAA= v2,whatever ${SAMPLE_SIG}` };
    await expect(verifyFathomSignature({ secret: SAMPLE_SECRET, headers, body: sampleBytes(), now: SAMPLE_NOW })).resolves.toBeTruthy();
    // the same MAC under another version label does not count
    const relabelled = { ...sampleHeaders, 'webhook-signature': SAMPLE_SIG.replace('v1,', 'v2,') };
    expect(await reason(verifyFathomSignature({ secret: SAMPLE_SECRET, headers: relabelled, body: sampleBytes(), now: SAMPLE_NOW }))).toBe('SIGNATURE_MISMATCH');
  });

  it('refuses a tampered body, a re-serialized body and a wrong secret', async () => {
    const tampered = sampleText().replace('$4,212', '$4,213');
    expect(await reason(verifyFathomSignature({ secret: SAMPLE_SECRET, headers: sampleHeaders, body: tampered, now: SAMPLE_NOW }))).toBe('SIGNATURE_MISMATCH');
    const reserialized = JSON.stringify(JSON.parse(sampleText()));
    expect(await reason(verifyFathomSignature({ secret: SAMPLE_SECRET, headers: sampleHeaders, body: reserialized, now: SAMPLE_NOW }))).toBe('SIGNATURE_MISMATCH');
    expect(await reason(verifyFathomSignature({ secret: TEST_SECRET, headers: sampleHeaders, body: sampleBytes(), now: SAMPLE_NOW }))).toBe('SIGNATURE_MISMATCH');
  });

  it('holds the timestamp to five minutes either way', async () => {
    const at = (offsetS: number) => new Date((SAMPLE_TS + offsetS) * 1000);
    const verify = (now: Date) => verifyFathomSignature({ secret: SAMPLE_SECRET, headers: sampleHeaders, body: sampleBytes(), now });
    await expect(verify(at(300))).resolves.toBeTruthy();
    await expect(verify(at(-300))).resolves.toBeTruthy();
    expect(await reason(verify(at(301)))).toBe('SIGNATURE_TIMESTAMP_TOO_OLD');
    expect(await reason(verify(at(-301)))).toBe('SIGNATURE_TIMESTAMP_TOO_NEW');
    expect(await reason(verify(new Date()))).toBe('SIGNATURE_TIMESTAMP_TOO_OLD'); // the sample at the real clock
  });

  it('names the missing headers and refuses a non-numeric timestamp', async () => {
    const err = await verifyFathomSignature({ secret: SAMPLE_SECRET, headers: { 'webhook-id': SAMPLE_ID }, body: sampleBytes(), now: SAMPLE_NOW }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'SIGNATURE_HEADERS_MISSING', message: expect.stringContaining('webhook-timestamp, webhook-signature') });
    const bad = { ...sampleHeaders, 'webhook-timestamp': '2026-09-15T16:14:52Z' };
    expect(await reason(verifyFathomSignature({ secret: SAMPLE_SECRET, headers: bad, body: sampleBytes(), now: SAMPLE_NOW }))).toBe('SIGNATURE_TIMESTAMP_INVALID');
  });

  it('a secret that is not base64 is a configuration error, not a 401 or a crash', async () => {
    const err = await verifyFathomSignature({ secret: 'whsec_not*base64!', headers: sampleHeaders, body: sampleBytes(), now: SAMPLE_NOW }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_ENVIRONMENT', message: expect.stringContaining('FATHOM_WEBHOOK_SECRET') });
  });
});
