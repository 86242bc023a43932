import type { Channel, Evidence } from '../domain/schemas.js';
import type { ItemView } from '../memory/index.js';
import { firstName, fmtDue } from './evidence.js';
import type { DraftText } from './types.js';

// Templates for the drafts one request calls for: acknowledgement, specialist handoff, leadership flag.

const CHANNEL_NAMES: Record<Channel, string> = {
  google_ads: 'Google Ads', seo: 'SEO', web: 'Web', content: 'Content', social: 'Social', crm: 'CRM',
  analytics: 'Analytics', email_marketing: 'Email marketing', billing: 'Billing', general: 'General',
};
export const channelName = (c: unknown) => CHANNEL_NAMES[c as Channel] ?? String(c ?? 'General');

/** "today", "within 3 business days" or the escalation promise, by triage and channel turnaround. */
export function etaFor(triage: unknown, turnaroundDays: number): string {
  if (triage === 'hot') return 'escalated, we will call you today';
  if (triage === 'simple') return 'today';
  return `within ${turnaroundDays} business day${turnaroundDays === 1 ? '' : 's'}`;
}

export function buildAck(input: { accountName: string; amName: string | null; requests: ItemView[]; evidence: Evidence[]; turnaround: (c: unknown) => number }): DraftText {
  const who = firstName(input.requests.find((r) => r.requester)?.requester as string | undefined);
  const lines = [who ? `Hi ${who},` : 'Hi,', '', 'Thanks for your note. Here is what we are doing with it:', ''];
  for (const r of input.requests) {
    const eta = etaFor(r.triage, input.turnaround(r.channel));
    lines.push(`- ${r.text}: ${r.triage === 'hot' ? eta.charAt(0).toUpperCase() + eta.slice(1) : `you will have it ${eta}`}.`);
  }
  lines.push('', 'I will keep you posted.', '', input.amName ?? '');
  return { title: `Acknowledgement: ${input.requests.map((r) => r.text).join('; ').slice(0, 120)}`, body: lines.join('\n').trimEnd(), evidence: input.evidence };
}

export function buildHandoff(input: { accountName: string; tier: number | null; request: ItemView; evidence: Evidence[]; context: string[]; amName: string | null }): DraftText {
  const r = input.request;
  const lines = [
    `Channel: ${channelName(r.channel)}`,
    `Account: ${input.accountName}${input.tier ? ` (tier ${input.tier})` : ''}`,
    `Due: ${r.due ?? 'no date given; agree one with the AM'}`,
    `Requested by: ${r.requester ?? 'the client'}`,
    '',
    'What the client asked, in their words:',
    `"${r.quote}"`,
    '',
    `In short: ${r.text}`,
  ];
  if (input.context.length) lines.push('', 'Context from the account:', ...input.context.map((c) => `- ${c}`));
  lines.push('', `Questions go to ${input.amName ?? 'the account manager'}, not to the client.`);
  return { title: `Handoff (${channelName(r.channel)}): ${r.text}`.slice(0, 300), body: lines.join('\n'), evidence: input.evidence };
}

/** The leadership flag for a high-severity risk or a hot request: what happened, the evidence, a next step. */
export function buildFlag(input: { accountName: string; item: ItemView; evidence: Evidence[]; amName: string | null }): DraftText {
  const i = input.item;
  const what = i.type === 'risk' ? `${String(i.kind).replace(/_/g, ' ')} (${String(i.severity)}): ${String(i.rationale ?? i.text)}` : `Hot request: ${i.text}${fmtDue(i.due)}`;
  const lines = [
    `Account: ${input.accountName}`,
    '',
    `What happened: ${what}`,
    '',
    'Evidence:',
    ...input.evidence.map((e) => `- "${e.quote}"${e.speaker ? ` (${e.speaker})` : ''}`),
    '',
    `Recommended next step: ${recommend(i)}`,
    '',
    `AM: ${input.amName ?? 'unassigned'}`,
  ];
  return { title: `Flag: ${input.accountName}: ${i.type === 'risk' ? String(i.kind).replace(/_/g, ' ') : i.text}`.slice(0, 300), body: lines.join('\n'), evidence: input.evidence };
}

function recommend(i: ItemView): string {
  switch (i.kind) {
    case 'churn_risk': return 'the strategist or owner calls the client this week to hear them out and agree a recovery plan.';
    case 'missed_deadline': return 'confirm a realistic new date internally today, then call the client with it and an apology.';
    case 'billing': return 'review the invoice with finance and reply with the facts before the next billing run.';
    case 'frustration': return 'the AM calls the client today; leadership joins if the tone does not improve.';
    case 'blocked_access': return 'chase the access with the client owner and note the delay it causes.';
    case 'scope_creep': return 'restate the scope in writing and offer a change order for the extra work.';
    case 'expansion_opportunity': return 'prepare a short proposal and book a call to present it.';
    default: return i.type === 'request' ? 'fix it now (it is live), call the client today and confirm the fix in writing.' : 'call the client today and agree the next step.';
  }
}
