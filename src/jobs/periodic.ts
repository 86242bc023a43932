import type { Ctx } from '../ctx.js';
import { draftPeriodic } from '../draft/index.js';
import { runPeriodicChecks } from '../memory/index.js';

export interface PeriodicTimer {
  start(): void;
  stop(): Promise<void>;
}

/**
 * One periodic pass, shared by the Node timer and the Worker's cron: the memory checks (overdue,
 * cadence, unacknowledged) raise their signals, then the drafts they call for are written
 * (chasers, leadership flags, write-ups on the tier's cadence).
 */
export async function runPeriodic(ctx: Ctx) {
  const checks = await runPeriodicChecks(ctx);
  const drafts = await draftPeriodic(ctx);
  return { checks, drafts };
}

/** The Node shape's cron: runs the periodic pass now and every N minutes. */
export function createPeriodicTimer(ctx: Ctx, opts: { minutes?: number; firstRunDelayMs?: number } = {}): PeriodicTimer {
  const ms = Math.max(1, opts.minutes ?? 15) * 60_000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let first: ReturnType<typeof setTimeout> | null = null;
  let active: Promise<unknown> | null = null;
  const tick = () => {
    if (active) return;
    active = runPeriodic(ctx)
      .catch((err) => ctx.logger.error('periodic checks failed', { error: String(err) }))
      .finally(() => { active = null; });
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(tick, ms);
      (timer as { unref?: () => void }).unref?.();
      if (opts.firstRunDelayMs) {
        first = setTimeout(tick, opts.firstRunDelayMs);
        (first as { unref?: () => void }).unref?.();
      } else tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      timer = null;
      first = null;
      await active;
    },
  };
}
