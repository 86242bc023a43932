import { isNotionClientError } from '@notionhq/client';
import { audit } from '../audit.js';
import type { Ctx } from '../ctx.js';
import type { Draft } from '../domain/schemas.js';
import { ConflictError } from '../errors.js';
import { getItem, setItemStatus } from '../memory/index.js';
import { approveDraft, getDraft, toDraft } from './drafts.js';
import { notionClient, notionConfigured } from './notion/client.js';
import { publishToNotion } from './notion/publish.js';

function describe(err: unknown): string {
  if (isNotionClientError(err)) {
    const status = 'status' in err ? ` (HTTP ${String((err as { status: unknown }).status)})` : '';
    return `Notion ${err.code}${status}: ${err.message}`.slice(0, 1000);
  }
  return `publish failed: ${(err as Error).message}`.slice(0, 1000);
}

/**
 * Publishes an approved draft to Notion. Success marks it published with the page id; a failure (after the
 * SDK's own 429 retries) leaves it publish_failed with the error, for a retry from the UI. Without Notion
 * configured the draft simply stays approved: the AM sends it from their own mailbox.
 */
export async function publishDraft(ctx: Ctx, id: string): Promise<Draft> {
  const draft = await getDraft(ctx.db, id);
  if (draft.status !== 'approved') throw new ConflictError(`draft ${id} is ${draft.status}; only an approved draft is published`);
  if (!notionConfigured(ctx.config)) return draft;
  const [meta] = await ctx.db.query<{ external_ref: string | null; account_name: string | null }>(
    'SELECT d.external_ref, a.name AS account_name FROM drafts d LEFT JOIN accounts a ON a.id = d.account_id WHERE d.id = $1', [id],
  );
  const account = draft.accountId && meta?.account_name ? { id: draft.accountId, name: meta.account_name } : null;
  try {
    const ref = await publishToNotion(
      { notion: notionClient(ctx.config, ctx.logger), db: ctx.db, config: ctx.config, account, today: ctx.clock.now().toISOString().slice(0, 10) },
      draft, meta?.external_ref ?? null,
    );
    const rows = await ctx.db.query(
      `UPDATE drafts SET status = 'published', published_at = $2, external_ref = $3, publish_error = NULL,
         publish_attempts = publish_attempts + 1, updated_at = now() WHERE id = $1 AND status = 'approved' RETURNING *`,
      [id, ctx.clock.now(), ref],
    );
    await audit(ctx, 'draft.publish', 'draft', id, { target: 'notion', ref });
    return rows[0] ? toDraft(rows[0] as never) : getDraft(ctx.db, id);
  } catch (err) {
    const message = describe(err);
    ctx.logger.warn('draft publish failed', { draftId: id, error: message });
    const rows = await ctx.db.query(
      `UPDATE drafts SET status = 'publish_failed', publish_error = $2, publish_attempts = publish_attempts + 1, updated_at = now()
       WHERE id = $1 AND status = 'approved' RETURNING *`,
      [id, message],
    );
    await audit(ctx, 'draft.publish_failed', 'draft', id, { error: message });
    return rows[0] ? toDraft(rows[0] as never) : getDraft(ctx.db, id);
  }
}

/** Approval, then publishing: the approval stands even when publishing fails. */
export async function approveAndPublish(ctx: Ctx, id: string, raw: unknown = {}): Promise<Draft> {
  const approved = await approveDraft(ctx, id, raw);
  if (approved.kind === 'ack') await markAcknowledged(ctx, approved.evidence.map((e) => e.itemId).filter((x): x is string => !!x));
  return publishDraft(ctx, id);
}

/** An approved acknowledgement acknowledges its open requests, so the unacknowledged-request signal stops. */
async function markAcknowledged(ctx: Ctx, itemIds: string[]): Promise<void> {
  for (const id of new Set(itemIds)) {
    const item = await getItem(ctx.db, id).catch(() => null);
    if (item?.type === 'request' && item.status === 'open') await setItemStatus(ctx, id, 'acknowledged');
  }
}

/** Retries a failed publish. A conditional claim: two clicks at once publish once, the other gets 409. */
export async function retryPublish(ctx: Ctx, id: string): Promise<Draft> {
  const rows = await ctx.db.query('UPDATE drafts SET status = \'approved\', updated_at = now() WHERE id = $1 AND status = \'publish_failed\' RETURNING id', [id]);
  if (!rows[0]) {
    const d = await getDraft(ctx.db, id);
    throw new ConflictError(`draft ${id} is ${d.status}; only a failed publish can be retried`);
  }
  await audit(ctx, 'draft.publish_retry', 'draft', id, {});
  return publishDraft(ctx, id);
}
