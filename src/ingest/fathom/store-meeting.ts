import type { Ctx } from '../../ctx.js';
import { findAccountByDomains } from '../accounts.js';
import { storeSource, type StoredSource } from '../store-source.js';
import { normalizeMeeting } from './normalize-meeting.js';
import type { FathomMeeting } from './schemas.js';

export const recordingKey = (recordingId: number | string) => `fathom:recording:${recordingId}`;

export interface StoreMeetingInput {
  /** The meeting as received (the webhook body byte for byte, or the item of a GET /meetings page). */
  raw: string;
  meeting: FathomMeeting;
  via: 'webhook' | 'backfill';
  webhookId?: string;
}

/**
 * One Fathom meeting, from a webhook or the API, becomes one source: idempotent on recording_id, the
 * account from the external invitees' domains (else unassigned), needs_transcript when it came without one.
 * Stored normalized without segments (participants, context, links are there); see completeMissingTranscript.
 */
export async function storeFathomMeeting(ctx: Pick<Ctx, 'db' | 'jobs' | 'config' | 'clock'>, input: StoreMeetingInput): Promise<StoredSource> {
  // Without segments: the job runner builds them from `raw` (completeMissingTranscript). Writing a two-hour
  // call twice (raw text and jsonb) on the acknowledgement path made the insert ~4x slower on PGlite.
  const normalized = normalizeMeeting(input.meeting, ctx.config.AGENCY_DOMAINS, []);
  const clientDomains = [
    ...new Set(
      normalized.participants
        .filter((p) => p.side === 'client' && p.email)
        .map((p) => p.email!.split('@')[1]!.toLowerCase())
        .filter((d) => !ctx.config.AGENCY_DOMAINS.includes(d)),
    ),
  ];
  const account = clientDomains.length ? await findAccountByDomains(ctx.db, clientDomains) : null;
  const segments = input.meeting.transcript?.length ?? 0;
  const stored = await storeSource(ctx, {
    kind: 'call',
    origin: 'fathom',
    externalId: String(input.meeting.recording_id),
    idempotencyKey: recordingKey(input.meeting.recording_id),
    raw: input.raw,
    rawContentType: 'application/json',
    normalized,
    accountId: account?.id ?? null,
    hints: { via: input.via, recordingId: input.meeting.recording_id, webhookId: input.webhookId ?? null, clientDomains, transcriptSegments: segments },
    status: segments > 0 ? (account ? 'received' : 'unassigned') : 'needs_transcript',
  });
  if (stored.created || segments === 0) return stored;
  // The same recording again, this time with its transcript (another webhook with include_transcript on):
  // it completes a copy still waiting for one, instead of waiting on the Fathom API. Creates nothing.
  const upgraded = await ctx.db.query<{ status: StoredSource['status']; account_id: string | null }>(
    `UPDATE sources SET raw = $2, normalized = $3, hints = hints || $4::jsonb, account_id = COALESCE(account_id, $5),
        status = CASE WHEN COALESCE(account_id, $5) IS NULL THEN 'unassigned' ELSE 'received' END,
        attempts = 0, last_error = NULL, next_attempt_at = $6, updated_at = now()
      WHERE id = $1 AND status IN ('needs_transcript', 'failed')
        AND COALESCE((hints->>'transcriptSegments')::int, 0) = 0 AND COALESCE(jsonb_array_length(normalized->'segments'), 0) = 0
      RETURNING status, account_id`,
    [stored.id, input.raw, JSON.stringify(normalized), JSON.stringify({ transcriptSegments: segments, completedBy: input.webhookId ?? input.via }), account?.id ?? null, ctx.clock.now()],
  );
  if (!upgraded[0]) return stored;
  if (upgraded[0].status === 'received') await ctx.jobs.enqueue(stored.id);
  return { ...stored, status: upgraded[0].status, accountId: upgraded[0].account_id };
}
