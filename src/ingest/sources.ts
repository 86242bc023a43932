import { z } from 'zod';
import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { NormalizedSource, SourceStatus, type SourceKind } from '../domain/schemas.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit } from '../audit.js';
import { getAccount } from './accounts.js';

export interface SourceSummary {
  id: string;
  kind: SourceKind;
  origin: string;
  status: SourceStatus;
  accountId: string | null;
  externalId: string | null;
  title: string | null;
  occurredAt: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  processedAt: string | null;
}

export interface SourceRow {
  id: string; kind: SourceKind; origin: string; status: SourceStatus; account_id: string | null; external_id: string | null;
  title: string | null; occurred_at: Date | null; attempts: number; last_error: string | null; next_attempt_at: Date | null;
  created_at: Date; processed_at: Date | null; normalized: unknown; hints: Record<string, unknown>; raw?: string; raw_content_type?: string;
}

const SUMMARY_COLUMNS = `id, kind, origin, status, account_id, external_id, title, occurred_at, attempts, last_error,
  next_attempt_at, created_at, processed_at, normalized, hints`;

export function toSourceSummary(r: SourceRow): SourceSummary {
  return {
    id: r.id, kind: r.kind, origin: r.origin, status: r.status, accountId: r.account_id, externalId: r.external_id,
    title: r.title, occurredAt: iso(r.occurred_at), attempts: r.attempts, lastError: r.last_error,
    nextAttemptAt: iso(r.next_attempt_at), createdAt: iso(r.created_at)!, processedAt: iso(r.processed_at),
  };
}

export async function getSourceRow(db: Db, id: string): Promise<SourceRow> {
  const rows = await db.query<SourceRow>(`SELECT ${SUMMARY_COLUMNS} FROM sources WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('source', id);
  return rows[0];
}

/** The normalized form, re-parsed on read so a stored row that drifted from the schema fails loudly. */
export function readNormalized(row: Pick<SourceRow, 'normalized' | 'id'>): NormalizedSource | null {
  return row.normalized ? NormalizedSource.parse(row.normalized) : null;
}

export const ListSourcesQuery = z.object({
  status: SourceStatus.optional(),
  account: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Created-at cursor (ISO) from the previous page's last row. */
  before: z.string().datetime().optional(),
});

export async function listSources(db: Db, raw: unknown): Promise<SourceSummary[]> {
  const q = ListSourcesQuery.parse(raw);
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status) { params.push(q.status); where.push(`status = $${params.length}`); }
  if (q.account) { params.push(q.account); where.push(`account_id = $${params.length}`); }
  if (q.before) { params.push(q.before); where.push(`created_at < $${params.length}`); }
  params.push(q.limit);
  const rows = await db.query<SourceRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM sources ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toSourceSummary);
}

/** Gives an unassigned (or misrouted, not yet processed) source its account and queues it. */
export async function assignSource(ctx: Ctx, sourceId: string, accountId: string): Promise<SourceSummary> {
  const account = await getAccount(ctx.db, accountId);
  const rows = await ctx.db.query<SourceRow>(
    `UPDATE sources SET account_id = $2,
        status = CASE WHEN status = 'unassigned' THEN 'received' ELSE status END,
        next_attempt_at = $3, updated_at = now()
     WHERE id = $1 AND status IN ('unassigned', 'received', 'failed', 'needs_transcript')
     RETURNING ${SUMMARY_COLUMNS}`,
    [sourceId, account.id, ctx.clock.now()],
  );
  if (!rows[0]) {
    await getSourceRow(ctx.db, sourceId); // 404 when it does not exist
    throw new ConflictError(`source ${sourceId} is already processing or processed`);
  }
  await audit(ctx, 'source.assign', 'source', sourceId, { accountId: account.id });
  if (rows[0].status === 'received') await ctx.jobs.enqueue(sourceId);
  return toSourceSummary(rows[0]);
}

/** Puts a failed source back in the queue with a fresh set of attempts. */
export async function retrySource(ctx: Ctx, sourceId: string): Promise<SourceSummary> {
  const rows = await ctx.db.query<SourceRow>(
    `UPDATE sources SET status = 'received', attempts = 0, next_attempt_at = $2, last_error = NULL, updated_at = now()
     WHERE id = $1 AND status = 'failed' RETURNING ${SUMMARY_COLUMNS}`,
    [sourceId, ctx.clock.now()],
  );
  if (!rows[0]) {
    await getSourceRow(ctx.db, sourceId);
    throw new ConflictError(`source ${sourceId} has not failed`);
  }
  await audit(ctx, 'source.retry', 'source', sourceId, {});
  await ctx.jobs.enqueue(sourceId);
  return toSourceSummary(rows[0]);
}
