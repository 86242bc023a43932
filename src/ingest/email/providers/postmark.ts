import { z } from 'zod';
import type { Ctx } from '../../../ctx.js';
import { buildMime, fromBase64 } from '../build-mime.js';
import { ingestRawEmail } from '../ingest-email.js';

/** Postmark's inbound webhook JSON (InboundWebhook in the official client); fields we read. */
export const PostmarkInbound = z.object({
  From: z.string().default(''),
  FromName: z.string().default(''),
  To: z.string().default(''),
  Cc: z.string().default(''),
  OriginalRecipient: z.string().default(''),
  Subject: z.string().default(''),
  Date: z.string().default(''),
  MailboxHash: z.string().default(''),
  MessageID: z.string().default(''),
  TextBody: z.string().default(''),
  HtmlBody: z.string().default(''),
  Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).default([]),
  Attachments: z.array(z.object({ Name: z.string().default(''), Content: z.string(), ContentType: z.string().default('application/octet-stream') })).default([]),
  /** Present when the server's "include raw email content" setting is on: preferred. */
  RawEmail: z.string().optional(),
}).refine((p) => p.RawEmail || p.From || p.TextBody || p.HtmlBody, 'not a Postmark inbound payload: no RawEmail, From or body');
export type PostmarkInbound = z.input<typeof PostmarkInbound>;

const OWN = new Set(['from', 'to', 'cc', 'subject', 'date']);

function rebuild(p: z.infer<typeof PostmarkInbound>): string {
  const from = p.FromName ? `"${p.FromName.replace(/"/g, '')}" <${p.From}>` : p.From;
  const headers: Array<[string, string]> = [['From', from], ['To', p.To], ['Cc', p.Cc], ['Subject', p.Subject], ['Date', p.Date]];
  const rest = p.Headers.filter((h) => !OWN.has(h.Name.toLowerCase())).map((h): [string, string] => [h.Name, h.Value]);
  return buildMime({
    headers: [...headers.filter(([, v]) => v), ...rest],
    text: p.TextBody || null,
    html: p.HtmlBody || null,
    attachments: p.Attachments.map((a) => ({ filename: a.Name || null, contentType: a.ContentType, content: fromBase64(a.Content) })),
  });
}

/** POST /inbound/postmark: RawEmail when Postmark sends it, else the message rebuilt from its fields. */
export async function ingestPostmark(ctx: Ctx, payload: unknown) {
  const p = PostmarkInbound.parse(payload);
  return ingestRawEmail(ctx, {
    raw: p.RawEmail ?? rebuild(p),
    origin: 'inbound:postmark',
    envelopeTo: p.OriginalRecipient ? [p.OriginalRecipient] : [],
    ...(p.MailboxHash ? { mailboxHash: p.MailboxHash } : {}),
  });
}
