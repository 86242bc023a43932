/** SCORING.md normalisation: NFC, ASCII quotes and dashes, collapsed whitespace (NBSP too), lowercase. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2012\u2015\u2212]/g, '-')
    .replace(/[\s\u00A0\u202F\u2007]+/g, ' ')
    .trim()
    .toLowerCase();
}

const SPACE = /[\s\u00A0\u202F\u2007]/;

/**
 * normalizeText plus, for every character of the result, the index of the character of the NFC
 * input it came from, so a match in normalised text can be pointed at in the original.
 */
export function normalizeWithMap(s: string): { text: string; map: number[] } {
  const src = s.normalize('NFC');
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length) {
      text += ' ';
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    const folded = normalizeText(ch) || ch.toLowerCase();
    for (const c of folded) {
      text += c;
      map.push(i);
    }
  }
  return { text, map };
}
