import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createDeliveryGate } from '../../src/jobs/runner.js';
import { caseInput, loadCase } from '../helpers/cases.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { createPgliteDb } from '../helpers/db.js';
import { FakeExtractor } from '../helpers/fakes.js';

describe('ingest first: the delivery gate', () => {
  it('holds work while a delivery is in flight and for the quiet period after it', () => {
    let t = 1000;
    const gate = createDeliveryGate(250, 30_000, () => t);
    expect(gate.holdMs(t)).toBe(0); // nothing arriving: start at once
    const done = gate.started();
    expect(gate.holdMs(t)).toBe(250);
    t += 5_000;
    expect(gate.holdMs(1000)).toBe(250); // still in flight
    done();
    t += 100;
    expect(gate.holdMs(t)).toBe(150);
    t += 150;
    expect(gate.holdMs(t)).toBe(0);
  });

  it('never holds a due job longer than the maximum deferral, however busy deliveries are', () => {
    let t = 0;
    const gate = createDeliveryGate(250, 30_000, () => t);
    gate.started();
    const since = t;
    t = 29_999;
    expect(gate.holdMs(since)).toBe(250);
    t = 30_000;
    expect(gate.holdMs(since)).toBe(0);
  });

  it('counts overlapping deliveries, and a second call of done changes nothing', () => {
    let t = 0;
    const gate = createDeliveryGate(100, 30_000, () => t);
    const a = gate.started();
    const b = gate.started();
    a();
    a();
    t = 1_000;
    expect(gate.holdMs(t)).toBe(100); // b is still in flight
    b();
    t = 1_100;
    expect(gate.holdMs(t)).toBe(0);
  });
});

describe('ingest first: the runner', () => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createPgliteDb();
    h = createHarness(db, { extractor: new FakeExtractor(), env: { LIAISON_JOB_QUIET_MS: '100', LIAISON_JOB_MAX_DEFER_SECONDS: '2' } });
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  const status = async (id: string) => (await db.query<{ status: string }>('SELECT status FROM sources WHERE id = $1', [id]))[0]!.status;
  async function waitFor(id: string, want: string, ms: number): Promise<number> {
    const t0 = performance.now();
    while ((await status(id)) !== want) {
      if (performance.now() - t0 > ms) throw new Error(`source ${id} still ${await status(id)} after ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - t0;
  }
  async function post(title: string): Promise<string> {
    const input = caseInput(loadCase('d01'));
    (input.source as { title: string }).title = title;
    const res = await h.api('POST', '/api/sources', input);
    return ((await res.json()) as { id: string }).id;
  }

  it('processes a stored source only once deliveries have gone quiet', async () => {
    h.runner.start();
    const done = h.runner.deliveryStarted!();
    const id = await post('held while a delivery is in flight');
    await new Promise((r) => setTimeout(r, 400));
    expect(await status(id)).toBe('received');
    done();
    await waitFor(id, 'processed', 1_500);
    await h.runner.stop();
  });

  it('lets timers and requests run between the jobs of a backlog', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await post(`backlog ${i}`));
    // Embedded PGlite resolves a query within the same turn of the event loop: without a yield between
    // jobs the whole backlog would be processed before this timer (or any HTTP request) got a turn.
    const processed = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sources WHERE id = ANY($1) AND status = 'processed'`, [ids]))[0]!.n;
    let atTimer = -1;
    const timer = new Promise<void>((r) => setTimeout(() => void processed().then((n) => { atTimer = n; r(); }), 0));
    const drained = h.runner.drain();
    await timer;
    await drained;
    expect(atTimer).toBeLessThan(4);
    expect(await processed()).toBe(4);
  });

  it('processes it anyway once it has waited the maximum deferral', async () => {
    h.runner.start();
    const done = h.runner.deliveryStarted!(); // a delivery that never ends: the stream never goes quiet
    const id = await post('processed despite a stream of deliveries');
    const t0 = performance.now();
    await waitFor(id, 'processed', 4_000);
    expect(performance.now() - t0).toBeGreaterThan(1_000);
    done();
    await h.runner.stop();
  });
});
