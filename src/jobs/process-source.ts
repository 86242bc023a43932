import type { Ctx } from '../ctx.js';
import { draftForSource } from '../draft/index.js';
import { finalizeExtraction } from '../extract/index.js';
import { getAccount, getSourceRow, readNormalized } from '../ingest/index.js';
import { completeMissingTranscript } from '../ingest/fathom/complete-transcript.js';
import { listItemsForSource, storeExtraction } from '../memory/index.js';

export type ProcessOutcome = 'processed' | 'unassigned';

/**
 * One source through the pipeline: extract (one call), verify in code, store items, chunks and
 * embeddings in one transaction, then draft from the stored items. Safe to re-run.
 */
export async function processSource(ctx: Ctx, sourceId: string): Promise<ProcessOutcome> {
  const row = await getSourceRow(ctx.db, sourceId);
  let source = readNormalized(row);
  if (!source || (source.kind === 'call' && source.segments.length === 0 && row.origin === 'fathom')) {
    source = await completeMissingTranscript(ctx, sourceId);
  }
  if (!source) throw new Error(`source ${sourceId} has no normalized form`);
  if (!row.account_id) return 'unassigned';
  const account = await getAccount(ctx.db, row.account_id);

  const log = ctx.logger.child({ sourceId, accountId: account.id });
  // Between steps, deliveries arriving meanwhile are answered first (JobQueue.quiet).
  await ctx.jobs.quiet?.();
  const raw = await ctx.extractor.extract({ source, account: { name: account.name, tier: account.tier }, sourceId });
  await ctx.jobs.quiet?.();
  const extraction = finalizeExtraction(source, raw);
  if (extraction.meta.droppedQuotes) log.warn('dropped items whose quote is not in the source', { dropped: extraction.meta.droppedQuotes });
  await storeExtraction(ctx, { sourceId, accountId: account.id, source, extraction });
  await ctx.jobs.quiet?.();
  const items = await listItemsForSource(ctx.db, sourceId);
  await draftForSource(ctx, { sourceId, accountId: account.id, accountName: account.name, source, items });
  log.info('source processed', {
    requests: items.requests.length, commitments: items.commitments.length, risks: items.risks.length,
  });
  return 'processed';
}
