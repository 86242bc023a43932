import type { Extraction, Locator, NormalizedSource } from '../domain/schemas.js';
import { resolveDue } from './due-date.js';
import { isDiarizationLabel, resolveSpeakerLabels } from './resolve-speakers.js';
import { normalizeText, normalizeWithMap } from './normalize-text.js';
import type { RawExtraction } from './types.js';

export const SCHEMA_VERSION = 'items-v1';

/** Finds a quote in the source's minable segments (normalized match); the hinted segment first. */
export function locateQuote(source: NormalizedSource, quote: string, hint: number | null): Locator | null {
  const q = normalizeText(quote);
  if (!q) return null;
  const order = hint !== null && source.segments[hint] ? [source.segments[hint]!, ...source.segments] : source.segments;
  for (const seg of order) {
    const { text, map } = normalizeWithMap(seg.text);
    const at = text.indexOf(q);
    // The offset points into the segment as stored (NFC), not into the normalised copy.
    if (at >= 0) return { segment: seg.index, at: seg.at, offset: map[at] ?? 0 };
  }
  return null;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/**
 * A diarization label is never a name: it becomes the participant the source shows it to be
 * (resolve-speakers.ts), else null. A first name that identifies exactly one participant becomes
 * that participant's full name; any other name is kept as given.
 */
export function resolvePerson(source: NormalizedSource, name: string | null, labels?: Map<string, string>): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  if (!trimmed) return null;
  if (isDiarizationLabel(trimmed)) return (labels ?? resolveSpeakerLabels(source)).get(trimmed) ?? null;
  const exact = source.participants.find((p) => fold(p.name) === fold(trimmed));
  if (exact) return exact.name;
  if (!/\s/.test(trimmed)) {
    const byFirst = source.participants.filter((p) => !isDiarizationLabel(p.name) && fold(p.name.split(/\s+/)[0]!) === fold(trimmed));
    if (byFirst.length === 1) return byFirst[0]!.name;
  }
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
  const labels = resolveSpeakerLabels(source);
  const requests = raw.requests.flatMap((r) => {
    const placed = place(r);
    if (!placed) return [];
    const { segment: _s, ...rest } = placed;
    return [{ ...rest, requester: resolvePerson(source, r.requester, labels), due: resolveDue(r.due_phrase, ref) }];
  });
  const commitments = raw.commitments.flatMap((c) => {
    const placed = place(c);
    if (!placed) return [];
    const { segment: _s, ...rest } = placed;
    return [{ ...rest, owner: resolvePerson(source, c.owner, labels), due: resolveDue(c.due_phrase, ref) }];
  });
  const risks = raw.risks.flatMap((k) => {
    const placed = place(k);
    if (!placed) return [];
    const { segment: _s, ...rest } = placed;
    return [rest];
  });
  return { requests, commitments, risks, meta: { ...raw.meta, droppedQuotes: dropped } };
}
