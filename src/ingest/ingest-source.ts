import type { Ctx } from '../ctx.js';
import { sha256Hex } from '../ids.js';
import { findAccountByDomains, findOrCreateAccount } from './accounts.js';
import { ingestRawEmail } from './email/ingest-email.js';
import { normalizeTranscript } from './normalize-transcript.js';
import { IngestSourceInput } from './schemas.js';
import { storeSource, type StoredSource } from './store-source.js';

/** POST /api/sources and `liaison ingest`: a case-shaped transcript or email becomes a stored source. */
export async function ingestSource(ctx: Ctx, raw: unknown): Promise<StoredSource> {
  const input = IngestSourceInput.parse(raw);
  if (input.kind === 'email') return ingestRawEmail(ctx, { raw: input.source.raw, origin: 'api', account: input.account });

  const normalized = normalizeTranscript(input, ctx.config.AGENCY_DOMAINS);
  let accountId: string | null = null;
  if (input.account) accountId = (await findOrCreateAccount(ctx, input.account)).id;
  else {
    const clientDomains = normalized.participants
      .filter((p) => p.side !== 'agency' && p.email)
      .map((p) => p.email!.split('@')[1]!.toLowerCase());
    accountId = (await findAccountByDomains(ctx.db, clientDomains))?.id ?? null;
  }
  const body = JSON.stringify({ date: input.date, source: input.source });
  return storeSource(ctx, {
    kind: 'call',
    origin: 'api',
    externalId: null,
    idempotencyKey: `api:transcript:${await sha256Hex(body)}`,
    raw: JSON.stringify(raw),
    rawContentType: 'application/json',
    normalized,
    accountId,
  });
}
