import type { Ctx } from '../ctx.js';

/** A source due this long without being claimed has most likely lost its Queue message. */
const SWEEP_GRACE_MS = 2 * 60_000;
const SWEEP_LIMIT = 100;

/**
 * Sources that are due (or whose lease has expired) but that no consumer has picked up: a send that
 * failed after the source was stored, or a message that went to the dead-letter queue. Re-sending
 * is safe: a consumer only processes a source it can claim.
 */
export async function findStrandedSources(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<string[]> {
  const before = new Date(ctx.clock.now().getTime() - SWEEP_GRACE_MS);
  const rows = await ctx.db.query<{ id: string }>(
    `SELECT id FROM sources
     WHERE (status IN ('received', 'needs_transcript') AND next_attempt_at <= $1)
        OR (status = 'processing' AND lease_until < $1)
     ORDER BY next_attempt_at LIMIT $2`,
    [before, SWEEP_LIMIT],
  );
  return rows.map((r) => r.id);
}
