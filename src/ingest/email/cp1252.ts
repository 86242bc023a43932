// Node's TextDecoder decodes windows-1252 as latin1 since 20.18.3 / 22.13.0 (nodejs/node#60888), so
// postal-mime hands back C1 controls where Outlook sent smart quotes, dashes and the euro sign.
// C1 controls never occur in real mail text, so mapping them back is safe whatever the runtime.

const CP1252: Record<number, string> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d',
  0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014',
  0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a', 0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
};

const C1 = /[\u0080-\u009f]/g;
const HAS_C1 = /[\u0080-\u009f]/;

/** Maps C1 control characters back to the windows-1252 characters they were meant to be. */
export function fixC1(text: string): string {
  return HAS_C1.test(text) ? text.replace(C1, (ch) => CP1252[ch.charCodeAt(0)] ?? '') : text;
}
