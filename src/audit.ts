import type { Ctx } from './ctx.js';
import type { Db } from './db/types.js';
import { iso } from './db/types.js';
import { newId } from './ids.js';

/** Appends to the audit log: who did what to which entity, with the request id. */
export async function audit(
  ctx: Pick<Ctx, 'db' | 'actor' | 'requestId'>,
  action: string,
  entityType: string,
  entityId: string,
  data: Record<string, unknown>,
): Promise<void> {
  await ctx.db.query(
    'INSERT INTO audit_log (id, actor, action, entity_type, entity_id, data, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [newId('aud'), ctx.actor, action, entityType, entityId, JSON.stringify(data), ctx.requestId],
  );
}

export interface AuditEntry {
  id: string; actor: string; action: string; entityType: string; entityId: string; data: unknown; requestId: string | null; createdAt: string;
}

export async function listAudit(db: Db, entityType: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await db.query<{ id: string; actor: string; action: string; entity_type: string; entity_id: string; data: unknown; request_id: string | null; created_at: Date }>(
    'SELECT * FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY created_at, id',
    [entityType, entityId],
  );
  return rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, data: r.data, requestId: r.request_id, createdAt: iso(r.created_at)! }));
}
