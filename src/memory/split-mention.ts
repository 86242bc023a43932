import { audit } from '../audit.js';
import type { Ctx } from '../ctx.js';
import { toVector } from '../db/types.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { getItemDetail, type ItemDetail } from './item-detail.js';

/**
 * Undoes a merge: the merged mention becomes its own item again (with the id it would have had),
 * with its own quote, fields and embedding, and the mention moves with it.
 */
export async function splitMention(ctx: Pick<Ctx, 'db' | 'embedder' | 'actor' | 'requestId'>, itemId: string, mentionId: string): Promise<ItemDetail> {
  const [m] = await ctx.db.query<{ id: string; item_id: string; role: string; source_id: string | null; extraction_id: string | null; quote: string; text: string | null; locator: unknown; fields: Record<string, unknown>; merged_from: string | null }>(
    'SELECT id, item_id, role, source_id, extraction_id, quote, text, locator, fields, merged_from FROM item_mentions WHERE id = $1 AND item_id = $2',
    [mentionId, itemId],
  );
  if (!m) throw new NotFoundError('mention', `${mentionId} of item ${itemId}`);
  if (m.role !== 'merge') throw new ConflictError(`mention ${mentionId} is a ${m.role}, not a merge; only merged mentions can be split off`);
  const [parent] = await ctx.db.query<{ account_id: string | null; type: string }>('SELECT account_id, type FROM items WHERE id = $1', [itemId]);
  const text = m.text ?? m.quote;
  const [vec] = await ctx.embedder.embed([`${text}\n${m.quote}`]);
  const newItemId = m.merged_from ?? newId('itm');
  const due = typeof m.fields?.due === 'string' ? m.fields.due : null;
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO items (id, account_id, source_id, extraction_id, type, text, quote, locator, fields, due, embedding, embedder)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::vector, $12)`,
      [newItemId, parent!.account_id, m.source_id, m.extraction_id, parent!.type, text, m.quote, JSON.stringify(m.locator), JSON.stringify(m.fields ?? {}), due, toVector(vec!), ctx.embedder.name],
    );
    await tx.query(`UPDATE item_mentions SET item_id = $2, role = 'mention', merged_from = NULL, similarity = NULL WHERE id = $1`, [mentionId, newItemId]);
    await tx.query('UPDATE items SET updated_at = now() WHERE id = $1', [itemId]);
    await audit({ ...ctx, db: tx }, 'item.split', 'item', itemId, { mentionId, newItemId });
  });
  return getItemDetail(ctx.db, newItemId);
}
