import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { completeMissingTranscript } from '../../src/ingest/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';
import { SAMPLE_ID, SAMPLE_NOW, SAMPLE_SECRET, SAMPLE_SIG, SAMPLE_TS, TEST_SECRET, longCall, sampleBytes, sampleJson, sampleText, signedHeaders } from './fixtures.js';

const sampleHeaders = { 'webhook-id': SAMPLE_ID, 'webhook-timestamp': String(SAMPLE_TS), 'webhook-signature': SAMPLE_SIG, 'content-type': 'application/json' };

describe.each(DRIVERS)('POST /webhooks/fathom on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  const post = (body: string | Uint8Array, headers: Record<string, string>) =>
    Promise.resolve(h.app.request('/webhooks/fathom', { method: 'POST', headers, body: body as BodyInit }));
  const count = async (sql = 'SELECT count(*)::int AS n FROM sources') => (await db.query<{ n: number }>(sql))[0]!.n;
  const resign = (body: string, opts: { id?: string; ts?: number; secret?: string } = {}) => signedHeaders(body, { secret: SAMPLE_SECRET, ...opts });

  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db, { now: SAMPLE_NOW.toISOString(), env: { FATHOM_WEBHOOK_SECRET: SAMPLE_SECRET, AGENCY_DOMAINS: 'brightlinedigital.com' } });
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('stores the shared sample byte for byte and answers 202; a redelivery answers 200 and creates nothing', async () => {
    const res = await post(sampleBytes(), sampleHeaders);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; status: string; recordingId: number; duplicate: boolean };
    expect(body).toMatchObject({ status: 'unassigned', recordingId: 412587331, duplicate: false });
    const [row] = await db.query<{ raw: string; origin: string; external_id: string; title: string }>('SELECT raw, origin, external_id, title FROM sources WHERE id = $1', [body.id]);
    expect(row!.raw).toBe(sampleText());
    expect(row).toMatchObject({ origin: 'fathom', external_id: '412587331', title: 'Redwood Ridge x Brightline - Monthly Check-in' });

    const before = await count();
    // Fathom resending the same message (same webhook-id, re-signed at a later attempt time)
    const again = await post(sampleText(), await resign(sampleText(), { id: SAMPLE_ID, ts: SAMPLE_TS + 5 }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: body.id, duplicate: true });
    // the same recording through another webhook (new webhook-id)
    const other = await post(sampleText(), await resign(sampleText(), { id: 'msg_other_webhook' }));
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ id: body.id, duplicate: true });
    expect(await count()).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM fathom_deliveries WHERE source_id = '${body.id}'`)).toBe(2);
  });

  it('refuses what is not signed by our secret, or not now, with 401 and a reason; nothing is stored', async () => {
    const fresh = JSON.stringify({ ...sampleJson(), recording_id: 900001 });
    const good = await resign(fresh, { id: 'msg_refused' });
    const before = await count();
    const cases: Array<[string, string, Record<string, string>, string]> = [
      ['tampered body', fresh.replace('Redwood', 'Redw00d'), good, 'SIGNATURE_MISMATCH'],
      ['wrong secret', fresh, await signedHeaders(fresh, { secret: TEST_SECRET, id: 'msg_refused' }), 'SIGNATURE_MISMATCH'],
      ['stale timestamp', fresh, await resign(fresh, { id: 'msg_refused', ts: SAMPLE_TS - 301 }), 'SIGNATURE_TIMESTAMP_TOO_OLD'],
      ['future timestamp', fresh, await resign(fresh, { id: 'msg_refused', ts: SAMPLE_TS + 301 }), 'SIGNATURE_TIMESTAMP_TOO_NEW'],
      ['no signature header', fresh, { 'webhook-id': 'msg_refused', 'webhook-timestamp': String(SAMPLE_TS) }, 'SIGNATURE_HEADERS_MISSING'],
      ['no headers at all', fresh, { 'content-type': 'application/json' }, 'SIGNATURE_HEADERS_MISSING'],
    ];
    for (const [what, body, headers, reason] of cases) {
      const res = await post(body, headers);
      expect(res.status, what).toBe(401);
      const err = ((await res.json()) as { error: { code: string; message: string; requestId: string; details: { reason: string } } }).error;
      expect(err, what).toMatchObject({ code: 'UNAUTHORIZED', details: { reason } });
      expect(err.requestId, what).toBeTruthy();
    }
    expect(await count()).toBe(before);
    // and the same body, properly signed, then goes through
    expect((await post(fresh, good)).status).toBe(202);
  });

  it('reads the signature headers in any case', async () => {
    const fresh = JSON.stringify({ ...sampleJson(), recording_id: 900002 });
    const h2 = await resign(fresh);
    const res = await post(fresh, { 'Webhook-Id': h2['webhook-id'], 'Webhook-Timestamp': h2['webhook-timestamp'], 'WEBHOOK-SIGNATURE': `v1,bm9wZQ== ${h2['webhook-signature']}` });
    expect(res.status).toBe(202);
  });

  it('a meeting delivered without a transcript is stored as needs_transcript', async () => {
    const { transcript: _t, ...rest } = sampleJson();
    const fresh = JSON.stringify({ ...rest, recording_id: 900003, transcript: null });
    const res = await post(fresh, await resign(fresh));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'needs_transcript', duplicate: false });
  });

  it('the same recording later delivered with its transcript completes the waiting copy, creating nothing', async () => {
    const { transcript, ...rest } = sampleJson();
    const bare = JSON.stringify({ ...rest, recording_id: 900005, transcript: null });
    const first = (await (await post(bare, await resign(bare))).json()) as { id: string; status: string };
    expect(first.status).toBe('needs_transcript');
    const before = await count();
    const full = JSON.stringify({ ...rest, recording_id: 900005, transcript });
    const res = await post(full, await resign(full));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: first.id, duplicate: true, status: 'unassigned' });
    expect(await count()).toBe(before);
    const [row] = await db.query<{ raw: string; status: string }>('SELECT raw, status FROM sources WHERE id = $1', [first.id]);
    expect(row).toEqual({ raw: full, status: 'unassigned' });
    // and a third copy without a transcript changes nothing back
    const again = await post(bare, await resign(bare));
    expect(await again.json()).toMatchObject({ id: first.id, duplicate: true, status: 'unassigned' });
    expect((await db.query<{ raw: string }>('SELECT raw FROM sources WHERE id = $1', [first.id]))[0]!.raw).toBe(full);
  });

  it('a verified body that is not a Fathom meeting is kept (failed, with the reason) and answered 422; its redelivery 200', async () => {
    const { recording_id: _r, ...noId } = sampleJson();
    const body = JSON.stringify(noId);
    const headers = await resign(body, { id: 'msg_schema_drift' });
    const res = await post(body, headers);
    expect(res.status).toBe(422);
    const err = ((await res.json()) as { error: { code: string; message: string; details: { sourceId: string } } }).error;
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toContain('recording_id');
    const [row] = await db.query<{ raw: string; status: string; last_error: string }>('SELECT raw, status, last_error FROM sources WHERE id = $1', [err.details.sourceId]);
    expect(row).toMatchObject({ raw: body, status: 'failed', last_error: expect.stringContaining('recording_id') });
    const again = await post(body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: err.details.sourceId, duplicate: true });

    const garbled = '{"recording_id": 1, "title": ';
    const bad = await post(garbled, await resign(garbled));
    expect(bad.status).toBe(400);
    const badErr = ((await bad.json()) as { error: { code: string; message: string; details: { sourceId: string } } }).error;
    expect(badErr.message).toContain('malformed JSON');
    expect((await db.query<{ raw: string }>('SELECT raw FROM sources WHERE id = $1', [badErr.details.sourceId]))[0]!.raw).toBe(garbled);
  });

  it('takes a two-hour call (~400 KB) whole', async () => {
    const body = JSON.stringify(longCall(900004));
    expect(body.length).toBeGreaterThan(380_000);
    const res = await post(body, await resign(body));
    expect(res.status).toBe(202);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('unassigned');
    const [row] = await db.query<{ n: number; raw: string }>(`SELECT (hints->>'transcriptSegments')::int AS n, raw FROM sources WHERE id = $1`, [id]);
    expect(row).toEqual({ n: 1440, raw: body });
    // the runner builds the segments from the stored body, without asking Fathom (no API key here)
    const source = await completeMissingTranscript(h.ctx, id);
    expect(source.segments).toHaveLength(1440);
    expect(source.segments.at(-1)!.at).toBeGreaterThan(7190);
  });

  it('without FATHOM_WEBHOOK_SECRET it refuses with a 5xx (so Fathom retries) and stores nothing', async () => {
    const h2 = createHarness(db, { now: SAMPLE_NOW.toISOString() });
    const before = await count();
    const res = await h2.app.request('/webhooks/fathom', { method: 'POST', headers: sampleHeaders, body: sampleBytes() as BodyInit });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BAD_ENVIRONMENT', message: expect.stringContaining('FATHOM_WEBHOOK_SECRET') });
    expect(await count()).toBe(before);
  });
});
