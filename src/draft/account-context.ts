import type { Db } from '../db/types.js';
import { ITEM_COLUMNS, toItemView, type ItemRow, type ItemView } from '../memory/index.js';

// Small reads of account memory the drafts need. When the memory stage exports getAccountState,
// these become one-line calls to it.

export async function accountTier(db: Db, accountId: string | null): Promise<number | null> {
  if (!accountId) return null;
  const [row] = await db.query<{ tier: number }>('SELECT tier FROM accounts WHERE id = $1', [accountId]);
  return row ? Number(row.tier) : null;
}

export async function accountItems(db: Db, accountId: string, where: string, params: unknown[] = [], limit = 20): Promise<ItemView[]> {
  const rows = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM items i WHERE i.account_id = $1 AND ${where} ORDER BY i.due NULLS LAST, i.created_at DESC LIMIT ${limit}`,
    [accountId, ...params],
  );
  return rows.map(toItemView);
}

/** Agency work marked done since the account's previous call: the recap's "what shipped". */
export async function shippedSincePreviousCall(db: Db, accountId: string, sourceId: string): Promise<ItemView[]> {
  return accountItems(
    db, accountId,
    `i.type = 'commitment' AND i.status = 'done' AND coalesce(i.fields->>'owner_side', 'agency') <> 'client'
     AND i.status_changed_at >= coalesce((SELECT max(occurred_at) FROM sources WHERE account_id = $1 AND kind = 'call' AND id <> $2
       AND occurred_at < (SELECT occurred_at FROM sources WHERE id = $2)), now() - interval '30 days')`,
    [sourceId], 10,
  );
}

/** Open items of the account other than this one: context a specialist needs. */
export async function openContext(db: Db, accountId: string, exceptItemId: string): Promise<string[]> {
  const items = await accountItems(db, accountId, `i.status IN ('open', 'acknowledged', 'overdue') AND i.id <> $2`, [exceptItemId], 4);
  return items.map((i) => `${i.type}: ${(i.type === 'risk' ? String(i.rationale ?? i.text) : i.text).slice(0, 140)}${i.due ? ` (due ${i.due})` : ''}`);
}
