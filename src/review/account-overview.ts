import { z } from 'zod';
import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { getAccount, type Account } from '../ingest/index.js';
import { ITEM_COLUMNS, toItemView, type ItemRow, type ItemView } from '../memory/index.js';

// What the account page shows. These read items directly; when the memory stage exports
// getAccountState / getAccountTimeline / searchAccount, each function here becomes one call to it.

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

export const SearchAccountInput = z.object({ account: z.string().min(1), q: z.string().trim().min(1).max(200) });

export interface AccountSearchHit { sourceId: string; title: string | null; speaker: string | null; text: string; at: number | null }

/** Full-text search over the account's stored chunks (the memory stage adds the vector half). */
export async function searchAccountText(ctx: Pick<Ctx, 'db'>, raw: z.input<typeof SearchAccountInput>): Promise<AccountSearchHit[]> {
  const input = SearchAccountInput.parse(raw);
  const rows = await ctx.db.query<{ source_id: string; title: string | null; speaker: string | null; text: string; locator: { at?: number | null } | null }>(
    `SELECT c.source_id, s.title, c.speaker, c.text, c.locator FROM chunks c JOIN sources s ON s.id = c.source_id
     WHERE c.account_id = $1 AND (c.tsv @@ websearch_to_tsquery('english', $2) OR c.text ILIKE '%' || $2 || '%')
     ORDER BY ts_rank(c.tsv, websearch_to_tsquery('english', $2)) DESC LIMIT 20`,
    [input.account, input.q],
  );
  return rows.map((r) => ({ sourceId: r.source_id, title: r.title, speaker: r.speaker, text: r.text, at: r.locator?.at ?? null }));
}
