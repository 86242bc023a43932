import type { Evidence } from '../domain/schemas.js';
import type { ItemView } from '../memory/index.js';
import { firstName, fmtDue } from './evidence.js';
import type { DraftText } from './types.js';

// Templates for the drafts an account's state calls for: the periodic write-up and the chaser.

export interface AccountSnapshot {
  accountName: string;
  tier: number;
  periodStart: string;
  periodEnd: string;
  shipped: ItemView[];
  next: ItemView[];
  blocked: ItemView[];
  risks: ItemView[];
  expansion: ItemView[];
  openRequests: number;
  calls: number;
  emails: number;
}

export function healthOf(s: Pick<AccountSnapshot, 'risks' | 'blocked'>): 'green' | 'amber' | 'red' {
  if (s.risks.some((r) => r.severity === 'high')) return 'red';
  if (s.risks.length || s.blocked.length) return 'amber';
  return 'green';
}

const bullet = (xs: ItemView[], empty: string, f: (i: ItemView) => string = (i) => `${i.text}${fmtDue(i.due)}`) =>
  xs.length ? xs.map((i) => `- ${f(i)}`) : [`- ${empty}`];

export function buildWriteup(s: AccountSnapshot, evidence: Evidence[]): DraftText {
  const health = healthOf(s);
  const lines = [
    `${s.accountName} (tier ${s.tier}), ${s.periodStart} to ${s.periodEnd}`,
    `Health: ${health}. ${s.calls} call(s), ${s.emails} email(s), ${s.openRequests} open request(s).`,
    '', 'Shipped:', ...bullet(s.shipped, 'nothing marked done this period'),
    '', 'Next:', ...bullet(s.next, 'no open commitments on our side'),
    '', 'Blocked:', ...bullet(s.blocked, 'nothing blocked'),
    '', 'Risks:', ...bullet(s.risks, 'none open', (r) => `${String(r.kind).replace(/_/g, ' ')} (${String(r.severity)}): ${String(r.rationale ?? r.text)}`),
    '', 'Expansion:', ...bullet(s.expansion, 'nothing new', (r) => String(r.rationale ?? r.text)),
  ];
  return { title: `Write-up: ${s.accountName}, ${s.periodEnd}`, body: lines.join('\n'), evidence };
}

/** A polite chaser for a client-side commitment that is past its date. */
export function buildChaser(input: { accountName: string; commitment: ItemView; evidence: Evidence[]; amName: string | null; today: string }): DraftText {
  const c = input.commitment;
  const who = firstName(c.owner as string | null);
  const lines = [
    who ? `Hi ${who},` : 'Hi,',
    '',
    `A quick nudge on ${c.text.charAt(0).toLowerCase()}${c.text.slice(1)}${c.due ? `, which we had pencilled in for ${c.due}` : ''}.`,
    'We are ready to move as soon as we have it, and the dates on our side depend on it.',
    '',
    'If anything is in the way, reply here and we will sort it out together.',
    '',
    'Thanks,',
    input.amName ?? '',
  ];
  return { title: `Chaser: ${c.text}`.slice(0, 300), body: lines.join('\n').trimEnd(), evidence: input.evidence };
}
