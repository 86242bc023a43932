import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { getAccount, type Account } from '../ingest/index.js';
import { ITEM_COLUMNS, toItemView, type ItemRow, type ItemView } from '../memory/index.js';

// What the account page shows, grouped as an AM reads it (due and overdue commitments apart);
// search is the memory stage's hybrid search (see the UI route).

export interface TimelineEntry { at: string; kind: string; title: string; href: string | null; status: string | null }

export interface AccountOverview {
  account: Account;
  openRequests: ItemView[];
  commitmentsDue: ItemView[];
  commitmentsOverdue: ItemView[];
  risks: ItemView[];
  timeline: TimelineEntry[];
}

async function items(db: Db, accountId: string, where: string, params: unknown[] = []): Promise<ItemView[]> {
  const rows = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.account_id = $1 AND ${where} ORDER BY i.due NULLS LAST, i.created_at DESC LIMIT 100`, [accountId, ...params]);
  return rows.map(toItemView);
}

export async function getAccountOverview(ctx: Pick<Ctx, 'db' | 'clock'>, idOrSlug: string): Promise<AccountOverview> {
  const account = await getAccount(ctx.db, idOrSlug);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const open = `i.status IN ('open', 'acknowledged', 'overdue')`;
  const [openRequests, commitmentsDue, commitmentsOverdue, risks, timeline] = await Promise.all([
    items(ctx.db, account.id, `i.type = 'request' AND ${open}`),
    items(ctx.db, account.id, `i.type = 'commitment' AND ${open} AND (i.due IS NULL OR i.due >= $2::date)`, [today]),
    items(ctx.db, account.id, `i.type = 'commitment' AND (i.status = 'overdue' OR (${open} AND i.due < $2::date))`, [today]),
    items(ctx.db, account.id, `i.type = 'risk' AND ${open}`),
    accountTimeline(ctx.db, account.id),
  ]);
  return { account, openRequests, commitmentsDue, commitmentsOverdue, risks, timeline };
}

export async function accountTimeline(db: Db, accountId: string, limit = 40): Promise<TimelineEntry[]> {
  const rows = await db.query<{ at: Date; kind: string; title: string | null; id: string; status: string | null }>(
    `(SELECT coalesce(occurred_at, created_at) AS at, kind, title, id, status FROM sources WHERE account_id = $1)
     UNION ALL
     (SELECT coalesce(decided_at, created_at) AS at, 'draft:' || kind, title, id, status FROM drafts WHERE account_id = $1)
     ORDER BY at DESC LIMIT $2`,
    [accountId, limit],
  );
  return rows.map((r) => ({
    at: iso(r.at)!, kind: r.kind, title: r.title ?? '(untitled)', status: r.status,
    href: r.kind.startsWith('draft:') ? `/drafts/${r.id}` : `/sources/${r.id}`,
  }));
}
