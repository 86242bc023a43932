// SCORING.md section 4, normalisation of quotes and text, in this order:
// NFC, fold typographic quotes and dashes, collapse whitespace runs (NBSP included), lowercase.

export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Word tokens of normalised text (letters and digits, inner apostrophes kept). */
export function wordTokens(s: string): string[] {
  return normalizeText(s).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** Jaccard similarity of the two token sets; 0 when both are empty. */
export function jaccard(a: string, b: string): number {
  const A = new Set(wordTokens(a));
  const B = new Set(wordTokens(b));
  if (!A.size && !B.size) return 0;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  return inter / (A.size + B.size - inter);
}

/** Names compare case-insensitively and without diacritics ("Zoë" = "zoe"). */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}
