import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { caseInput, loadCase } from '../helpers/cases.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';

describe.each(DRIVERS)('spine on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db);
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('a posted transcript is processed into items and a pending recap that an AM approves once', async () => {
    const c = loadCase('d01');
    const res = await h.api('POST', '/api/sources', caseInput(c));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    const before = (await (await h.api('GET', `/api/sources/${id}`)).json()) as { status: string; items: unknown };
    expect(before.status).toBe('received');
    expect(before.items).toBeNull();

    await h.runner.drain();
    const src = (await (await h.api('GET', `/api/sources/${id}`)).json()) as {
      status: string; accountId: string;
      items: { requests: Array<Record<string, unknown>>; commitments: Array<Record<string, unknown>>; risks: unknown[] };
    };
    expect(src.status).toBe('processed');
    expect(src.items.requests.length).toBeGreaterThan(0);
    for (const r of src.items.requests) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'text', 'quote', 'requester', 'channel', 'triage', 'due']));
    for (const k of src.items.commitments) expect(Object.keys(k)).toEqual(expect.arrayContaining(['id', 'text', 'quote', 'owner', 'owner_side', 'due']));
    // every quote is verbatim evidence from the call
    const transcript = (c.source.entries as Array<{ text: string }>).map((e) => e.text).join('\n');
    for (const item of [...src.items.requests, ...src.items.commitments]) expect(transcript).toContain(item.quote as string);

    const acc = (await (await h.api('GET', `/api/accounts/${src.accountId}`)).json()) as { name: string; domains: string[] };
    expect(acc).toMatchObject({ name: 'Brightline Roofing', domains: ['brightlineroofing.example'] });

    const list = (await (await h.api('GET', '/api/drafts?status=pending')).json()) as { drafts: Array<{ id: string; kind: string; sourceId: string; body: string }> };
    const recap = list.drafts.find((d) => d.kind === 'recap' && d.sourceId === id)!;
    expect(recap.body).toContain('Hi Dale and Carla');

    const edited = await h.api('PATCH', `/api/drafts/${recap.id}`, { body: `${recap.body}\n\nP.S. edited` });
    expect(edited.status).toBe(200);
    const rejectNoReason = await h.api('POST', `/api/drafts/${recap.id}/reject`, {});
    expect(rejectNoReason.status).toBe(400);
    const approved = await h.api('POST', `/api/drafts/${recap.id}/approve`);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', decidedBy: 'admin' });
    const again = await h.api('POST', `/api/drafts/${recap.id}/approve`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');

    const detail = (await (await h.api('GET', `/api/drafts/${recap.id}`)).json()) as { audit: Array<{ action: string }>; edits: Array<{ after: string }> };
    expect(detail.audit.map((a) => a.action)).toEqual(['draft.edit', 'draft.approve']);
    expect(detail.edits[0]!.after).toContain('P.S. edited');
  });

  it('posting the same source twice returns the same id and creates nothing', async () => {
    const input = caseInput(loadCase('d02'));
    const first = (await (await h.api('POST', '/api/sources', input)).json()) as { id: string };
    const second = await h.api('POST', '/api/sources', input);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string; duplicate: boolean })).toMatchObject({ id: first.id, duplicate: true });
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sources WHERE title = $1', [(input.source as { title: string }).title]);
    expect(row?.n).toBe(1);
  });

  it('a transcript with no account it can resolve is parked as unassigned, then processed once assigned', async () => {
    const c = loadCase('d06');
    const res = await h.api('POST', '/api/sources', { kind: 'transcript', date: c.date, source: c.source });
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('unassigned');
    await h.runner.drain();
    const listed = (await (await h.api('GET', '/api/sources?status=unassigned')).json()) as { sources: Array<{ id: string }> };
    expect(listed.sources.map((s) => s.id)).toContain(id);

    const acc = (await (await h.api('POST', '/api/accounts', { name: c.account.name, domains: [c.account.domain], tier: 3 })).json()) as { id: string };
    const assigned = await h.api('POST', `/api/sources/${id}/assign`, { accountId: acc.id });
    expect(assigned.status).toBe(200);
    await h.runner.drain();
    const after = (await (await h.api('GET', `/api/sources/${id}`)).json()) as { status: string; accountId: string };
    expect(after).toMatchObject({ status: 'processed', accountId: acc.id });
  });
});
