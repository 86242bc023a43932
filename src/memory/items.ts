import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import type { ItemStatus, ItemType, Locator } from '../domain/schemas.js';
import { NotFoundError } from '../errors.js';

/** An item as the API shows it: SCORING.md field names flattened in, plus ids and status. */
export interface ItemView {
  id: string;
  type: ItemType;
  status: ItemStatus;
  origin: 'extracted' | 'system';
  accountId: string | null;
  sourceId: string | null;
  text: string;
  quote: string;
  locator: Locator | null;
  due: string | null;
  mentions: number;
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export interface ItemRow {
  id: string; type: ItemType; status: ItemStatus; origin: 'extracted' | 'system'; account_id: string | null; source_id: string | null;
  text: string; quote: string; locator: Locator | null; fields: Record<string, unknown>; due: string | null;
  merged_into: string | null; created_at: Date; updated_at: Date; mention_count?: number;
}

export function toItemView(r: ItemRow): ItemView {
  const { due_phrase: _p, ...fields } = r.fields ?? {};
  return {
    ...fields,
    id: r.id, type: r.type, status: r.status, origin: r.origin, accountId: r.account_id, sourceId: r.source_id,
    text: r.text, quote: r.quote, locator: r.locator, due: r.due, mentions: Number(r.mention_count ?? 1),
    mergedInto: r.merged_into, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
  };
}

export const ITEM_COLUMNS = `i.id, i.type, i.status, i.origin, i.account_id, i.source_id, i.text, i.quote, i.locator, i.fields,
  i.due::text AS due, i.merged_into, i.created_at, i.updated_at,
  (SELECT count(*)::int FROM item_mentions m WHERE m.item_id = i.id) AS mention_count`;

export interface GroupedItems {
  requests: ItemView[];
  commitments: ItemView[];
  risks: ItemView[];
}

export function groupItems(items: ItemView[]): GroupedItems {
  return {
    requests: items.filter((i) => i.type === 'request'),
    commitments: items.filter((i) => i.type === 'commitment'),
    risks: items.filter((i) => i.type === 'risk'),
  };
}

/** Items mentioned by a source: those first seen there and those it merged into. */
export async function listItemsForSource(db: Db, sourceId: string): Promise<GroupedItems> {
  const rows = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM items i
     WHERE i.id IN (SELECT item_id FROM item_mentions WHERE source_id = $1) OR i.source_id = $1
     ORDER BY (i.locator->>'segment')::int NULLS LAST, i.created_at`,
    [sourceId],
  );
  return groupItems(rows.filter((r) => r.status !== 'merged').map(toItemView));
}

export async function getItem(db: Db, id: string): Promise<ItemView> {
  const rows = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('item', id);
  return toItemView(rows[0]);
}
