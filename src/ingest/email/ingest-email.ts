import type { Ctx } from '../../ctx.js';
import { sha256Hex } from '../../ids.js';
import { findOrCreateAccount } from '../accounts.js';
import { storeSource, type StoredSource } from '../store-source.js';
import { parseEmail, toBytes, type ParsedEmail } from './parse-email.js';
import { resolveAccount, type Resolution } from './resolve-account.js';
import { IngestRawEmailInput } from './schemas.js';

export type { IngestRawEmailInput } from './schemas.js';

const fold = (s: string) =>
  s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The same client email forwarded by two AMs (or redelivered by a provider) is one source: the key is
 * the client's own Message-ID when the mail is theirs, plus a hash of what they wrote and when.
 */
async function contentKey(p: ParsedEmail): Promise<string> {
  const s = p.source;
  const sender = s.segments[0]?.speakerEmail ?? s.participants[0]?.email ?? '';
  const text = s.segments.length
    ? s.segments.map((x) => x.text).join('\n')
    : [s.title, ...s.context.map((c) => c.text), ...s.attachments.map((a) => `${a.filename}:${a.size}`)].join('\n');
  return `email:${p.originalMessageId ?? 'fwd'}:${await sha256Hex(`${sender}\n${s.referenceDate}\n${fold(text)}`)}`;
}

/** Raw kept as text: UTF-8 when it is, else byte-for-byte as latin1 (8-bit windows-1252 mail). */
function rawText(raw: string | Uint8Array | ArrayBuffer): { text: string; contentType: string } {
  if (typeof raw === 'string') return { text: raw, contentType: 'message/rfc822' };
  const bytes = toBytes(raw);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), contentType: 'message/rfc822' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), contentType: 'message/rfc822; x-stored-as=latin1' };
  }
}

/** The one raw-MIME path every email delivery ends in: parse, resolve the account, store, enqueue. */
export async function ingestRawEmail(ctx: Ctx, raw: IngestRawEmailInput): Promise<StoredSource & { via: Resolution['via']; warnings: string[] }> {
  const input = IngestRawEmailInput.parse(raw);
  const parsed = await parseEmail(input.raw, {
    agencyDomains: ctx.config.AGENCY_DOMAINS,
    inboundDomain: ctx.config.INBOUND_DOMAIN ?? null,
    now: ctx.clock.now(),
  });
  const resolution: Resolution = input.account
    ? { accountId: (await findOrCreateAccount(ctx, input.account)).id, via: null, conflict: null }
    : await resolveAccount(ctx, parsed, input);
  const automated = parsed.warnings.some((w) => w.startsWith('automated'));
  const { text, contentType } = rawText(input.raw);
  const stored = await storeSource(ctx, {
    kind: 'email',
    origin: input.origin,
    externalId: parsed.messageId,
    idempotencyKey: await contentKey(parsed),
    raw: text,
    rawContentType: contentType,
    normalized: parsed.source,
    accountId: resolution.accountId,
    // A bounce or auto-reply is kept and listed for an AM, never mined on its own.
    ...(automated ? { status: 'unassigned' as const } : {}),
    hints: {
      via: resolution.via,
      accountConflict: resolution.conflict,
      forwarded: parsed.forwarded,
      forwardedBy: parsed.forwardedBy,
      coverNote: parsed.coverNote,
      senderDomains: parsed.senderDomains,
      recipients: parsed.recipients,
      envelopeTo: input.envelopeTo ?? [],
      subject: parsed.subject,
      warnings: parsed.warnings,
    },
  });
  if (stored.created) ctx.logger.info('email ingested', { sourceId: stored.id, origin: input.origin, via: resolution.via, warnings: parsed.warnings.length });
  return { ...stored, via: resolution.via, warnings: parsed.warnings };
}
