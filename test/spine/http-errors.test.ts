import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createHarness, testConfig, type TestHarness } from '../helpers/ctx.js';
import { createPgliteDb } from '../helpers/db.js';

// Bad input answers 4xx with the one error body, naming what is wrong; never a 500.
describe('bad input', () => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createPgliteDb();
    h = createHarness(db, { env: { LIAISON_BODY_LIMIT: '4096' } });
  });
  afterAll(async () => db.close());

  const transcript = {
    kind: 'transcript', date: '2026-03-10', account: { name: 'Acme', domain: 'acme.example', tier: 2 },
    source: { title: 't', participants: [], entries: [{ speaker: 'A', timestamp: '00:00:01', text: 'hi' }] },
  };

  const cases: Array<{ name: string; req: () => Promise<Response>; status: number; code: string; message?: RegExp }> = [
    { name: 'no token', req: () => Promise.resolve(h.app.request('/api/sources')), status: 401, code: 'UNAUTHORIZED', message: /bearer/ },
    { name: 'wrong token', req: () => h.api('GET', '/api/sources', undefined, { authorization: 'Bearer nope' }), status: 401, code: 'UNAUTHORIZED', message: /invalid/ },
    { name: 'malformed JSON', req: () => h.api('POST', '/api/sources', '{"kind": "transcript",'), status: 400, code: 'BAD_REQUEST', message: /malformed JSON/ },
    { name: 'empty body', req: () => h.api('POST', '/api/sources', ''), status: 400, code: 'BAD_REQUEST', message: /empty/ },
    { name: 'unknown kind', req: () => h.api('POST', '/api/sources', { ...transcript, kind: 'fax' }), status: 400, code: 'BAD_REQUEST', message: /kind/ },
    { name: 'missing entries', req: () => h.api('POST', '/api/sources', { ...transcript, source: { title: 't' } }), status: 400, code: 'BAD_REQUEST', message: /source\.entries/ },
    { name: 'bad date', req: () => h.api('POST', '/api/sources', { ...transcript, date: 'March 10' }), status: 400, code: 'BAD_REQUEST', message: /date/ },
    { name: 'bad tier', req: () => h.api('POST', '/api/sources', { ...transcript, account: { name: 'Acme', tier: 9 } }), status: 400, code: 'BAD_REQUEST', message: /account\.tier/ },
    { name: 'email without raw', req: () => h.api('POST', '/api/sources', { kind: 'email', source: {} }), status: 400, code: 'BAD_REQUEST', message: /source\.raw/ },
    { name: 'body over the limit', req: () => h.api('POST', '/api/sources', { ...transcript, pad: 'x'.repeat(5000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'unknown source', req: () => h.api('GET', '/api/sources/src_missing'), status: 404, code: 'NOT_FOUND', message: /src_missing/ },
    { name: 'unknown draft approve', req: () => h.api('POST', '/api/drafts/drf_missing/approve'), status: 404, code: 'NOT_FOUND' },
    { name: 'unknown route', req: () => h.api('GET', '/api/nothing-here'), status: 404, code: 'NOT_FOUND' },
    { name: 'reject without reason', req: () => h.api('POST', '/api/drafts/drf_x/reject', { reason: '  ' }), status: 400, code: 'BAD_REQUEST', message: /reason/ },
    { name: 'assign to unknown account', req: () => h.api('POST', '/api/sources/src_x/assign', { accountId: 'acc_missing' }), status: 404, code: 'NOT_FOUND' },
  ];

  it.each(cases)('$name -> $status $code', async ({ req, status, code, message }) => {
    const res = await req();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.requestId).toBeTruthy();
    if (message) expect(body.error.message).toMatch(message);
  });

  it('a rejected delivery stores nothing', async () => {
    await h.api('POST', '/api/sources', { ...transcript, date: 'nope' });
    const rows = await db.query('SELECT 1 FROM sources');
    expect(rows).toHaveLength(0);
  });

  it('healthz answers without a token', async () => {
    const res = await h.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: 'pglite' });
  });
});

describe('configuration', () => {
  it('names each bad field', () => {
    expect(() => testConfig({ PORT: 'eighty', LIAISON_API_TOKEN: 'short' })).toThrow(/PORT.*LIAISON_API_TOKEN|LIAISON_API_TOKEN.*PORT/);
  });
  it('requires the key of the provider it is asked to use', () => {
    expect(() => testConfig({ LIAISON_LLM_PROVIDER: 'anthropic' })).toThrow(/ANTHROPIC_API_KEY/);
  });
  it('defaults to the offline shape with no keys', () => {
    const c = testConfig();
    expect(c).toMatchObject({ llmProvider: 'offline', embedder: 'offline', PORT: 8787 });
  });
});
