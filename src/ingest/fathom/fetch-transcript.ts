import { z } from 'zod';
import type { Ctx } from '../../ctx.js';
import type { SourceStatus } from '../../domain/schemas.js';
import { AppError, ConflictError } from '../../errors.js';
import { completeMissingTranscript } from './complete-transcript.js';
import type { FathomApi } from './fathom-api.js';

export const FetchFathomTranscriptInput = z.object({
  recordingId: z.coerce.number().int().positive(),
  /** Fetch again even when the stored source already has a transcript. */
  force: z.boolean().default(false),
});

export interface FetchedTranscript {
  sourceId: string;
  recordingId: number;
  segments: number;
  status: SourceStatus;
  /** False when the source already had its transcript (and force was not set). */
  fetched: boolean;
}

/** `liaison fathom fetch <recording_id>`: gets the transcript now and queues the source for processing. */
export async function fetchFathomTranscript(ctx: Ctx, raw: z.input<typeof FetchFathomTranscriptInput>, api?: FathomApi): Promise<FetchedTranscript> {
  const input = FetchFathomTranscriptInput.parse(raw);
  const rows = await ctx.db.query<{ id: string; status: SourceStatus; account_id: string | null; segments: number | null }>(
    `SELECT id, status, account_id,
            GREATEST(COALESCE(jsonb_array_length(normalized->'segments'), 0), COALESCE((hints->>'transcriptSegments')::int, 0)) AS segments
       FROM sources WHERE origin = 'fathom' AND external_id = $1 ORDER BY created_at LIMIT 1`,
    [String(input.recordingId)],
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', `Fathom recording ${input.recordingId} is not stored yet: it arrives by webhook, or run \`liaison fathom backfill\``);
  if (row.status === 'processing') throw new ConflictError(`source ${row.id} is being processed right now`);
  if ((row.segments ?? 0) > 0 && !input.force) {
    return { sourceId: row.id, recordingId: input.recordingId, segments: row.segments!, status: row.status, fetched: false };
  }
  const source = await completeMissingTranscript(ctx, row.id, api, { refetch: input.force });
  // Waiting (needs_transcript) or given up (failed) sources go back to the queue; others keep their state.
  const next: SourceStatus = row.status === 'needs_transcript' || row.status === 'failed' ? (row.account_id ? 'received' : 'unassigned') : row.status;
  await ctx.db.query(
    `UPDATE sources SET status = $2, attempts = CASE WHEN $2 <> status THEN 0 ELSE attempts END, last_error = NULL, next_attempt_at = $3, updated_at = now() WHERE id = $1`,
    [row.id, next, ctx.clock.now()],
  );
  if (next === 'received') await ctx.jobs.enqueue(row.id);
  return { sourceId: row.id, recordingId: input.recordingId, segments: source.segments.length, status: next, fetched: true };
}
