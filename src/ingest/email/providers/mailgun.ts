import { z } from 'zod';
import type { Ctx } from '../../../ctx.js';
import { BadRequestError } from '../../../errors.js';
import { buildMime } from '../build-mime.js';
import { ingestRawEmail } from '../ingest-email.js';
import { FormPayload, parseJsonField } from './form.js';

const MessageHeaders = z.array(z.tuple([z.string(), z.string()]));

/**
 * POST /inbound/mailgun: a route's forward() action. A URL ending in "mime" gets the message as is in
 * `body-mime`; otherwise the parsed fields are rebuilt into MIME. The signature is checked by the route.
 */
export async function ingestMailgun(ctx: Ctx, payload: FormPayload) {
  const { fields, files } = FormPayload.parse(payload);
  let raw = fields['body-mime'];
  if (!raw) {
    const headers = parseJsonField(fields['message-headers'], MessageHeaders);
    if (!headers || !(fields['body-plain'] || fields['body-html'])) {
      throw new BadRequestError('not a Mailgun route payload: expected `body-mime`, or `message-headers` with `body-plain`');
    }
    raw = buildMime({
      headers,
      text: fields['body-plain'] ?? null,
      html: fields['body-html'] ?? null,
      attachments: files.filter((f) => /^attachment-\d+$/.test(f.field)).map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content })),
    });
  }
  return ingestRawEmail(ctx, { raw, origin: 'inbound:mailgun', envelopeTo: fields.recipient ? fields.recipient.split(',').map((s) => s.trim()) : [] });
}
