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
