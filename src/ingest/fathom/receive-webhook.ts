import { z } from 'zod';
import type { Ctx } from '../../ctx.js';
import { AppError, describeIssues } from '../../errors.js';
import { storeSource, type StoredSource } from '../store-source.js';
import { FathomMeeting } from './schemas.js';
import { storeFathomMeeting } from './store-meeting.js';
import { verifyFathomSignature } from './verify-signature.js';

export const ReceiveFathomWebhookInput = z.object({
  headers: z.custom<Headers | Record<string, string | undefined>>((v) => v instanceof Headers || (typeof v === 'object' && v !== null)),
  body: z.instanceof(Uint8Array),
});
export type ReceiveFathomWebhookInput = z.infer<typeof ReceiveFathomWebhookInput>;

export interface ReceivedWebhook {
  sourceId: string;
  status: StoredSource['status'];
  recordingId: number;
  /** True when this webhook-id or this recording_id was already stored: nothing was created. */
  duplicate: boolean;
}

type WebhookCtx = Pick<Ctx, 'db' | 'jobs' | 'config' | 'clock' | 'logger'>;

async function recordDelivery(ctx: WebhookCtx, webhookId: string, sourceId: string, recordingId: number | null) {
  await ctx.db.query(
    'INSERT INTO fathom_deliveries (webhook_id, source_id, recording_id, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (webhook_id) DO NOTHING',
    [webhookId, sourceId, recordingId, ctx.clock.now()],
  );
}

/**
 * A verified body we cannot read is still kept (status failed, the reason in last_error) so that nothing
 * Fathom sent is lost: once the parser is fixed, POST /api/sources/:id/retry re-reads it from `raw`.
 */
async function keepUnreadable(ctx: WebhookCtx, webhookId: string, text: string, code: 'BAD_REQUEST' | 'UNPROCESSABLE', reason: string): Promise<never> {
  const stored = await storeSource(ctx, {
    kind: 'call', origin: 'fathom', externalId: null, idempotencyKey: `fathom:webhook:${webhookId}`, raw: text,
    rawContentType: 'application/json', normalized: null, accountId: null, hints: { via: 'webhook', webhookId }, status: 'failed',
  });
  await ctx.db.query('UPDATE sources SET last_error = $2 WHERE id = $1', [stored.id, `${code}: ${reason}`.slice(0, 4000)]);
  await recordDelivery(ctx, webhookId, stored.id, null);
  ctx.logger.warn('fathom webhook kept but not readable', { webhookId, sourceId: stored.id, reason });
  throw new AppError(code, `${reason} (the body is kept as source ${stored.id})`, { details: { sourceId: stored.id } });
}

/** POST /webhooks/fathom: verify over the raw bytes, dedupe, store the raw body; processing happens later. */
export async function receiveFathomWebhook(ctx: WebhookCtx, raw: ReceiveFathomWebhookInput): Promise<ReceivedWebhook> {
  const input = ReceiveFathomWebhookInput.parse(raw);
  const secret = ctx.config.FATHOM_WEBHOOK_SECRET;
  // A 5xx, not a 401: Fathom retries, so deliveries made before the secret is configured are not lost.
  if (!secret) throw new AppError('BAD_ENVIRONMENT', 'FATHOM_WEBHOOK_SECRET is not set; cannot verify Fathom webhooks');
  const { webhookId } = await verifyFathomSignature({ secret, headers: input.headers, body: input.body, now: ctx.clock.now() });

  const seen = await ctx.db.query<{ source_id: string; status: StoredSource['status']; recording_id: string | null }>(
    `SELECT d.source_id, s.status, d.recording_id FROM fathom_deliveries d JOIN sources s ON s.id = d.source_id WHERE d.webhook_id = $1`,
    [webhookId],
  );
  if (seen[0]) return { sourceId: seen[0].source_id, status: seen[0].status, recordingId: Number(seen[0].recording_id), duplicate: true };

  const text = new TextDecoder().decode(input.body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return keepUnreadable(ctx, webhookId, text, 'BAD_REQUEST', `malformed JSON: ${(err as Error).message}`);
  }
  const parsed = FathomMeeting.safeParse(json);
  if (!parsed.success) return keepUnreadable(ctx, webhookId, text, 'UNPROCESSABLE', `not a Fathom meeting: ${describeIssues(parsed.error.issues)}`);

  const stored = await storeFathomMeeting(ctx, { raw: text, meeting: parsed.data, via: 'webhook', webhookId });
  await recordDelivery(ctx, webhookId, stored.id, parsed.data.recording_id);
  return { sourceId: stored.id, status: stored.status, recordingId: parsed.data.recording_id, duplicate: !stored.created };
}
