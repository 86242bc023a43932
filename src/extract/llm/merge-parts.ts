import { normalizeText } from '../normalize-text.js';
import type { ExtractOutput } from './schema.js';

// Parts of a split source overlap, so an item near a boundary can come back twice. Two items are the
// same when they have the same type, one quote contains the other, and their key field agrees (two
// different asks may share one sentence: "update the site and the Google listing").

const nameKey = (s: string | null) => (s ? normalizeText(s).split(' ')[0]! : '');

function sameQuote(a: string, b: string): boolean {
  const x = normalizeText(a);
  const y = normalizeText(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function mergeList<T extends { quote: string }>(lists: T[][], key: (item: T) => string): T[] {
  const out: T[] = [];
  lists.forEach((list, part) => {
    const earlier = out.slice();
    for (const item of list) {
      // Only items from earlier parts can be overlap duplicates; within one answer the model decides.
      const dup = part > 0 && earlier.some((e) => key(e) === key(item) && sameQuote(e.quote, item.quote));
      if (!dup) out.push(item);
    }
  });
  return out;
}

/** The parts' answers as one answer, in source order, without the overlap's duplicates. */
export function mergeParts(parts: ExtractOutput[]): ExtractOutput {
  if (parts.length === 1) return parts[0]!;
  return {
    requests: mergeList(parts.map((p) => p.requests), (r) => r.channel),
    commitments: mergeList(parts.map((p) => p.commitments), (c) => nameKey(c.owner)),
    risks: mergeList(parts.map((p) => p.risks), (k) => k.kind),
  };
}
