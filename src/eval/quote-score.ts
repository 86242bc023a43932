import { normalizeText, wordTokens } from './normalize.js';

// SCORING.md section 4, quote score q(p, g): character overlap of located spans, or word-multiset
// overlap when a span cannot be located; o / min(|p|, |g|), and 0 when o / max(|p|, |g|) < 0.2.

const MAX_OCCURRENCES = 64;

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0 && out.length < MAX_OCCURRENCES; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function ratio(o: number, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (!lo || o / hi < 0.2) return 0;
  return o / lo;
}

function spanScore(source: string, p: string, g: string): number {
  const ps = occurrences(source, p);
  const gs = occurrences(source, g);
  if (ps.length && gs.length) {
    let best = 0;
    for (const a of ps) for (const b of gs) best = Math.max(best, Math.min(a + p.length, b + g.length) - Math.max(a, b));
    return ratio(best, p.length, g.length);
  }
  return multisetScore(p, g);
}

function multisetScore(p: string, g: string): number {
  const pt = wordTokens(p);
  const gt = wordTokens(g);
  const counts = new Map<string, number>();
  for (const t of gt) counts.set(t, (counts.get(t) ?? 0) + 1);
  let o = 0;
  for (const t of pt) {
    const n = counts.get(t) ?? 0;
    if (n > 0) { o++; counts.set(t, n - 1); }
  }
  return ratio(o, pt.length, gt.length);
}

/**
 * q(p, g) over the gold item's spans (quote plus alt_quotes). `source` must already be normalised.
 * Spans are character ranges of the normalised source; a span that is not in the source falls back
 * to word multisets.
 */
export function quoteScore(source: string, predQuote: string, goldQuotes: readonly string[]): number {
  const p = normalizeText(predQuote);
  if (!p) return 0;
  let best = 0;
  for (const gq of goldQuotes) {
    const g = normalizeText(gq);
    if (g) best = Math.max(best, spanScore(source, p, g));
  }
  return best;
}

/** M14: the predicted quote is an exact substring of the normalised source. */
export function quoteIsValid(source: string, predQuote: string): boolean {
  const p = normalizeText(predQuote);
  return p.length > 0 && source.includes(p);
}
