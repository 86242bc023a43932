import type { Ctx } from '../ctx.js';
import type { DraftKind, Evidence } from '../domain/schemas.js';
import { newId } from '../ids.js';

export interface NewDraft {
  kind: DraftKind;
  accountId: string | null;
  sourceId: string | null;
  itemId: string | null;
  title: string;
  body: string;
  evidence: Evidence[];
  /** One draft per subject: e.g. recap:<sourceId>, ack:<itemId>. */
  dedupeKey: string;
  meta?: Record<string, unknown>;
}

/**
 * Creates a draft, or refreshes the body of a still-pending one with the same key.
 * A draft an AM has already decided is never touched again.
 */
export async function upsertDraft(ctx: Pick<Ctx, 'db'>, d: NewDraft): Promise<string> {
  const rows = await ctx.db.query<{ id: string }>(
    `INSERT INTO drafts (id, account_id, source_id, item_id, kind, title, body, evidence, dedupe_key, meta)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, evidence = EXCLUDED.evidence,
       meta = EXCLUDED.meta, version = drafts.version + 1, updated_at = now()
       WHERE drafts.status = 'pending' AND drafts.body IS DISTINCT FROM EXCLUDED.body
     RETURNING id`,
    [newId('drf'), d.accountId, d.sourceId, d.itemId, d.kind, d.title, d.body, JSON.stringify(d.evidence), d.dedupeKey, JSON.stringify(d.meta ?? {})],
  );
  if (rows[0]) return rows[0].id;
  const existing = await ctx.db.query<{ id: string }>('SELECT id FROM drafts WHERE dedupe_key = $1', [d.dedupeKey]);
  return existing[0]!.id;
}
