import type { Ctx } from '../../ctx.js';
import { findStrandedSources, runPeriodic } from '../../jobs/index.js';

export interface ScheduledOutcome {
  overdue: number;
  signals: number;
  requeued: number;
}

/** The cron trigger: the periodic pass (checks, then the drafts they call for), then re-queue stranded sources. */
export async function handleScheduled(ctx: Ctx): Promise<ScheduledOutcome> {
  const { checks } = await runPeriodic(ctx);
  const stranded = await findStrandedSources(ctx);
  for (const id of stranded) await ctx.jobs.enqueue(id);
  const outcome = { overdue: checks.overdue, signals: checks.signals.length, requeued: stranded.length };
  ctx.logger.info('scheduled run done', outcome);
  return outcome;
}
