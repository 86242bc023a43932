import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createPeriodicTimer } from '../../src/jobs/periodic.js';
import { runPeriodicChecks } from '../../src/memory/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';
import { email, item, items, post, postCase, type ItemJson } from './helpers.js';

describe.each(DRIVERS)('memory lifecycle on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db, { now: '2026-03-10T15:00:00Z' });
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('a request from an email is merged with the same request from a later call, visibly and undoably', async () => {
    const account = { name: 'Brightline Roofing', domain: 'brightlineroofing.example' };
    const mail = await post(h, {
      kind: 'email', account,
      source: { raw: email({
        from: 'Carla Mendez <carla@brightlineroofing.example>', subject: 'Saturday hours', date: 'Mon, 09 Mar 2026 09:12:00 -0500',
        messageId: 'hours-1@brightlineroofing.example',
        body: 'Hi Nadia,\n\nCould you update the hours on our Google Business Profile? We are open Saturdays now, eight to noon.\n\nThanks,\nCarla',
      }) },
    });
    const before = await items(h, mail.accountId, 'request');
    const fromEmail = before.find((i) => i.quote.includes('Google Business Profile'))!;
    expect(fromEmail).toBeDefined();

    const call = await postCase(h, 'd01'); // the next day's call repeats the ask
    expect(call.accountId).toBe(mail.accountId);
    const after = await items(h, call.accountId, 'request');
    const same = after.filter((i) => i.quote.includes('Google Business Profile'));
    expect(same.map((i) => i.id)).toEqual([fromEmail.id]); // no duplicate
    // the call's own other requests are new items
    expect(after.length).toBeGreaterThan(before.length);

    const detail = await item(h, fromEmail.id);
    expect(detail.mentions).toBe(2);
    expect(detail.mentionList!.map((m) => [m.role, m.sourceKind, m.sourceId])).toEqual([
      ['mention', 'email', mail.sourceId],
      ['merge', 'call', call.sourceId],
    ]);
    // the call's source view lists the merged item too
    const src = (await (await h.api('GET', `/api/sources/${call.sourceId}`)).json()) as { items: { requests: ItemJson[] } };
    expect(src.items.requests.map((r) => r.id)).toContain(fromEmail.id);

    // undo: the call's mention becomes its own item again
    const merge = detail.mentionList!.find((m) => m.role === 'merge')!;
    const split = await h.api('POST', `/api/items/${fromEmail.id}/mentions/${merge.id}/split`);
    expect(split.status).toBe(201);
    const own = (await split.json()) as ItemJson;
    expect(own.id).not.toBe(fromEmail.id);
    expect(own.mentionList!.map((m) => m.sourceId)).toEqual([call.sourceId]);
    expect((await item(h, fromEmail.id)).mentions).toBe(1);
    const firstMention = (await item(h, fromEmail.id)).mentionList![0]!;
    const bad = await h.api('POST', `/api/items/${fromEmail.id}/mentions/${firstMention.id}/split`);
    expect(bad.status).toBe(409);
  });

  it('a commitment is done when a later source reports it done; others stay open', async () => {
    const account = { name: 'Brightline Two', domain: 'brightline-two.example' };
    const call = await postCase(h, 'd01', account);
    const promised = await items(h, call.accountId, 'commitment');
    const photos = promised.find((c) => c.quote.includes('crew photos'))!;
    expect(photos).toMatchObject({ status: 'open', owner_side: 'client' });

    await post(h, {
      kind: 'email', account,
      source: { raw: email({
        from: 'Carla Mendez <carla@brightline-two.example>', subject: 'Photos', date: 'Thu, 12 Mar 2026 10:00:00 -0500',
        messageId: 'photos-1@brightline-two.example', body: 'Hi Nadia,\n\nI sent over the new crew photos this morning.\n\nCarla',
      }) },
    });
    const done = await item(h, photos.id);
    expect(done.status).toBe('done');
    expect(done.mentionList!.find((m) => m.role === 'fulfilment')).toMatchObject({ sourceKind: 'email', quote: 'I sent over the new crew photos this morning.' });
    const rest = (await items(h, call.accountId, 'commitment')).filter((c) => c.id !== photos.id);
    expect(rest.length).toBeGreaterThan(0);
    for (const c of rest) expect(c.status).toBe('open');
  });

  it('at a fake clock: commitments go overdue, late client promises and unacknowledged requests become risks, once', async () => {
    const account = { name: 'Brightline Three', domain: 'brightline-three.example' };
    const call = await postCase(h, 'd01', account);
    const reqs = await items(h, call.accountId, 'request');
    const acked = await h.api('POST', `/api/items/${reqs[0]!.id}/status`, { status: 'acknowledged' });
    expect(acked.status).toBe(200);
    expect(((await acked.json()) as ItemJson).status).toBe('acknowledged');
    expect((await h.api('POST', `/api/items/${reqs[0]!.id}/status`, { status: 'overdue' })).status).toBe(409);

    h.clock.set('2026-03-10T18:00:00Z'); // same day: nothing is late yet
    let result = await runPeriodicChecks(h.ctx);
    expect(result.signals.filter((s) => s.accountId === call.accountId)).toEqual([]);

    h.clock.set('2026-03-16T12:00:00Z'); // Monday after: every dated promise (03-10 .. 03-13) has passed
    result = await runPeriodicChecks(h.ctx);
    const mine = result.signals.filter((s) => s.accountId === call.accountId);
    const commitments = await items(h, call.accountId, 'commitment');
    for (const c of commitments) if (c.due && c.due < '2026-03-16') expect(c.status).toBe('overdue');
    const clientLate = commitments.filter((c) => c.status === 'overdue' && c.owner_side === 'client');
    expect(clientLate.length).toBeGreaterThan(0);
    expect(mine.filter((s) => s.kind === 'client_commitment_overdue')).toHaveLength(clientLate.length);
    // every open request but the acknowledged one is flagged
    expect(mine.filter((s) => s.kind === 'unacknowledged_request')).toHaveLength(reqs.length - 1);

    const risk = await item(h, mine.find((s) => s.kind === 'client_commitment_overdue')!.itemId);
    expect(risk).toMatchObject({ type: 'risk', origin: 'system', kind: 'client_commitment_overdue', status: 'open' });
    expect(risk.evidence).toMatchObject({ ownerSide: 'client', due: clientLate[0]!.due, daysOverdue: expect.any(Number) });

    const again = await runPeriodicChecks(h.ctx);
    expect(again.signals.filter((s) => s.accountId === call.accountId)).toEqual([]);

    const state = (await (await h.api('GET', `/api/accounts/${call.accountId}`)).json()) as { name: string; state: { overdueCount: number; openRequests: ItemJson[]; risks: ItemJson[]; commitments: { client: Array<ItemJson & { overdue: boolean }> } } };
    expect(state.name).toBe('Brightline Three');
    expect(state.state.overdueCount).toBe(commitments.filter((c) => c.status === 'overdue').length);
    expect(state.state.commitments.client.every((c) => c.overdue)).toBe(true);
    expect(state.state.risks.length).toBe(mine.length);
  });

  it('a tier cadence missed raises one signal; an account cadence overrides the tier', async () => {
    const created = await h.api('POST', '/api/accounts', { name: 'Sunridge Weekly', tier: 3, domains: ['sunridge-weekly.example'], cadenceDays: 7 });
    expect(created.status).toBe(201);
    const weekly = await postCase(h, 'd04', { name: 'Sunridge Weekly', domain: 'sunridge-weekly.example', tier: 3 }); // call on 2026-03-19
    const monthly = await postCase(h, 'd04', { name: 'Sunridge Monthly', domain: 'sunridge-monthly.example', tier: 3 });
    const biweekly = await postCase(h, 'd01', { name: 'Brightline Four', domain: 'brightline-four.example', tier: 2 }); // 2026-03-10

    h.clock.set('2026-03-27T12:00:00Z'); // 8 days after the tier-3 calls, 17 after the tier-2 call
    const r = await runPeriodicChecks(h.ctx);
    const cadence = (acc: string) => r.signals.filter((s) => s.kind === 'cadence_missed' && s.accountId === acc);
    expect(cadence(weekly.accountId)).toHaveLength(1);
    expect(cadence(monthly.accountId)).toHaveLength(0);
    expect(cadence(biweekly.accountId)).toHaveLength(1);
    const sig = await item(h, cadence(biweekly.accountId)[0]!.itemId);
    expect(sig.evidence).toMatchObject({ cadenceDays: 14, tier: 2, daysSinceLastCall: 17, lastCallSourceId: biweekly.sourceId });

    expect((await runPeriodicChecks(h.ctx)).signals.filter((s) => s.kind === 'cadence_missed')).toEqual([]);
    h.clock.set('2026-04-21T12:00:00Z'); // 33 days after: now the monthly one too, raised by the Node server's timer
    const timer = createPeriodicTimer(h.ctx, { minutes: 60 });
    timer.start();
    await timer.stop();
    const risks = await items(h, monthly.accountId, 'risk');
    expect(risks.filter((r) => r.kind === 'cadence_missed')).toHaveLength(1);

    const timeline = (await (await h.api('GET', `/api/accounts/${biweekly.accountId}/timeline`)).json()) as { events: Array<{ type: string; kind?: string; sourceId?: string; items?: unknown[] }> };
    expect(timeline.events.map((e) => e.type)).toContain('signal');
    const callEvent = timeline.events.find((e) => e.type === 'source')!;
    expect(callEvent).toMatchObject({ sourceId: biweekly.sourceId, kind: 'call' });
    expect(callEvent.items!.length).toBeGreaterThan(0);
  });
});
