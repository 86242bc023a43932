import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { getAccount, type Account } from '../ingest/index.js';
import { getAccountState, type ItemView } from '../memory/index.js';

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

/**
 * The account page: memory's account state (one read of the open items, with overdue decided there),
 * split the way an AM reads it, plus a timeline of sources and drafts.
 */
export async function getAccountOverview(ctx: Pick<Ctx, 'db' | 'clock'>, idOrSlug: string): Promise<AccountOverview> {
  const account = await getAccount(ctx.db, idOrSlug);
  const [state, timeline] = await Promise.all([getAccountState(ctx.db, account.id, ctx.clock.now()), accountTimeline(ctx.db, account.id)]);
  const commitments = [...state.commitments.agency, ...state.commitments.client, ...state.commitments.unknown];
  return {
    account,
    openRequests: state.openRequests,
    commitmentsDue: commitments.filter((c) => !c.overdue),
    commitmentsOverdue: commitments.filter((c) => c.overdue),
    risks: state.risks,
    timeline,
  };
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
