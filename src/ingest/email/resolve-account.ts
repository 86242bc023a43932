import type { Ctx } from '../../ctx.js';
import { findAccountByAlias, findAccountByDomains } from '../accounts.js';
import type { ParsedEmail } from './parse-email.js';

export interface Resolution {
  accountId: string | null;
  /** How it was found: alias, plus_address, sender_domain, subject_tag, or null (unassigned). */
  via: 'alias' | 'plus_address' | 'sender_domain' | 'subject_tag' | null;
  /** An account the sender's domain points at that differs from the one chosen. */
  conflict: string | null;
}

const SUBJECT_TAG = /\[([a-z0-9][a-z0-9._-]{0,62})\]/gi;

/** "acme" from acme@in.example and inbound+acme@example, restricted to the inbound domain when set. */
export function aliasesOf(addresses: readonly string[], inboundDomain: string | null | undefined): Array<{ alias: string; plus: boolean }> {
  const out: Array<{ alias: string; plus: boolean }> = [];
  const domain = inboundDomain?.toLowerCase();
  for (const addr of addresses) {
    const [local, host] = addr.toLowerCase().split('@');
    if (!local || !host) continue;
    if (domain && host !== domain && !host.endsWith(`.${domain}`)) continue;
    const plus = local.indexOf('+');
    out.push(plus >= 0 ? { alias: local.slice(plus + 1), plus: true } : { alias: local, plus: false });
  }
  return out.filter((a) => a.alias);
}

/** acme.co.uk, then co.uk is never tried: parents down to two labels. */
function withParents(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Inbound alias or plus-address, then the original sender's domain, then a [tag] in the subject. */
export async function resolveAccount(
  ctx: Pick<Ctx, 'db' | 'config'>,
  parsed: ParsedEmail,
  delivery: { envelopeTo?: string[] | undefined; mailboxHash?: string | undefined },
): Promise<Resolution> {
  const byDomain = await findAccountByDomains(ctx.db, parsed.senderDomains.flatMap(withParents));
  const done = (accountId: string, via: Resolution['via']): Resolution => ({
    accountId, via, conflict: byDomain && byDomain.id !== accountId ? byDomain.id : null,
  });
  if (delivery.mailboxHash) {
    const hit = await findAccountByAlias(ctx.db, delivery.mailboxHash);
    if (hit) return done(hit.id, 'plus_address');
  }
  for (const a of aliasesOf([...(delivery.envelopeTo ?? []), ...parsed.recipients], ctx.config.INBOUND_DOMAIN)) {
    const hit = await findAccountByAlias(ctx.db, a.alias);
    if (hit) return done(hit.id, a.plus ? 'plus_address' : 'alias');
  }
  if (byDomain) return { accountId: byDomain.id, via: 'sender_domain', conflict: null };
  for (const m of parsed.subject.matchAll(SUBJECT_TAG)) {
    const hit = await findAccountByAlias(ctx.db, m[1]!);
    if (hit) return done(hit.id, 'subject_tag');
  }
  return { accountId: null, via: null, conflict: null };
}
