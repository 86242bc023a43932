import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { upsertDraft } from '../../src/draft/index.js';
import { createUser } from '../../src/review/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';

// The JSON review actions on both drivers: the race between two AMs is a database property.

describe.each(DRIVERS)('draft actions over the API on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  let ann: string;
  let bo: string;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db);
    ann = (await createUser(h.ctx, { email: 'ann@agency.example' })).token;
    bo = (await createUser(h.ctx, { email: 'bo@agency.example' })).token;
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });
  const as = (token: string, method: string, path: string, body?: unknown) =>
    h.app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const draft = (key: string) => upsertDraft(h.ctx, { kind: 'flag', accountId: null, sourceId: null, itemId: null, title: `Flag ${key}`, body: 'body', evidence: [], dedupeKey: key });

  it('two AMs approving the same draft at once: one wins, the other gets 409 naming who decided', async () => {
    const id = await draft('race');
    const [a, b] = await Promise.all([as(ann, 'POST', `/api/drafts/${id}/approve`), as(bo, 'POST', `/api/drafts/${id}/approve`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b);
    const winner = a.status === 200 ? 'ann@agency.example' : 'bo@agency.example';
    const err = (await loser.json()) as { error: { code: string; message: string; requestId: string } };
    expect(err.error.code).toBe('CONFLICT');
    expect(err.error.message).toContain(`by ${winner}`);
    const d = (await (await h.api('GET', `/api/drafts/${id}`)).json()) as { status: string; decidedBy: string; audit: Array<{ action: string; actor: string }> };
    expect(d).toMatchObject({ status: 'approved', decidedBy: winner });
    expect(d.audit.filter((x) => x.action === 'draft.approve')).toEqual([expect.objectContaining({ actor: winner })]);
  });

  it('an approve racing a reject: exactly one decision stands', async () => {
    const id = await draft('approve-vs-reject');
    const [a, r] = await Promise.all([as(ann, 'POST', `/api/drafts/${id}/approve`), as(bo, 'POST', `/api/drafts/${id}/reject`, { reason: 'no' })]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
  });

  it('approve with a stale version is a 409; edit, reject and retry-publish answer for the wrong state', async () => {
    const id = await draft('versions');
    const edited = await as(ann, 'PATCH', `/api/drafts/${id}`, { body: 'new body', version: 1 });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { version: number }).version).toBe(2);
    expect((await as(bo, 'POST', `/api/drafts/${id}/approve`, { version: 1 })).status).toBe(409);
    expect((await as(bo, 'POST', `/api/drafts/${id}/publish`)).status).toBe(409);
    expect((await as(bo, 'PATCH', `/api/drafts/${id}`, { body: '' })).status).toBe(400);
    expect((await as(bo, 'POST', `/api/drafts/${id}/approve`, { version: 2 })).status).toBe(200);
    expect((await as(ann, 'PATCH', `/api/drafts/${id}`, { body: 'after approval' })).status).toBe(409);
    expect((await as(ann, 'POST', '/api/drafts/drf_missing/approve')).status).toBe(404);
  });

  it('an unknown or disabled user token is refused', async () => {
    expect((await as('liu_not-a-real-token', 'GET', '/api/drafts')).status).toBe(401);
    await db.query(`UPDATE users SET disabled_at = now() WHERE email = 'bo@agency.example'`);
    expect((await as(bo, 'GET', '/api/drafts')).status).toBe(401);
  });
});
