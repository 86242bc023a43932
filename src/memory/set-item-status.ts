import { z } from 'zod';
import { audit } from '../audit.js';
import type { Ctx } from '../ctx.js';
import type { ItemType } from '../domain/schemas.js';
import { ConflictError } from '../errors.js';
import { getItem, type ItemView } from './items.js';

// Which statuses each type moves through. 'merged' is set only by a merge, never by hand.
const ALLOWED: Record<ItemType, readonly string[]> = {
  request: ['open', 'acknowledged', 'done', 'dismissed'],
  commitment: ['open', 'done', 'overdue', 'dismissed'],
  risk: ['open', 'done', 'dismissed'],
};

export const SettableStatus = z.enum(['open', 'acknowledged', 'done', 'overdue', 'dismissed']);

/**
 * Moves an item along its lifecycle (request: open -> acknowledged -> done; commitment: open -> done,
 * or overdue when its date passes). The review stage calls it when an acknowledgement is approved.
 */
export async function setItemStatus(ctx: Pick<Ctx, 'db' | 'clock' | 'actor' | 'requestId'>, itemId: string, status: string): Promise<ItemView> {
  const next = SettableStatus.parse(status);
  const item = await getItem(ctx.db, itemId);
  if (item.status === 'merged') throw new ConflictError(`item ${itemId} was merged into ${item.mergedInto}; change that item instead`);
  if (!ALLOWED[item.type].includes(next)) throw new ConflictError(`a ${item.type} cannot be ${next} (allowed: ${ALLOWED[item.type].join(', ')})`);
  if (item.status === next) return item;
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE items SET status = $2, status_changed_at = $3, updated_at = now() WHERE id = $1', [itemId, next, ctx.clock.now()]);
    await audit({ ...ctx, db: tx }, 'item.status', 'item', itemId, { from: item.status, to: next });
  });
  return getItem(ctx.db, itemId);
}
