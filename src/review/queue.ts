import { z } from 'zod';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { DraftKind, DraftStatus } from '../domain/schemas.js';

export const QUEUE_PAGE_SIZE = 25;

export const QueueQuery = z.object({
  status: DraftStatus.default('pending'),
  kind: DraftKind.optional(),
  account: z.string().min(1).optional(),
  am: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** A queue row: just what the list shows (no bodies, no evidence parsing). */
export interface QueueRow {
  id: string; kind: DraftKind; status: DraftStatus; title: string; accountId: string | null; accountName: string | null;
  createdAt: string; evidenceCount: number;
}

export interface QueuePage {
  drafts: QueueRow[];
  total: number;
  page: number;
  pages: number;
  filters: { kind: string | null; account: string | null; am: string | null; status: string };
}

/** One page of the review queue (pending by default), newest first: one query with the total in a window. */
export async function listQueue(db: Db, raw: Record<string, string | undefined>): Promise<QueuePage> {
  const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const q = QueueQuery.parse({ status: blank(raw.status), kind: blank(raw.kind), account: blank(raw.account), am: blank(raw.am), page: blank(raw.page) });
  const params: unknown[] = [q.status];
  const where = ['d.status = $1'];
  if (q.kind) where.push(`d.kind = $${params.push(q.kind)}`);
  if (q.account) where.push(`d.account_id = $${params.push(q.account)}`);
  if (q.am) where.push(`d.account_id IN (SELECT id FROM accounts WHERE lower(am_email) = lower($${params.push(q.am)}))`);
  const whereSql = where.join(' AND ');
  // The page is chosen on narrow columns (the (status, created_at, id) index), then only its 25 rows are read whole.
  const [rows, count] = await Promise.all([
    db.query<{ id: string; kind: DraftKind; status: DraftStatus; title: string; account_id: string | null; account_name: string | null; created_at: Date; evidence_count: number }>(
      `SELECT d.id, d.kind, d.status, d.title, d.account_id, a.name AS account_name, d.created_at, jsonb_array_length(d.evidence)::int AS evidence_count
       FROM (SELECT d.id FROM drafts d WHERE ${whereSql} ORDER BY d.created_at DESC, d.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}) p
       JOIN drafts d ON d.id = p.id LEFT JOIN accounts a ON a.id = d.account_id
       ORDER BY d.created_at DESC, d.id`,
      [...params, QUEUE_PAGE_SIZE, (q.page - 1) * QUEUE_PAGE_SIZE],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM drafts d WHERE ${whereSql}`, params),
  ]);
  const total = count[0]?.n ?? 0;
  return {
    drafts: rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, title: r.title, accountId: r.account_id, accountName: r.account_name, createdAt: iso(r.created_at)!, evidenceCount: r.evidence_count })),
    total, page: q.page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    filters: { kind: q.kind ?? null, account: q.account ?? null, am: q.am ?? null, status: q.status },
  };
}

/** The AMs the queue can be filtered by: the accounts' am_email values. */
export async function listAms(db: Db): Promise<string[]> {
  const rows = await db.query<{ am: string }>('SELECT DISTINCT lower(am_email) AS am FROM accounts WHERE am_email IS NOT NULL ORDER BY 1');
  return rows.map((r) => r.am);
}
