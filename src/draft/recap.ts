import type { Evidence, NormalizedSource } from '../domain/schemas.js';
import type { GroupedItems, ItemView } from '../memory/index.js';

// Spine template for the call recap; the drafts issue grows this into the full set of drafts.

function evidenceOf(sourceId: string, source: NormalizedSource, item: ItemView): Evidence {
  const seg = item.locator ? source.segments[item.locator.segment] : undefined;
  return { itemId: item.id, sourceId, quote: item.quote, speaker: seg?.speaker ?? null, at: seg?.at ?? null, url: source.links.url };
}

function firstName(name: string | null | undefined): string | null {
  return name ? name.split(/\s+/)[0]! : null;
}

export function buildRecap(input: { sourceId: string; source: NormalizedSource; accountName: string; items: GroupedItems; amName: string | null }) {
  const { source, items } = input;
  const client = source.participants.filter((p) => p.side === 'client').map((p) => firstName(p.name)).filter(Boolean);
  const greeting = client.length ? `Hi ${client.join(' and ')},` : 'Hi all,';
  const lines = [greeting, '', `Thanks for the time today. Here is a quick recap of "${source.title}".`, ''];
  if (items.requests.length) {
    lines.push('What you asked for:');
    for (const r of items.requests) lines.push(`- ${r.text}${r.due ? ` (by ${r.due})` : ''}`);
    lines.push('');
  }
  const ours = items.commitments.filter((c) => c.owner_side !== 'client');
  const theirs = items.commitments.filter((c) => c.owner_side === 'client');
  if (ours.length) {
    lines.push('Next steps on our side:');
    for (const c of ours) lines.push(`- ${c.owner ? `${c.owner}: ` : ''}${c.text}${c.due ? ` (by ${c.due})` : ''}`);
    lines.push('');
  }
  if (theirs.length) {
    lines.push('What we need from you:');
    for (const c of theirs) lines.push(`- ${c.owner ? `${c.owner}: ` : ''}${c.text}${c.due ? ` (by ${c.due})` : ''}`);
    lines.push('');
  }
  if (!items.requests.length && !items.commitments.length) lines.push('No new action items came out of this call.', '');
  lines.push('Talk soon,', input.amName ?? '');
  const all = [...items.requests, ...items.commitments];
  return {
    title: `Recap: ${source.title}`,
    body: lines.join('\n').trimEnd(),
    evidence: all.map((i) => evidenceOf(input.sourceId, source, i)),
  };
}
