import { z } from 'zod';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import type { Locator } from '../domain/schemas.js';
import { ItemStatus, ItemType } from '../domain/schemas.js';
import { getItem, ITEM_COLUMNS, toItemView, type ItemRow, type ItemView } from './items.js';

export interface MentionView {
  id: string;
  /** 'mention' = first sighting, 'merge' = a later sighting merged in (can be split back), 'fulfilment' = a source reporting it done. */
  role: 'mention' | 'merge' | 'fulfilment';
  sourceId: string | null;
  sourceTitle: string | null;
  sourceKind: 'call' | 'email' | null;
  occurredAt: string | null;
  text: string | null;
  quote: string;
  locator: Locator | null;
  fields: Record<string, unknown>;
  similarity: number | null;
  createdAt: string;
}

export interface ItemDetail extends ItemView {
  mentionList: MentionView[];
}

interface MentionRow {
  id: string; role: MentionView['role']; source_id: string | null; title: string | null; kind: 'call' | 'email' | null; occurred_at: Date | null;
  text: string | null; quote: string; locator: Locator | null; fields: Record<string, unknown>; similarity: number | null; created_at: Date;
}

export async function listMentions(db: Db, itemId: string): Promise<MentionView[]> {
  const rows = await db.query<MentionRow>(
    `SELECT m.id, m.role, m.source_id, s.title, s.kind, s.occurred_at, m.text, m.quote, m.locator, m.fields, m.similarity, m.created_at
     FROM item_mentions m LEFT JOIN sources s ON s.id = m.source_id WHERE m.item_id = $1 ORDER BY s.occurred_at NULLS LAST, m.created_at, m.id`,
    [itemId],
  );
  return rows.map((r) => ({
    id: r.id, role: r.role, sourceId: r.source_id, sourceTitle: r.title, sourceKind: r.kind, occurredAt: iso(r.occurred_at), text: r.text,
    quote: r.quote, locator: r.locator, fields: r.fields ?? {}, similarity: r.similarity === null ? null : Number(r.similarity), createdAt: iso(r.created_at)!,
  }));
}

/** An item with every sighting: the sources it was seen in, merged mentions and fulfilments. */
export async function getItemDetail(db: Db, id: string): Promise<ItemDetail> {
  const item = await getItem(db, id);
  return { ...item, mentionList: await listMentions(db, id) };
}

export const ListItemsQuery = z.object({
  account: z.string().min(1).optional(),
  type: ItemType.optional(),
  status: ItemStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function listItems(db: Db, raw: unknown): Promise<ItemView[]> {
  const q = ListItemsQuery.parse(raw);
  const rows = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM items i
     WHERE ($1::text IS NULL OR i.account_id = $1) AND ($2::text IS NULL OR i.type = $2) AND ($3::text IS NULL OR i.status = $3)
     ORDER BY i.created_at DESC, i.id LIMIT $4`,
    [q.account ?? null, q.type ?? null, q.status ?? null, q.limit],
  );
  return rows.map(toItemView);
}
