import { readHeaderBlock, type ParsedForward } from './forward-block.js';
import { APPLE_SEPARATORS, DASHED_SEPARATORS, FWD_PREFIX, WS, firstAttribution } from './forward-labels.js';
import { labelLine } from './label-line.js';

// Finds a forwarded message in one pass over the lines: the first separator line ("Begin forwarded
// message:", "---------- Forwarded message ---------", Outlook's underscores, "----- Phrase -----", an
// Outlook 2019 "... wrote:" attribution) or, under a "Fwd:" subject, the first "From:"-style label.
// It reads what email-forward-parser reads, with the same precedence, at a fraction of the cost.

function dashes(s: string, at: number): number {
  let n = 0;
  while (s[at + n] === '-') n++;
  return n;
}

// The characters a separator line can start with, once its indentation is skipped.
const OPENERS = new Set(['-', '_', '>', 'F', ...APPLE_SEPARATORS.map((p) => p[0]!)]);

/** Where the forwarded part starts after a separator line (column in the line), or -1. */
export function separatorEnd(line: string): number {
  const body = line.trimStart();
  if (!OPENERS.has(body[0] ?? '')) return -1;
  const lead = line.length - body.length;
  if (body.startsWith('Forwarded message:') && lead <= 1) return line.indexOf(':') + 1;
  const c = body[0];
  if (c === '-') {
    const n = dashes(body, 0);
    const rest = body.slice(n);
    if (n >= 8 && n <= 10) {
      const m = /^\s*Forwarded message\s*/.exec(rest);
      const after = m ? dashes(rest, m[0].length) : 0;
      if (m && after >= 8) return lead + n + m[0].length + Math.min(after, 10);
    }
    for (const [min, max, phrase] of DASHED_SEPARATORS) {
      if (n < min || n > max || !rest.startsWith(` ${phrase} `)) continue;
      const after = dashes(rest, phrase.length + 2);
      if (after >= min) return lead + n + phrase.length + 2 + Math.min(after, max);
    }
    return -1;
  }
  if (c === '_') return /^_{32}\s*$/.test(body) ? line.length : -1;
  // Apple Mail, and IONOS's "> ---------- Original Message ----------".
  const unquoted = line[0] === '>' ? line.slice(1) : line;
  const text = unquoted.trimStart();
  const at = line.length - text.length;
  if (text.startsWith('---------- Original Message ----------')) return at + 38;
  for (const phrase of APPLE_SEPARATORS) {
    if (!text.startsWith(phrase)) continue;
    let i = phrase.length;
    if (WS.test(text[i] ?? '')) i++;
    if (text[i] === ':') return at + i + 1;
  }
  return -1;
}

/** The body split at the forwarded message: the forwarder's note above, the forwarded part below. */
function splitForward(clean: string, forwarded: boolean): { note: string; part: string } | null {
  let found: { index: number; end: number } | null = null;
  let fromAt = -1;
  for (let offset = 0; offset <= clean.length;) {
    const nl = clean.indexOf('\n', offset);
    const line = clean.slice(offset, nl < 0 ? clean.length : nl);
    const end = separatorEnd(line);
    if (end >= 0) {
      found = { index: offset, end: offset + end };
      break;
    }
    if (forwarded && fromAt < 0 && labelLine(line)?.field === 'from') fromAt = offset;
    offset += line.length + 1;
  }
  const a = firstAttribution(clean);
  if (a && a.index < (found?.index ?? Infinity)) found = { index: a.index, end: a.index + a[0].length };
  if (found) return { note: clean.slice(0, found.index).trim(), part: clean.slice(found.end).trim() };
  // Without a separator, a "From:" line only counts under a forward subject.
  if (fromAt >= 0) return { note: clean.slice(0, fromAt).trim(), part: clean.slice(fromAt).trim() };
  return null;
}

const NOT_FORWARDED: ParsedForward = { forwarded: false, note: null, from: null, to: [], cc: [], subject: null, date: null, body: null };

/** The forward subject's rest ("Fwd: Budget" gives "Budget"), or null when it is not a forward subject. */
export function forwardSubject(subject: string): string | null {
  const m = FWD_PREFIX.exec(subject);
  return m ? m[1]!.trim() : null;
}

/**
 * Reads a forwarded message out of a body. As email-forward-parser does, a subject that is not a
 * forward's rules a forward out, and an empty one lets the body decide (separator lines only).
 */
export function parseForward(body: string, subject: string | null): ParsedForward {
  const subjectRest = subject ? forwardSubject(subject) : null;
  if (subject && subjectRest === null) return NOT_FORWARDED;
  const clean = /[\r\uFEFF\u00A0]/.test(body) ? body.replace(/\r\n/g, '\n').replace(/\uFEFF/g, '').replace(/\u00A0$/gm, '').replace(/\u00A0/g, ' ') : body;
  const split = splitForward(clean, !!subject);
  if (!split?.part) return { ...NOT_FORWARDED, forwarded: !!subject, subject: subjectRest || null };
  const block = readHeaderBlock(split.part, clean);
  return { ...block, forwarded: true, note: split.note || null, subject: subjectRest || block.subject };
}
