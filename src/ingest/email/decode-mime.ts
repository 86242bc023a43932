import PostalMime, { type Address, type Email } from 'postal-mime';
import type { Attachment } from '../../domain/schemas.js';
import { BadRequestError } from '../../errors.js';
import { fixC1 } from './cp1252.js';
import { htmlToText } from './html-text.js';
import { EMAIL_LIMITS } from './limits.js';

export interface Mailbox { name: string; address: string }

/** The delivered message, decoded: what the forward recovery and the routing read. */
export interface DecodedMail {
  messageId: string | null;
  subject: string;
  /** The Date header as written (its UTC offset is the sender's), or null. */
  dateHeader: string | null;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  /** Delivered-To / X-Original-To / X-Forwarded-To addresses (inbound alias routing). */
  deliveredTo: string[];
  /** The text/plain view, or the HTML converted to text when there is no plain part. */
  text: string;
  fromHtml: boolean;
  attachments: Attachment[];
  /** Decoded text of small text attachments (kept as context, never mined). */
  attachmentTexts: Array<{ filename: string | null; text: string }>;
  /** Bounce, auto-reply or bulk: not a client message. */
  automated: boolean;
}

const TEXT_ATTACHMENT = /^text\/(plain|csv|tab-separated-values|calendar)$/;
const MAX_ATTACHMENT_TEXT = 20_000;

function mailboxes(list: Address[] | Address | undefined): Mailbox[] {
  const arr = Array.isArray(list) ? list : list ? [list] : [];
  return arr.flatMap((a) => (a.group ? a.group : [a])).filter((m) => m.address).map((m) => ({ name: fixC1(m.name ?? ''), address: m.address.toLowerCase() }));
}

function header(email: Email, key: string): string[] {
  return email.headers.filter((h) => h.key === key).map((h) => h.value);
}

function sizeOf(content: ArrayBuffer | Uint8Array | string): number {
  return typeof content === 'string' ? content.length : content.byteLength;
}

export async function decodeMime(bytes: Uint8Array): Promise<DecodedMail> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: EMAIL_LIMITS.maxNestingDepth, maxHeadersSize: EMAIL_LIMITS.maxHeaderBytes, attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    throw new BadRequestError(`not a parsable email: ${(err as Error).message}`);
  }
  return fromPostal(email);
}

/** postal-mime's parse as the fields the forward recovery and the routing read. */
export function fromPostal(email: Email): DecodedMail {
  const plain = fixC1(email.text ?? '');
  const fromHtml = !plain.trim() && !!email.html;
  const text = fromHtml ? fixC1(htmlToText(email.html!)) : plain;
  const textParts = email.attachments.filter((a) => TEXT_ATTACHMENT.test(a.mimeType) && sizeOf(a.content) <= MAX_ATTACHMENT_TEXT);
  const autoSubmitted = header(email, 'auto-submitted')[0]?.toLowerCase() ?? 'no';
  const contentType = header(email, 'content-type')[0]?.toLowerCase() ?? '';
  const precedence = header(email, 'precedence')[0]?.toLowerCase() ?? '';
  return {
    messageId: email.messageId?.trim() || null,
    subject: fixC1(email.subject ?? ''),
    dateHeader: header(email, 'date')[0]?.trim() ?? null,
    from: mailboxes(email.from)[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    deliveredTo: ['delivered-to', 'x-original-to', 'x-forwarded-to', 'envelope-to']
      .flatMap((k) => header(email, k))
      .flatMap((v) => v.split(','))
      .map((v) => v.replace(/^.*</, '').replace(/>.*$/, '').trim().toLowerCase())
      .filter((v) => v.includes('@')),
    text: text.replace(/\r\n?/g, '\n'),
    fromHtml,
    attachments: email.attachments
      .filter((a) => !(a.related && a.mimeType.startsWith('image/')) || a.disposition === 'attachment')
      .map((a) => ({ filename: a.filename, contentType: a.mimeType, size: sizeOf(a.content) })),
    attachmentTexts: textParts.map((a) => ({
      filename: a.filename,
      text: typeof a.content === 'string' ? a.content : new TextDecoder('utf-8').decode(a.content),
    })),
    automated: autoSubmitted.startsWith('auto-') || contentType.startsWith('multipart/report') || ['bulk', 'junk', 'list'].includes(precedence),
  };
}
