import { z } from 'zod';
import { audit } from '../audit.js';
import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { Draft, DraftKind, DraftStatus, Evidence } from '../domain/schemas.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';

interface DraftRow {
  id: string; account_id: string | null; source_id: string | null; item_id: string | null; kind: DraftKind; status: DraftStatus;
  title: string; body: string; evidence: unknown; version: number; decided_by: string | null; decided_at: Date | null;
  reject_reason: string | null; publish_error: string | null; created_at: Date; updated_at: Date;
}

export function toDraft(r: DraftRow): Draft {
  return {
    id: r.id, accountId: r.account_id, sourceId: r.source_id, itemId: r.item_id, kind: r.kind, status: r.status,
    title: r.title, body: r.body, evidence: z.array(Evidence).parse(r.evidence ?? []), version: r.version,
    decidedBy: r.decided_by, decidedAt: iso(r.decided_at), rejectReason: r.reject_reason, publishError: r.publish_error,
    createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
  };
}

export const ListDraftsQuery = z.object({
  status: DraftStatus.optional(),
  kind: DraftKind.optional(),
  account: z.string().optional(),
  /** The AM: drafts of accounts whose am_email is this. */
  am: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListDraftsQuery = z.input<typeof ListDraftsQuery>;

export async function listDrafts(db: Db, raw: ListDraftsQuery): Promise<{ drafts: Draft[]; total: number }> {
  const q = ListDraftsQuery.parse(raw);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
  if (q.status) add('d.status = ?', q.status);
  if (q.kind) add('d.kind = ?', q.kind);
  if (q.account) add('d.account_id = ?', q.account);
  if (q.am) add('d.account_id IN (SELECT id FROM accounts WHERE lower(am_email) = lower(?))', q.am);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM drafts d ${whereSql}`, params);
  const rows = await db.query<DraftRow>(
    `SELECT d.* FROM drafts d ${whereSql} ORDER BY d.created_at DESC, d.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  return { drafts: rows.map(toDraft), total: count?.n ?? 0 };
}

export async function getDraft(db: Db, id: string): Promise<Draft> {
  const rows = await db.query<DraftRow>('SELECT * FROM drafts WHERE id = $1', [id]);
  if (!rows[0]) throw new NotFoundError('draft', id);
  return toDraft(rows[0]);
}

async function conflictOrMissing(db: Db, id: string, action: string): Promise<never> {
  const current = await getDraft(db, id);
  throw new ConflictError(`draft ${id} is ${current.status}${current.decidedBy ? ` (by ${current.decidedBy})` : ''}; cannot ${action}`);
}

export const ApproveDraftInput = z.object({ version: z.number().int().optional() });

/** Approves a pending draft. A conditional update: when two AMs race, one wins and the other gets 409. */
export async function approveDraft(ctx: Ctx, id: string, raw: unknown = {}): Promise<Draft> {
  const input = ApproveDraftInput.parse(raw ?? {});
  const rows = await ctx.db.query<DraftRow>(
    `UPDATE drafts SET status = 'approved', decided_by = $2, decided_at = $3, version = version + 1, updated_at = now()
     WHERE id = $1 AND status = 'pending' AND ($4::int IS NULL OR version = $4) RETURNING *`,
    [id, ctx.actor, ctx.clock.now(), input.version ?? null],
  );
  if (!rows[0]) return conflictOrMissing(ctx.db, id, 'approve');
  await audit(ctx, 'draft.approve', 'draft', id, { version: rows[0].version });
  return toDraft(rows[0]);
}

export const RejectDraftInput = z.object({ reason: z.string().trim().min(1, 'a rejection needs a reason').max(2000) });

export async function rejectDraft(ctx: Ctx, id: string, raw: unknown): Promise<Draft> {
  const input = RejectDraftInput.parse(raw);
  const rows = await ctx.db.query<DraftRow>(
    `UPDATE drafts SET status = 'rejected', decided_by = $2, decided_at = $3, reject_reason = $4, version = version + 1, updated_at = now()
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [id, ctx.actor, ctx.clock.now(), input.reason],
  );
  if (!rows[0]) return conflictOrMissing(ctx.db, id, 'reject');
  await audit(ctx, 'draft.reject', 'draft', id, { reason: input.reason });
  return toDraft(rows[0]);
}

export const EditDraftInput = z.object({
  body: z.string().min(1, 'body cannot be empty').max(100_000),
  title: z.string().trim().min(1).max(300).optional(),
  /** The version the editor saw; a stale one answers 409 instead of overwriting someone else's edit. */
  version: z.number().int().optional(),
});

/** Edits a pending draft; the before/after is kept. */
export async function editDraft(ctx: Ctx, id: string, raw: unknown): Promise<Draft> {
  const input = EditDraftInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const before = await tx.query<DraftRow>('SELECT * FROM drafts WHERE id = $1 FOR UPDATE', [id]);
    if (!before[0]) throw new NotFoundError('draft', id);
    if (before[0].status !== 'pending') throw new ConflictError(`draft ${id} is ${before[0].status}; cannot edit`);
    if (input.version !== undefined && input.version !== before[0].version) {
      throw new ConflictError(`draft ${id} changed since version ${input.version} (now ${before[0].version})`);
    }
    const rows = await tx.query<DraftRow>(
      `UPDATE drafts SET body = $2, title = coalesce($3, title), version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, input.body, input.title ?? null],
    );
    await tx.query('INSERT INTO draft_edits (id, draft_id, version, before, after, editor) VALUES ($1, $2, $3, $4, $5, $6)', [
      newId('edt'), id, rows[0]!.version, before[0].body, input.body, ctx.actor,
    ]);
    await audit({ ...ctx, db: tx }, 'draft.edit', 'draft', id, { version: rows[0]!.version, chars: input.body.length });
    return toDraft(rows[0]!);
  });
}

export async function listDraftEdits(db: Db, id: string) {
  const rows = await db.query<{ id: string; version: number; before: string; after: string; editor: string; created_at: Date }>(
    'SELECT * FROM draft_edits WHERE draft_id = $1 ORDER BY version',
    [id],
  );
  return rows.map((r) => ({ id: r.id, version: r.version, before: r.before, after: r.after, editor: r.editor, createdAt: iso(r.created_at)! }));
}
