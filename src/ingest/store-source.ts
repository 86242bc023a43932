import type { Ctx } from '../ctx.js';
import type { NormalizedSource, SourceKind, SourceStatus } from '../domain/schemas.js';
import { newId } from '../ids.js';

export interface StoreSourceInput {
  kind: SourceKind;
  /** Where it came from: api, fathom, inbound:raw, inbound:postmark, inbound:sendgrid, inbound:mailgun, worker:email. */
  origin: string;
  externalId: string | null;
  /** Unique per delivered thing: a redelivery with the same key creates nothing. */
  idempotencyKey: string;
  raw: string;
  rawContentType: string;
  normalized: NormalizedSource | null;
  accountId: string | null;
  hints?: Record<string, unknown>;
  /** Defaults to received (with an account) or unassigned (without). */
  status?: SourceStatus;
}

export interface StoredSource {
  id: string;
  status: SourceStatus;
  accountId: string | null;
  /** False when the idempotency key matched an existing source. */
  created: boolean;
}

/**
 * Stores a delivery durably before anyone answers for it, then wakes processing.
 * Idempotent on the key: a second delivery returns the first source and creates nothing.
 */
export async function storeSource(ctx: Pick<Ctx, 'db' | 'jobs' | 'config' | 'clock'>, input: StoreSourceInput): Promise<StoredSource> {
  const status: SourceStatus = input.status ?? (input.accountId ? 'received' : 'unassigned');
  const id = newId('src');
  const n = input.normalized;
  const inserted = await ctx.db.query<{ id: string; status: SourceStatus; account_id: string | null }>(
    `INSERT INTO sources (id, account_id, kind, origin, external_id, idempotency_key, status, raw, raw_content_type,
                          normalized, hints, title, occurred_at, max_attempts, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id, status, account_id`,
    [
      id, input.accountId, input.kind, input.origin, input.externalId, input.idempotencyKey, status, input.raw,
      input.rawContentType, n ? JSON.stringify(n) : null, JSON.stringify(input.hints ?? {}), n?.title ?? null,
      n?.occurredAt ?? null, ctx.config.LIAISON_JOB_MAX_ATTEMPTS, ctx.clock.now(),
    ],
  );
  if (inserted[0]) {
    if (status === 'received' || status === 'needs_transcript') await ctx.jobs.enqueue(inserted[0].id);
    return { id: inserted[0].id, status, accountId: input.accountId, created: true };
  }
  const existing = await ctx.db.query<{ id: string; status: SourceStatus; account_id: string | null }>(
    'SELECT id, status, account_id FROM sources WHERE idempotency_key = $1',
    [input.idempotencyKey],
  );
  const row = existing[0]!;
  return { id: row.id, status: row.status, accountId: row.account_id, created: false };
}
