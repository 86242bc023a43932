import type { Ctx } from '../../ctx.js';
import type { NormalizedSource } from '../../domain/schemas.js';
import { AppError, UpstreamError, describeIssues } from '../../errors.js';
import { getSourceRow, readNormalized } from '../sources.js';
import { createFathomApi, type FathomApi } from './fathom-api.js';
import { normalizeMeeting } from './normalize-meeting.js';
import { FathomMeeting } from './schemas.js';

/** The stored delivery, re-read from `raw`: what Fathom sent is the source of truth. */
export async function readStoredMeeting(ctx: Pick<Ctx, 'db'>, sourceId: string): Promise<FathomMeeting> {
  const rows = await ctx.db.query<{ raw: string }>('SELECT raw FROM sources WHERE id = $1', [sourceId]);
  let json: unknown;
  try {
    json = JSON.parse(rows[0]?.raw ?? '');
  } catch (err) {
    throw new AppError('UNPROCESSABLE', `source ${sourceId}: stored Fathom body is not JSON: ${(err as Error).message}`);
  }
  const parsed = FathomMeeting.safeParse(json);
  if (!parsed.success) throw new AppError('UNPROCESSABLE', `source ${sourceId}: stored body is not a Fathom meeting: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/**
 * Completes a Fathom source from its stored delivery: the segments from the delivered transcript, or, when
 * Fathom sent none, from the Fathom API. Stores the completed normalized source and returns it. Called by the
 * job runner (retryable errors back off, a 429's Retry-After wins) and by `liaison fathom fetch`.
 */
export async function completeMissingTranscript(ctx: Ctx, sourceId: string, api?: FathomApi, opts: { refetch?: boolean } = {}): Promise<NormalizedSource> {
  const row = await getSourceRow(ctx.db, sourceId);
  const meeting = await readStoredMeeting(ctx, sourceId);
  const stored = readNormalized(row);
  // Segments are built from the delivered transcript when there is one (ingest stores them empty).
  let source = stored?.segments.length && !opts.refetch ? stored : normalizeMeeting(meeting, ctx.config.AGENCY_DOMAINS);
  if (source.segments.length === 0 || opts.refetch) {
    const transcript = await (api ?? createFathomApi(ctx.config)).getTranscript(meeting.recording_id);
    // Fathom answers before its transcript is ready for a while after the call: try again later.
    if (!transcript.length) throw new UpstreamError(`Fathom has no transcript for recording ${meeting.recording_id} yet`);
    source = normalizeMeeting(meeting, ctx.config.AGENCY_DOMAINS, transcript);
    ctx.logger.info('fetched Fathom transcript', { sourceId, recordingId: meeting.recording_id, segments: source.segments.length });
  }
  await ctx.db.query(
    `UPDATE sources SET normalized = $2, title = $3, occurred_at = $4, external_id = COALESCE(external_id, $5), updated_at = now() WHERE id = $1`,
    [sourceId, JSON.stringify(source), source.title, source.occurredAt, String(meeting.recording_id)],
  );
  return source;
}
