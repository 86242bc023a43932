import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { backoffMs, claimDue, runClaimed } from '../../src/jobs/index.js';
import { caseInput, loadCase } from '../helpers/cases.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { createPgliteDb } from '../helpers/db.js';
import { FakeExtractor } from '../helpers/fakes.js';

async function statusOf(db: Db, id: string) {
  const [row] = await db.query<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>(
    'SELECT status, attempts, last_error, next_attempt_at FROM sources WHERE id = $1', [id]);
  return row!;
}

describe('durable processing', () => {
  let db: Db;
  let h: TestHarness;
  let extractor: FakeExtractor;
  beforeAll(async () => {
    db = await createPgliteDb();
    extractor = new FakeExtractor();
    h = createHarness(db, { extractor, env: { LIAISON_JOB_MAX_ATTEMPTS: '3' } });
  });
  afterAll(async () => db.close());

  async function post(id: string, title: string) {
    const input = caseInput(loadCase(id));
    (input.source as { title: string }).title = title;
    const res = await h.api('POST', '/api/sources', input);
    return ((await res.json()) as { id: string }).id;
  }

  it('retries a retryable failure after a backoff, then processes the source', async () => {
    const id = await post('d01', 'retry-then-ok');
    extractor.failNext(1);
    await h.runner.drain();
    let s = await statusOf(db, id);
    expect(s).toMatchObject({ status: 'received', attempts: 1 });
    expect(s.last_error).toMatch(/provider unavailable/);
    expect(s.next_attempt_at.getTime()).toBeGreaterThan(h.clock.now().getTime());

    await h.runner.drain(); // not due yet: nothing happens
    expect((await statusOf(db, id)).attempts).toBe(1);

    h.clock.advance(60_000);
    await h.runner.drain();
    s = await statusOf(db, id);
    expect(s).toMatchObject({ status: 'processed', attempts: 2, last_error: null });
  });

  it('ends as failed with the error after the last attempt, keeps the raw delivery, and can be retried', async () => {
    const id = await post('d03', 'always-failing');
    extractor.failNext(3);
    for (let i = 0; i < 3; i++) {
      await h.runner.drain();
      h.clock.advance(10 * 60_000);
    }
    const s = await statusOf(db, id);
    expect(s).toMatchObject({ status: 'failed', attempts: 3 });
    const [raw] = await db.query<{ raw: string }>('SELECT raw FROM sources WHERE id = $1', [id]);
    expect(raw!.raw).toContain('always-failing');

    const retried = await h.api('POST', `/api/sources/${id}/retry`);
    expect(retried.status).toBe(200);
    await h.runner.drain();
    expect((await statusOf(db, id)).status).toBe('processed');
  });

  it('fails at once on a non-retryable error', async () => {
    const id = await post('d04', 'permanent');
    extractor.failNextPermanently();
    await h.runner.drain();
    expect(await statusOf(db, id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('reclaims a lease left by a crashed worker, and never hands one source to two workers', async () => {
    const id = await post('d05', 'crashed-worker');
    const first = await claimDue(h.ctx, 'worker-a', 10);
    expect(first.map((j) => j.id)).toContain(id);
    // A second worker sees nothing while the lease is live.
    expect((await claimDue(h.ctx, 'worker-b', 10)).map((j) => j.id)).not.toContain(id);
    // worker-a dies without finishing; after the lease it is claimed again.
    h.clock.advance(h.ctx.config.LIAISON_JOB_LEASE_SECONDS * 1000 + 1000);
    const again = await claimDue(h.ctx, 'worker-b', 10);
    const job = again.find((j) => j.id === id)!;
    expect(job.attempts).toBe(2);
    expect(await runClaimed(h.ctx, job, 'worker-b')).toBe('processed');
    // The crashed worker's late completion cannot overwrite the new owner's result.
    await db.query(`UPDATE sources SET status = 'failed' WHERE id = $1 AND leased_by = 'worker-a'`, [id]);
    expect((await statusOf(db, id)).status).toBe('processed');
  });

  it('backoff grows exponentially, is jittered, and honours Retry-After', () => {
    expect(backoffMs(1, undefined, () => 1)).toBe(2000);
    expect(backoffMs(3, undefined, () => 1)).toBe(8000);
    expect(backoffMs(3, undefined, () => 0)).toBe(4000);
    expect(backoffMs(30, undefined, () => 1)).toBe(600_000);
    expect(backoffMs(1, 30, () => 1)).toBe(30_000);
  });
});
