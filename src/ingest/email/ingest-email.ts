import type { Ctx } from '../../ctx.js';
import { BadRequestError } from '../../errors.js';
import { sha256Hex } from '../../ids.js';
import { findAccountByAlias, findAccountByDomains, findOrCreateAccount } from '../accounts.js';
import type { AccountRef } from '../schemas.js';
import { storeSource, type StoredSource } from '../store-source.js';
import { parseEmail } from './parse-email.js';

export interface IngestRawEmailInput {
  raw: string;
  /** api, inbound:raw, inbound:postmark, ... */
  origin: string;
  account?: AccountRef | undefined;
  /** Envelope recipients when the provider gives them (they carry the inbound alias). */
  envelopeTo?: string[];
}

/** The one raw-MIME path every email delivery ends in: parse, resolve the account, store, enqueue. */
export async function ingestRawEmail(ctx: Ctx, input: IngestRawEmailInput): Promise<StoredSource> {
  const parsed = await parseEmail(input.raw).catch((err: unknown) => {
    throw new BadRequestError(`not a parsable email: ${(err as Error).message}`);
  });
  if (!parsed.source.segments.length && !parsed.subject) throw new BadRequestError('not an email: no headers or body found');

  let accountId: string | null = null;
  if (input.account) accountId = (await findOrCreateAccount(ctx, input.account)).id;
  if (!accountId) {
    for (const addr of [...(input.envelopeTo ?? []), ...parsed.recipients]) {
      const local = addr.split('@')[0]!.toLowerCase();
      const alias = local.includes('+') ? local.split('+')[1]! : local;
      const hit = await findAccountByAlias(ctx.db, alias);
      if (hit) { accountId = hit.id; break; }
    }
  }
  if (!accountId) accountId = (await findAccountByDomains(ctx.db, parsed.senderDomains))?.id ?? null;

  const bodyHash = await sha256Hex(parsed.source.segments.map((s) => s.text).join('\n'));
  return storeSource(ctx, {
    kind: 'email',
    origin: input.origin,
    externalId: parsed.messageId,
    idempotencyKey: `email:${parsed.messageId ?? ''}:${bodyHash}`,
    raw: input.raw,
    rawContentType: 'message/rfc822',
    normalized: parsed.source,
    accountId,
    hints: { senderDomains: parsed.senderDomains, recipients: parsed.recipients },
  });
}
