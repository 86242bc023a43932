import type { Ctx } from '../ctx.js';
import { AppError, isRetryable } from '../errors.js';
import { newId } from '../ids.js';
import { yieldToEventLoop } from '../yield.js';
import { processSource } from './process-source.js';
import type { JobQueue } from './types.js';

export interface Claimed {
  id: string;
  attempts: number;
  maxAttempts: number;
}

const CLAIMABLE = `((status IN ('received', 'needs_transcript') AND next_attempt_at <= $1)
                   OR (status = 'processing' AND lease_until < $1))`;

/** Claims up to `limit` due sources (and stale leases after a crash). Replicas never claim the same one. */
export async function claimDue(ctx: Pick<Ctx, 'db' | 'clock' | 'config'>, workerId: string, limit: number, onlyId?: string): Promise<Claimed[]> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + ctx.config.LIAISON_JOB_LEASE_SECONDS * 1000);
  const rows = await ctx.db.query<{ id: string; attempts: number; max_attempts: number }>(
    `WITH due AS (
       SELECT id FROM sources WHERE ${CLAIMABLE} ${onlyId ? 'AND id = $5' : ''}
       ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
     UPDATE sources s SET status = 'processing', attempts = s.attempts + 1, lease_until = $2, leased_by = $3, updated_at = now()
     FROM due WHERE s.id = due.id
     RETURNING s.id, s.attempts, s.max_attempts`,
    onlyId ? [now, leaseUntil, workerId, limit, onlyId] : [now, leaseUntil, workerId, limit],
  );
  return rows.map((r) => ({ id: r.id, attempts: r.attempts, maxAttempts: r.max_attempts }));
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s ... capped at 10 minutes; Retry-After wins when longer. */
export function backoffMs(attempt: number, retryAfterSeconds?: number, random = Math.random): number {
  const base = Math.min(2000 * 2 ** Math.max(0, attempt - 1), 600_000);
  const jittered = base / 2 + random() * (base / 2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** Runs one claimed job to its end state: processed, unassigned, retry later, or failed. */
export async function runClaimed(ctx: Ctx, job: Claimed, workerId: string): Promise<'processed' | 'unassigned' | 'retry' | 'failed'> {
  try {
    const outcome = await processSource(ctx, job.id);
    await ctx.db.query(
      `UPDATE sources SET status = $3, processed_at = CASE WHEN $3 = 'processed' THEN $4::timestamptz ELSE processed_at END,
         lease_until = NULL, leased_by = NULL, last_error = NULL, updated_at = now()
       WHERE id = $1 AND leased_by = $2`,
      [job.id, workerId, outcome, ctx.clock.now()],
    );
    return outcome;
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const retry = isRetryable(err) && job.attempts < job.maxAttempts;
    const wait = backoffMs(job.attempts, err instanceof AppError ? err.retryAfterSeconds : undefined);
    await ctx.db.query(
      `UPDATE sources SET
         status = CASE WHEN $3 THEN (CASE WHEN origin = 'fathom' AND (normalized IS NULL OR jsonb_array_length(normalized->'segments') = 0)
                                          THEN 'needs_transcript' ELSE 'received' END)
                       ELSE 'failed' END,
         next_attempt_at = $4, last_error = $5, lease_until = NULL, leased_by = NULL, updated_at = now()
       WHERE id = $1 AND leased_by = $2`,
      [job.id, workerId, retry, new Date(ctx.clock.now().getTime() + wait), message.slice(0, 4000)],
    );
    ctx.logger.warn(retry ? 'job failed, will retry' : 'job failed', { sourceId: job.id, attempt: job.attempts, error: message });
    return retry ? 'retry' : 'failed';
  }
}

export interface JobRunner extends JobQueue {
  start(): void;
  stop(): Promise<void>;
  /** Processes everything due now (and what that makes due), then resolves. For tests and the CLI. */
  drain(): Promise<number>;
}

/**
 * Ingest first. In the Node shape the runner shares one thread (and, on PGlite, one database) with the
 * HTTP server: while it extracts and stores a call, a webhook waits for its acknowledgement. So no job
 * starts while deliveries are in flight or until they have been quiet for `quietMs`; a due job waits at
 * most `maxDeferMs` for that, so a steady stream of deliveries delays processing but never starves it.
 */
export function createDeliveryGate(quietMs: number, maxDeferMs: number, now: () => number = () => performance.now()) {
  let inflight = 0;
  let lastEnd = -Infinity;
  return {
    started(): () => void {
      inflight++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inflight--;
        lastEnd = now();
      };
    },
    /** How long to hold off before starting work now; 0 when it may start. */
    holdMs(deferredSince: number): number {
      if (now() - deferredSince >= maxDeferMs) return 0;
      if (inflight > 0) return quietMs;
      return Math.max(0, quietMs - (now() - lastEnd));
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The in-process runner of the Node shape: polls, and is woken at once by each delivery. */
export function createJobRunner(ctx: Ctx, opts: { pollMs?: number; concurrency?: number } = {}): JobRunner {
  const workerId = newId('wrk');
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = opts.concurrency ?? ctx.config.LIAISON_JOB_CONCURRENCY;
  const gate = createDeliveryGate(ctx.config.LIAISON_JOB_QUIET_MS, ctx.config.LIAISON_JOB_MAX_DEFER_SECONDS * 1000);
  let stopped = true;
  // A stopped runner (drain() in tests and the CLI) only yields: nothing else shares its process.
  const waitForQuiet = async () => {
    await yieldToEventLoop(); // let arrived requests be read first: they are what the gate counts
    const since = performance.now();
    for (let hold = gate.holdMs(since); hold > 0 && !stopped; hold = gate.holdMs(since)) await sleep(Math.min(hold, 50));
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  // A wake-up that arrives mid-tick must not wait for the next poll.
  let wokenWhileRunning = false;
  let active: Promise<number> | null = null;

  const tick = async (gated: boolean): Promise<number> => {
    let done = 0;
    for (;;) {
      await (gated ? waitForQuiet() : yieldToEventLoop());
      if (gated && stopped) return done;
      const jobs = await claimDue(ctx, workerId, concurrency);
      if (!jobs.length) return done;
      await Promise.all(jobs.map((j) => runClaimed(ctx, j, workerId)));
      done += jobs.length;
    }
  };
  const loop = async () => {
    if (running || stopped) return;
    running = true;
    try {
      active = tick(true);
      await active;
    } catch (err) {
      ctx.logger.error('job runner tick failed', { error: String(err) });
    } finally {
      running = false;
      active = null;
      if (!stopped) timer = setTimeout(loop, wokenWhileRunning ? 0 : pollMs);
      wokenWhileRunning = false;
    }
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await active?.catch(() => 0);
    },
    deliveryStarted: () => gate.started(),
    quiet: waitForQuiet,
    async enqueue() {
      if (stopped) return;
      if (running) {
        wokenWhileRunning = true;
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(loop, 0);
    },
    async drain() {
      while (running) await active?.catch(() => 0);
      return tick(false);
    },
  };
}
