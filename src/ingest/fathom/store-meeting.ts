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
 */
export async function storeFathomMeeting(ctx: Pick<Ctx, 'db' | 'jobs' | 'config' | 'clock'>, input: StoreMeetingInput): Promise<StoredSource> {
  const normalized = normalizeMeeting(input.meeting, ctx.config.AGENCY_DOMAINS);
  const clientDomains = [
    ...new Set(
      normalized.participants
        .filter((p) => p.side === 'client' && p.email)
        .map((p) => p.email!.split('@')[1]!.toLowerCase())
        .filter((d) => !ctx.config.AGENCY_DOMAINS.includes(d)),
    ),
  ];
  const account = clientDomains.length ? await findAccountByDomains(ctx.db, clientDomains) : null;
  const hasTranscript = normalized.segments.length > 0;
  return storeSource(ctx, {
    kind: 'call',
    origin: 'fathom',
    externalId: String(input.meeting.recording_id),
    idempotencyKey: recordingKey(input.meeting.recording_id),
    raw: input.raw,
    rawContentType: 'application/json',
    normalized,
    accountId: account?.id ?? null,
    hints: { via: input.via, recordingId: input.meeting.recording_id, webhookId: input.webhookId ?? null, clientDomains },
    status: hasTranscript ? (account ? 'received' : 'unassigned') : 'needs_transcript',
  });
}
