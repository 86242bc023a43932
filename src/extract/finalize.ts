import type { Extraction, Locator, NormalizedSource } from '../domain/schemas.js';
import { resolveDue } from './due-date.js';
import { normalizeText } from './normalize-text.js';
import type { RawExtraction } from './types.js';

export const SCHEMA_VERSION = 'items-v1';

/** Finds a quote in the source's minable segments (normalized match); the hinted segment first. */
export function locateQuote(source: NormalizedSource, quote: string, hint: number | null): Locator | null {
  const q = normalizeText(quote);
  if (!q) return null;
  const order = hint !== null && source.segments[hint] ? [source.segments[hint]!, ...source.segments] : source.segments;
  for (const seg of order) {
    const offset = normalizeText(seg.text).indexOf(q);
    if (offset >= 0) return { segment: seg.index, at: seg.at, offset };
  }
  return null;
}

const DIARIZATION_LABEL = /^(speaker|spk|unknown speaker)\s*\d*$/i;

/** A diarization label is never an owner: it becomes null (unknown) unless a participant is named so. */
export function resolvePerson(source: NormalizedSource, name: string | null): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  if (DIARIZATION_LABEL.test(trimmed)) return null;
  return trimmed;
}

/**
 * The code-side checks every extraction goes through, whatever produced it: quotes located in the
 * source (an unfound quote drops the item and is counted), due phrases resolved against the source's
 * reference date, diarization labels never used as names.
 */
export function finalizeExtraction(source: NormalizedSource, raw: RawExtraction): Extraction {
  let dropped = 0;
  const place = <T extends { quote: string; segment: number | null }>(item: T): (T & { locator: Locator }) | null => {
    const locator = locateQuote(source, item.quote, item.segment);
    if (!locator) {
      dropped++;
      return null;
    }
    return { ...item, locator };
  };
  const ref = source.referenceDate;
  const requests = raw.requests.flatMap((r) => {
    const placed = place(r);
    if (!placed) return [];
    const { segment: _s, ...rest } = placed;
    return [{ ...rest, requester: resolvePerson(source, r.requester), due: resolveDue(r.due_phrase, ref) }];
  });
  const commitments = raw.commitments.flatMap((c) => {
    const placed = place(c);
    if (!placed) return [];
    const { segment: _s, ...rest } = placed;
    return [{ ...rest, owner: resolvePerson(source, c.owner), due: resolveDue(c.due_phrase, ref) }];
  });
  const risks = raw.risks.flatMap((k) => {
    const placed = place(k);
    if (!placed) return [];
    const { segment: _s, ...rest } = placed;
    return [rest];
  });
  return { requests, commitments, risks, meta: { ...raw.meta, droppedQuotes: dropped } };
}
