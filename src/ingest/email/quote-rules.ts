import type { ContextBlock } from '../../domain/schemas.js';

// What email-reply-parser leaves in the visible text of real mail: wrapped quote lines, attribution lines
// it does not know, bottom-posted replies, Outlook header blocks without a separator, pasted blocks.

// A pasted block such as "----- Website form submission -----" ... "-------".
const PASTE_OPEN = /^\s*-{3,}\s*[^\s-][^\n]*?\s*-{3,}\s*$/;
const PASTE_CLOSE = /^\s*[-_=]{5,}\s*$/;
export const QUOTED_LINE = /^\s*>/;

/**
 * The attribution line above a ">" block that the reply parser did not recognise (Android's
 * "02.04.2012 14:20 пользователь ... <\nbob@... написал:"): one or two lines ending with ":".
 */
export function popAttribution(keep: string[]): string[] {
  let end = keep.length;
  while (end > 0 && !keep[end - 1]!.trim()) end--;
  const last = keep[end - 1];
  if (!last || !/:\s*$/.test(last)) return [];
  let start = end - 1;
  const prev = keep[start - 1];
  if (!/\d/.test(last) && prev?.trim() && /[\d@]/.test(prev)) start--;
  // A real attribution names a date or an address; "I wanted to respond to your points:" does not.
  if (!/[\d@]/.test(keep.slice(start, end).join(' '))) return [];
  return keep.splice(start);
}

/** Text under a ">" quote that is not itself quoted: a bottom-posted reply (Thunderbird). */
export function bottomPosted(content: string): { quote: string; reply: string } {
  const lines = content.split('\n');
  let last = -1;
  lines.forEach((l, i) => { if (QUOTED_LINE.test(l)) last = i; });
  if (last < 0) return { quote: content, reply: '' };
  return { quote: lines.slice(0, last + 1).join('\n'), reply: lines.slice(last + 1).join('\n') };
}

/**
 * A quoted line a mail client wrapped without its ">" gets it back: it sits between two ">" lines, under
 * a long one, and starts in lower case. An inline answer ("> $89 or $99?\n$89\n> ...") is left alone.
 */
export function rejoinWrappedQuotes(text: string): string {
  if (!text.includes('\n>')) return text;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length - 1; i++) {
    const l = lines[i]!;
    const prev = lines[i - 1]!;
    if (/^\p{Ll}/u.test(l) && prev.length >= 50 && QUOTED_LINE.test(prev) && QUOTED_LINE.test(lines[i + 1]!)) lines[i] = `> ${l}`;
  }
  return lines.join('\n');
}

const FROM_LABEL = /^[ \t>*]*\**(From|De|Von|Van|Da|Från|Fra|Od|От|Lähettäjä|Feladó|Kimden)\**[ \t]?:\**[ \t]*\S/i;
const BLOCK_LABEL = /^[ \t>*]*\**(Sent|Date|Envoyé|Gesendet|Datum|Fecha|Enviado|Inviato|Verzonden|Skickat|Sendt|Wysłano|Отправлено|To|À|An|Para|Aan|Till|Til|Do|Кому|Subject|Objet|Betreff|Asunto|Oggetto|Onderwerp|Ämne|Emne|Temat|Тема|Assunto)\**[ \t]?:/i;

/**
 * An Outlook header block ("From: ...\nSent: ...\nTo: ...") under the author's text, with no separator
 * line the reply parser could see: the thread below it is history.
 */
export function cutHeaderBlock(text: string, context: ContextBlock[]): string {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (!FROM_LABEL.test(lines[i]!) || !lines.slice(i + 1, i + 5).some((l) => BLOCK_LABEL.test(l))) continue;
    let start = i;
    while (start > 0 && /^\s*([-_=*]{3,}\s*)?$/.test(lines[start - 1]!)) start--;
    if (!lines.slice(0, start).some((l) => l.trim())) return text;
    context.push({ kind: 'quoted_history', text: lines.slice(start).join('\n').trim(), author: null });
    return lines.slice(0, start).join('\n');
  }
  return text;
}

/** Pulls pasted third-party blocks and stray ">" lines out of the visible text. */
export function pullPasted(text: string, context: ContextBlock[]): string {
  const keep: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (PASTE_OPEN.test(line)) {
      let j = i + 1;
      while (j < lines.length && !PASTE_CLOSE.test(lines[j]!)) j++;
      context.push({ kind: 'third_party', text: lines.slice(i, j + 1).join('\n').trim(), author: null });
      i = j;
      continue;
    }
    if (QUOTED_LINE.test(line)) {
      const attribution = popAttribution(keep);
      let j = i;
      // Blank lines and quote lines a client re-wrapped without ">" stay inside the quote.
      const inQuote = (k: number) => QUOTED_LINE.test(lines[k]!) || !lines[k]!.trim() || (k + 1 < lines.length && QUOTED_LINE.test(lines[k - 1]!) && QUOTED_LINE.test(lines[k + 1]!));
      while (j + 1 < lines.length && inQuote(j + 1)) j++;
      context.push({ kind: 'quoted_history', text: [...attribution, ...lines.slice(i, j + 1)].join('\n').trim(), author: null });
      i = j;
      continue;
    }
    keep.push(line);
  }
  return keep.join('\n');
}

