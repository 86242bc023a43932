import { z } from 'zod';
import type { Ctx } from '../../../ctx.js';
import { BadRequestError } from '../../../errors.js';
import { buildMime } from '../build-mime.js';
import { ingestRawEmail } from '../ingest-email.js';
import { FormPayload, headerPairs, parseJsonField } from './form.js';

const Envelope = z.object({ to: z.array(z.string()).default([]), from: z.string().nullable().optional() });

/**
 * POST /inbound/sendgrid: Inbound Parse. "Send Raw" puts the whole message in the `email` field; the
 * parsed mode (headers, text, html, attachmentN files) is rebuilt into MIME so both take one path.
 */
export async function ingestSendgrid(ctx: Ctx, payload: FormPayload) {
  const { fields, files } = FormPayload.parse(payload);
  const envelope = parseJsonField(fields.envelope, Envelope);
  let raw = fields.email;
  if (!raw) {
    if (!fields.headers || !(fields.text || fields.html)) {
      throw new BadRequestError('not a SendGrid Inbound Parse payload: expected an `email` field (Send Raw) or `headers` with `text`/`html`');
    }
    raw = buildMime({
      headers: headerPairs(fields.headers),
      text: fields.text ?? null,
      html: fields.html ?? null,
      attachments: files.filter((f) => /^attachment\d+$/.test(f.field)).map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content })),
    });
  }
  return ingestRawEmail(ctx, { raw, origin: 'inbound:sendgrid', envelopeTo: envelope?.to ?? [] });
}
