import type { NormalizedSource } from '../domain/schemas.js';
import type { GroupedItems, ItemView } from '../memory/index.js';
import { evidenceOf, firstName, fmtDue } from './evidence.js';
import type { DraftText } from './types.js';

export interface RecapInput {
  sourceId: string;
  source: NormalizedSource;
  accountName: string;
  items: GroupedItems;
  amName: string | null;
  /** Agency work marked done since the last call (account memory), for "what shipped". */
  shipped?: ItemView[];
}

const NEXT_MEETING = /\b(next (call|meeting|check-?in|sync)|talk (again )?(on|next)|see you (on|next)|same time next)\b[^.?!]*/i;

const WHEN = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}(st|nd|rd|th|:\d{2}| ?[ap]m)\b|\b(tomorrow|next week|in (two|2|three|3) weeks|same time)\b/i;

/** The sentence in the call that sets the next meeting, if anyone said one. */
export function findNextMeeting(source: NormalizedSource): string | null {
  for (let i = source.segments.length - 1; i >= 0; i--) {
    const m = NEXT_MEETING.exec(source.segments[i]!.text);
    // Only a mention that says when: "our next call" alone is not a meeting time.
    if (m && WHEN.test(m[0])) return m[0].trim().replace(/[,;:]$/, '');
  }
  return null;
}

const line = (i: ItemView, who: string | null) => `- ${who ? `${who}: ` : ''}${i.text}${fmtDue(i.due)}`;

/** The call recap from stored items (never the whole transcript): short, in the AM's voice. */
export function buildRecap(input: RecapInput): DraftText {
  const { source, items } = input;
  const client = source.participants.filter((p) => p.side === 'client').map((p) => firstName(p.name)).filter(Boolean);
  const lines = [client.length ? `Hi ${client.join(' and ')},` : 'Hi all,', '', `Thanks for the time today. A quick recap of "${source.title}".`, ''];
  // The recap goes to the client: their asks, never our internal reading of risk (churn, frustration...).
  // An ask the extractor kept in the client's own words is shown as their words.
  const asked = items.requests.map((r) => (r.text.trim() === r.quote.trim() ? `“${r.text.trim()}”` : r.text));
  if (asked.length) lines.push('What you asked us for:', ...asked.slice(0, 8).map((t) => `- ${t}`), '');
  if (input.shipped?.length) lines.push('What shipped since we last spoke:', ...input.shipped.map((i) => `- ${i.text}`), '');
  const ours = items.commitments.filter((c) => c.owner_side !== 'client');
  const theirs = items.commitments.filter((c) => c.owner_side === 'client');
  if (ours.length) lines.push('Next steps on our side:', ...ours.map((c) => line(c, (c.owner as string | null) ?? null)), '');
  if (theirs.length) lines.push('What we need from you:', ...theirs.map((c) => line(c, (c.owner as string | null) ?? null)), '');
  if (!items.requests.length && !items.commitments.length) lines.push('No new action items came out of this call.', '');
  const next = findNextMeeting(source);
  if (next) lines.push(`Next meeting: ${next}.`, '');
  lines.push('Talk soon,', input.amName ?? '');
  return {
    title: `Recap: ${source.title}`,
    body: lines.join('\n').trimEnd(),
    evidence: [...items.requests, ...items.commitments].map((i) => evidenceOf(input.sourceId, source, i)),
  };
}
