import type { ContextBlock, NormalizedSource } from '../../domain/schemas.js';
import { BadRequestError } from '../../errors.js';
import { decodeMime, type DecodedMail, type Mailbox } from './decode-mime.js';
import { headerOffset, parseLocalDate, type LocalDate } from './email-date.js';
import { guardMime } from './limits.js';
import { domainOf, participantsOf } from './participants.js';
import { recoverForward, type ForwardedMessage } from './recover-forward.js';
import { splitBody } from './split-body.js';

export interface ParseEmailOptions {
  agencyDomains?: readonly string[];
  inboundDomain?: string | null;
  /** Used when the message carries no date at all. */
  now?: Date;
  maxBytes?: number;
}

export interface ParsedEmail {
  source: NormalizedSource;
  /** Message-ID of the delivered mail. */
  messageId: string | null;
  /** Message-ID of the client's own message: the delivery's when it is not a forward, else unknown. */
  originalMessageId: string | null;
  /** Domains of the original sender, strongest account evidence first. */
  senderDomains: string[];
  /** Addresses the delivery was sent to (inbound alias / plus-address routing). */
  recipients: string[];
  /** Subject of the delivery (may carry an [acme] tag). */
  subject: string;
  forwarded: boolean;
  /** The forwarding AM's note above the forward. */
  coverNote: string | null;
  forwardedBy: string | null;
  warnings: string[];
}

const REPLY_SUBJECT = /^\s*(re|aw|sv|vs|antw|odp|ynt|r)\s*:/i;
const FWD_SUBJECT = /^\s*((fwd?|fw|tr|wg|rv|enc|i|vs|vb|vl|pd|İlt|videresend|redir\.?)\s*:\s*)+/i;

export function toBytes(raw: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof raw === 'string') return new TextEncoder().encode(raw);
  return raw instanceof Uint8Array ? raw : new Uint8Array(raw);
}

function renderMessage(m: ForwardedMessage): string {
  const who = m.from.name && m.from.address ? `${m.from.name} <${m.from.address}>` : (m.from.name ?? m.from.address ?? '');
  return [`From: ${who}`, m.date ? `Date: ${m.date}` : '', m.subject ? `Subject: ${m.subject}` : '', '', m.body.trim()].filter((l, i) => l || i === 3).join('\n');
}

function warningsOf(mail: DecodedMail, forwarded: boolean): string[] {
  const w: string[] = [];
  if (mail.attachments.some((a) => a.contentType === 'application/ms-tnef' || a.filename?.toLowerCase() === 'winmail.dat')) {
    w.push('winmail.dat (TNEF) attached: its contents cannot be read; ask the AM to re-forward without rich text');
  }
  if (mail.automated) w.push('automated message (bounce, auto-reply or bulk)');
  if (!forwarded && FWD_SUBJECT.test(mail.subject)) w.push('looks forwarded but no forwarded header block was recognised: original sender unknown');
  return w;
}

/** Raw RFC 5322 to the provider-neutral Source: the client's own words as segments, the rest as context. */
export async function parseEmail(raw: string | Uint8Array | ArrayBuffer, opts: ParseEmailOptions = {}): Promise<ParsedEmail> {
  const bytes = toBytes(raw);
  guardMime(bytes, opts.maxBytes);
  return readMail(await decodeMime(bytes), opts);
}

/** The decoded delivery as a Source: forward layers unwrapped, the author's words split from the rest. */
export function readMail(mail: DecodedMail, opts: ParseEmailOptions = {}): ParsedEmail {
  if (!mail.from && !mail.dateHeader && !mail.subject && !mail.messageId && !mail.to.length) {
    throw new BadRequestError('not an email: no From, To, Date, Subject or Message-ID header found');
  }
  if (!/\S/.test(mail.text) && !mail.attachments.length) throw new BadRequestError('not an email: it has no body');

  const rec = recoverForward(mail.text, mail.subject);
  let original = rec.message;
  const context: ContextBlock[] = [];
  if (rec.note) context.push({ kind: 'cover_note', text: rec.note, author: mail.from?.name || mail.from?.address || null });
  // An AM forwarding a colleague's forward: each agency layer is another cover note, down to the client.
  const agency = new Set(opts.agencyDomains?.length ? opts.agencyDomains : [domainOf(mail.from?.address)]);
  const relays: Mailbox[] = [];
  for (let depth = 0; original && depth < 5 && agency.has(domainOf(original.from.address)); depth++) {
    const next = recoverForward(original.body, original.subject);
    if (!next.message) break;
    if (next.note) context.push({ kind: 'cover_note', text: next.note, author: original.from.name ?? original.from.address });
    if (original.from.address) relays.push({ name: original.from.name ?? '', address: original.from.address });
    original = next.message;
  }
  const author = original ? original.from : { name: mail.from?.name || null, address: mail.from?.address ?? null };
  let body = original ? original.body : mail.text;

  // Nested forward: the client's note on top is the source; what it carries is context.
  const inner = original ? recoverForward(body, original.subject) : null;
  const carried: ContextBlock[] = [];
  if (inner?.forwarded && inner.message) {
    const kind = REPLY_SUBJECT.test(inner.message.subject ?? '') ? 'quoted_history' : 'third_party';
    carried.push({ kind, text: renderMessage(inner.message), author: inner.message.from.name ?? inner.message.from.address });
    body = inner.note ?? '';
  }
  const split = splitBody(body, author);
  context.push(...split.context, ...carried);
  for (const t of mail.attachmentTexts) context.push({ kind: 'attachment_text', text: t.text, author: t.filename });

  const outerOffset = headerOffset(mail.dateHeader);
  const ref = mail.dateHeader && !Number.isNaN(Date.parse(mail.dateHeader)) ? new Date(mail.dateHeader) : (opts.now ?? new Date());
  const originalDate = parseLocalDate(original?.date, outerOffset, ref);
  const when: LocalDate = originalDate
    ?? parseLocalDate(mail.dateHeader, outerOffset, ref)
    ?? { date: ref.toISOString().slice(0, 10), offset: null, instant: ref.toISOString() };
  const warnings = warningsOf(mail, !!original);
  if (original && !originalDate) warnings.push(`the forwarded message's date "${original.date ?? ''}" could not be read; dates are relative to the forward`);

  const speaker = author.name ?? author.address;
  const title = original?.subject || mail.subject.replace(FWD_SUBJECT, '').trim() || '(no subject)';
  const forwarder = original ? mail.from : null;
  const source: NormalizedSource = {
    kind: 'email',
    externalId: mail.messageId,
    title,
    occurredAt: when.instant,
    referenceDate: when.date,
    timeZone: when.offset,
    participants: participantsOf({
      author, forwarder, recipients: original ? [...relays, ...original.to, ...original.cc] : [...mail.to, ...mail.cc],
      agencyDomains: opts.agencyDomains ?? [], inboundDomain: opts.inboundDomain?.toLowerCase() ?? null,
    }),
    segments: split.paragraphs.map((text, index) => ({ index, speaker, speakerEmail: author.address, at: null, text })),
    context,
    attachments: mail.attachments,
    links: { url: null, messageId: mail.messageId },
  };
  const senderDomain = domainOf(author.address);
  return {
    source,
    messageId: mail.messageId,
    originalMessageId: original ? null : mail.messageId,
    senderDomains: senderDomain ? [senderDomain] : [],
    recipients: [...new Set([...mail.deliveredTo, ...mail.to.map((m) => m.address), ...mail.cc.map((m) => m.address)])],
    subject: mail.subject,
    forwarded: !!original,
    coverNote: rec.note,
    forwardedBy: forwarder?.address ?? null,
    warnings,
  };
}
