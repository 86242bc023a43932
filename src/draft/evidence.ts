import type { Evidence, NormalizedSource } from '../domain/schemas.js';
import type { ItemView } from '../memory/index.js';

/** A Fathom playback link that opens at the quote: the recording URL plus ?t=<seconds>. */
export function playbackUrl(url: string | null, at: number | null): string | null {
  if (!url) return null;
  if (at === null) return url;
  try {
    const u = new URL(url);
    u.searchParams.set('t', String(Math.floor(at)));
    return u.toString();
  } catch {
    return url;
  }
}

/** Evidence for one item: its verbatim quote, who said it, when, and a link to the call moment or the email. */
export function evidenceOf(sourceId: string, source: NormalizedSource, item: ItemView): Evidence {
  const seg = item.locator ? source.segments[item.locator.segment] : undefined;
  const at = item.locator?.at ?? seg?.at ?? null;
  const url = source.kind === 'call' ? playbackUrl(source.links.url, at) : (source.links.url ?? `/sources/${sourceId}`);
  return { itemId: item.id, sourceId, quote: item.quote, speaker: seg?.speaker ?? (item.requester as string | null) ?? null, at, url };
}

/** Evidence for an item read back from the database, when the source is not at hand. */
export function evidenceFromItem(item: ItemView, speaker: string | null = null): Evidence {
  return { itemId: item.id, sourceId: item.sourceId ?? '', quote: item.quote, speaker, at: item.locator?.at ?? null, url: item.sourceId ? `/sources/${item.sourceId}` : null };
}

export function firstName(name: string | null | undefined): string | null {
  return name ? name.trim().split(/\s+/)[0]! : null;
}

export function fmtDue(due: string | null | undefined): string {
  return due ? ` (by ${due})` : '';
}
