import type { Db } from '../db/types.js';
import type { Draft } from '../domain/schemas.js';
import { listDrafts, ListDraftsQuery } from './drafts.js';

export const QUEUE_PAGE_SIZE = 25;

export interface QueuePage {
  drafts: Array<Draft & { accountName: string | null }>;
  total: number;
  page: number;
  pages: number;
  filters: { kind: string | null; account: string | null; am: string | null; status: string };
}

/** One page of the review queue (pending by default), newest first, with account names for display. */
export async function listQueue(db: Db, raw: Record<string, string | undefined>): Promise<QueuePage> {
  const page = Math.max(1, Number.parseInt(raw.page ?? '1', 10) || 1);
  const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const q = ListDraftsQuery.parse({
    status: clean(raw.status) ?? 'pending', kind: clean(raw.kind), account: clean(raw.account), am: clean(raw.am),
    limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE,
  });
  const { drafts, total } = await listDrafts(db, q);
  const ids = [...new Set(drafts.map((d) => d.accountId).filter((x): x is string => !!x))];
  const names = ids.length ? await db.query<{ id: string; name: string }>('SELECT id, name FROM accounts WHERE id = ANY($1)', [ids]) : [];
  const byId = new Map(names.map((n) => [n.id, n.name]));
  return {
    drafts: drafts.map((d) => ({ ...d, accountName: d.accountId ? (byId.get(d.accountId) ?? null) : null })),
    total, page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    filters: { kind: q.kind ?? null, account: q.account ?? null, am: q.am ?? null, status: q.status ?? 'pending' },
  };
}

/** The AMs the queue can be filtered by: the accounts' am_email values. */
export async function listAms(db: Db): Promise<string[]> {
  const rows = await db.query<{ am: string }>('SELECT DISTINCT lower(am_email) AS am FROM accounts WHERE am_email IS NOT NULL ORDER BY 1');
  return rows.map((r) => r.am);
}
