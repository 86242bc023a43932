import type { Participant } from '../../domain/schemas.js';
import type { Mailbox } from './decode-mime.js';

export function domainOf(address: string | null | undefined): string | null {
  const at = address ? address.indexOf('@') : -1;
  if (at < 0) return null;
  // What split('@')[1] gave: the text up to a second "@", if any.
  const end = address!.indexOf('@', at + 1);
  return address!.slice(at + 1, end < 0 ? undefined : end).toLowerCase();
}

interface PeopleInput {
  author: { name: string | null; address: string | null };
  /** The AM who forwarded, when the mail is a forward. */
  forwarder: Mailbox | null;
  recipients: Mailbox[];
  agencyDomains: readonly string[];
  /** Inbound addresses are routing, not people. */
  inboundDomain: string | null;
}

/** Who took part: the author (client side unless on an agency domain), the forwarding AM, the others. */
export function participantsOf(p: PeopleInput): Participant[] {
  const agency = new Set(p.agencyDomains.map((d) => d.toLowerCase()));
  const forwarderDomain = domainOf(p.forwarder?.address);
  if (forwarderDomain && !agency.size) agency.add(forwarderDomain);
  const authorDomain = domainOf(p.author.address);
  const side = (address: string | null): Participant['side'] => {
    const d = domainOf(address);
    if (d && agency.has(d)) return 'agency';
    if (d && d === authorDomain) return 'client';
    return 'unknown';
  };
  const out: Participant[] = [];
  const seen = new Set<string>();
  const add = (name: string | null, email: string | null, s: Participant['side']) => {
    const key = email ?? name?.toLowerCase() ?? '';
    if (!key || seen.has(key)) return;
    if (email && p.inboundDomain && domainOf(email) === p.inboundDomain) return;
    seen.add(key);
    out.push({ name: name || email || 'unknown', email, side: s });
  };
  add(p.author.name, p.author.address, authorDomain && agency.has(authorDomain) ? 'agency' : 'client');
  if (p.forwarder) add(p.forwarder.name, p.forwarder.address, 'agency');
  for (const r of p.recipients) add(r.name, r.address, side(r.address));
  return out;
}
