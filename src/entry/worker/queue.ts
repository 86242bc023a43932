import type { Message, MessageBatch } from '@cloudflare/workers-types/index.js';
import type { Ctx } from '../../ctx.js';
import { NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { getSourceRow } from '../../ingest/index.js';
import { backoffMs, claimDue, runClaimed } from '../../jobs/index.js';
import { JobMessage } from './types.js';

/** Queues accept delays of up to 12 hours. */
const MAX_DELAY_SECONDS = 43_200;

function delaySeconds(ms: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(ms / 1000)));
}

export type MessageOutcome = 'processed' | 'unassigned' | 'failed' | 'done-already' | 'retry' | 'dropped';

/**
 * One message: claim its source (the same lease as the Node runner, so a duplicate message or a
 * concurrent consumer never processes it twice), run the pipeline, and ack or retry with backoff.
 */
export async function handleJobMessage(ctx: Ctx, message: Message<unknown>, workerId: string): Promise<MessageOutcome> {
  const parsed = JobMessage.safeParse(message.body);
  if (!parsed.success) {
    ctx.logger.error('dropping a malformed job message', { messageId: message.id });
    message.ack();
    return 'dropped';
  }
  const { sourceId } = parsed.data;
  const [job] = await claimDue(ctx, workerId, 1, sourceId);
  if (job) {
    const outcome = await runClaimed(ctx, job, workerId);
    if (outcome !== 'retry') {
      message.ack();
      return outcome;
    }
  }
  // Not claimed, or to be retried: the row says whether and when.
  let row;
  try {
    row = await getSourceRow(ctx.db, sourceId);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    ctx.logger.warn('job message for a source that does not exist', { sourceId });
    message.ack();
    return 'dropped';
  }
  const now = ctx.clock.now().getTime();
  if (row.status === 'received' || row.status === 'needs_transcript') {
    message.retry({ delaySeconds: delaySeconds((row.next_attempt_at?.getTime() ?? now) - now) });
    return 'retry';
  }
  if (row.status === 'processing') {
    // Leased by another consumer (or a crashed one): look again when the lease can have expired.
    message.retry({ delaySeconds: delaySeconds(ctx.config.LIAISON_JOB_LEASE_SECONDS * 1000) });
    return 'retry';
  }
  message.ack();
  return 'done-already';
}

/** The queue() consumer: each message on its own, a few at a time; a message that throws is retried with backoff. */
export async function handleBatch(ctx: Ctx, batch: MessageBatch<unknown>): Promise<MessageOutcome[]> {
  const workerId = newId('wrk');
  const outcomes: MessageOutcome[] = [];
  const pending = [...batch.messages];
  const lane = async () => {
    for (let m = pending.shift(); m; m = pending.shift()) {
      try {
        outcomes.push(await handleJobMessage(ctx, m, workerId));
      } catch (err) {
        // The pipeline records its own failures on the source; this is the database or the platform.
        ctx.logger.error('job message failed; retrying', { messageId: m.id, attempts: m.attempts, error: String(err) });
        m.retry({ delaySeconds: delaySeconds(backoffMs(m.attempts)) });
        outcomes.push('retry');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ctx.config.LIAISON_JOB_CONCURRENCY, pending.length) }, lane));
  return outcomes;
}
