import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { EMAIL_ENV, basicAuth, bearer, caseRaw, mailgunSignature } from './helpers.js';

// Bad credentials, oversize and non-email bodies, and MIME bombs: each a clear 4xx with the one
// error body, decided in bounded time and memory, and nothing stored.

function nested(depth: number): string {
  let body = 'Content-Type: text/plain\r\n\r\nhi\r\n';
  for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  return `From: a@b.example\r\nSubject: nested\r\n${body}`;
}
function manyParts(n: number): string {
  const p = Array.from({ length: n }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
  return `From: a@b.example\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${p}--b--\r\n`;
}
const hugeHeader = `From: a@b.example\r\nSubject: header\r\nX-Junk: ${'a'.repeat(1_000_000)}\r\n\r\nhello\r\n`;

describe('inbound email: refusals', () => {
  let db: Db;
  let h: TestHarness;
  let small: TestHarness;
  const post = (app: TestHarness['app'], path: string, body: BodyInit, headers: Record<string, string> = {}) => app.request(path, { method: 'POST', body, headers });
  const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sources'))[0]!.n;
  const error = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; requestId: string | null } }).error;

  beforeAll(async () => {
    db = await createDb('pglite');
    h = createHarness(db, { env: { ...EMAIL_ENV, LIAISON_BODY_LIMIT: String(8 * 1024 * 1024) }, now: '2026-05-08T12:00:00Z' });
    small = createHarness(db, { env: { ...EMAIL_ENV, LIAISON_BODY_LIMIT: '20000' } });
  });
  afterAll(async () => {
    await h.runner.stop();
    await small.runner.stop();
    await db.close();
  });

  it.each([
    ['/inbound/email', {}, 'missing credentials'],
    ['/inbound/email', { authorization: bearer('wrong-token-0123456789abcdef') }, 'invalid inbound credentials'],
    ['/inbound/email', { authorization: basicAuth('postmark:wrong') }, 'invalid inbound credentials'],
    ['/inbound/postmark', { authorization: basicAuth('other:s3cret-pass-phrase'), 'content-type': 'application/json' }, 'invalid inbound credentials'],
    ['/inbound/sendgrid', { authorization: 'Basic !!!notbase64' }, 'invalid inbound credentials'],
  ])('%s refuses %j with 401', async (path, headers, message) => {
    const before = await count();
    const res = await post(h.app, path, caseRaw('d09'), headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(await error(res)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining(message) });
    expect(await count()).toBe(before);
  });

  describe('Mailgun signatures', () => {
    const send = (fields: Record<string, string>) =>
      post(h.app, '/inbound/mailgun', new URLSearchParams({ recipient: 'x@inbound.example.com', 'body-mime': caseRaw('d14'), ...fields }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const now = () => String(Math.floor(h.clock.now().getTime() / 1000));

    it('refuses a wrong signature, a missing one, and a stale timestamp', async () => {
      const ts = now();
      expect((await send({ timestamp: ts, token: 'tok-1', signature: mailgunSignature(ts, 'tok-1', 'another-key') })).status).toBe(401);
      expect((await send({ timestamp: ts, token: 'tok-1' })).status).toBe(401);
      const stale = String(Number(ts) - 3600);
      const res = await send({ timestamp: stale, token: 'tok-2', signature: mailgunSignature(stale, 'tok-2') });
      expect(res.status).toBe(401);
      expect((await error(res)).message).toContain('replay window');
    });

    it('accepts a token once and refuses its replay', async () => {
      const ts = now();
      const fields = { timestamp: ts, token: 'tok-replay', signature: mailgunSignature(ts, 'tok-replay') };
      expect((await send(fields)).status).toBe(202);
      const again = await send(fields);
      expect(again.status).toBe(401);
      expect((await error(again)).message).toContain('replay');
    });
  });

  it('refuses a body over the limit with 413', async () => {
    const big = `${caseRaw('d09')}\r\n${'x'.repeat(30_000)}`;
    const res = await post(small.app, '/inbound/email', big, { authorization: bearer(), 'content-type': 'message/rfc822' });
    expect(res.status).toBe(413);
    expect((await error(res)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['plain prose', 'hello, this is not an email', 'not an email: no From'],
    ['JSON sent as MIME', '{"event":"ping"}', 'not an email'],
    ['headers without a body', 'From: a@b.example\r\nSubject: empty\r\n\r\n', 'not an email: it has no body'],
    ['an empty body', '', 'not an email: the body is empty'],
  ])('refuses %s with 400 and the reason', async (_name, body, reason) => {
    const res = await post(h.app, '/inbound/email', body, { authorization: bearer(), 'content-type': 'message/rfc822' });
    expect(res.status).toBe(400);
    expect(await error(res)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(reason) });
  });

  it('refuses provider payloads that carry no email with 400', async () => {
    const pm = await post(h.app, '/inbound/postmark', JSON.stringify({ RecordType: 'Bounce' }), { authorization: basicAuth(), 'content-type': 'application/json' });
    expect(pm.status).toBe(400);
    expect((await error(pm)).message).toContain('not a Postmark inbound payload');
    const form = new FormData();
    form.set('from', 'a@b.example');
    const sg = await post(h.app, '/inbound/sendgrid', form, { authorization: basicAuth() });
    expect(sg.status).toBe(400);
    expect((await error(sg)).message).toContain('Send Raw');
    const ct = await post(h.app, '/inbound/email', '{"raw":"x"}', { authorization: bearer(), 'content-type': 'application/json' });
    expect(ct.status).toBe(415);
  });

  it.each([
    ['deep nesting (100 levels)', nested(100), 'nesting depth'],
    ['deep nesting (5000 levels)', nested(5000), 'refused'],
    ['thousands of parts', manyParts(5000), 'more than 500 MIME parts'],
    ['fifty thousand parts', manyParts(50_000), 'more than 500 MIME parts'],
    ['a 1 MB header', hugeHeader, 'header block'],
  ])('refuses a MIME bomb: %s, in bounded time and memory', async (_name, raw, reason) => {
    const before = await count();
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const res = await post(h.app, '/inbound/email', raw, { authorization: bearer(), 'content-type': 'message/rfc822' });
    const ms = performance.now() - t0;
    expect(res.status).toBe(400);
    expect((await error(res)).message).toContain(reason);
    // Generous for a loaded 2-core box. Unguarded, postal-mime took ~7 s and 110 MB on 50,000 parts and
    // overflowed its stack on 5,000 nesting levels (measured here).
    expect(ms).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(await count()).toBe(before);
  });
});
