import EmailReplyParser from 'email-reply-parser';
import type { ContextBlock } from '../../domain/schemas.js';
import { cutSignature } from './signature.js';

export interface SplitBody {
  /** The author's own new text, as paragraphs. */
  paragraphs: string[];
  /** Quoted history, signatures, pasted third-party text: kept, never mined. */
  context: ContextBlock[];
}

const replyParser = new EmailReplyParser();

// A superset of what email-reply-parser's quote-header and signature regexes can match: quote marks,
// lines ending in ":", separator runs, "From:"-style labels and the sign-off phrases it knows. A body
// with none of them is one visible fragment, so the parser (the costliest step after MIME) is skipped.
const REPLY_MARKERS = /^\s*>|[:：]\s*$|^\s*[-_=+]{2}|^\s*(from|von|de|van|da)\s?:|sent from|get outlook|cheers|best wishes|regards|gesendet|sendt fra|envoy|télécharger|bien . vous|cordialement|bonne (journ|soir)|enviado desde|in data|verzonden|verstuurd|wrote|écrit|escribió|scritto|escreveu|schrieb|schreef|skrev|kirjoitti|pisze|napisał|original|oprindelig|origine|ursprüngliche|写道|작성|のメッセージ/imu;

// An Outlook/Gmail header block that email-reply-parser files under "signature" when it follows a
// separator line: it is the older thread, not the author's signature.
const HEADER_BLOCK = /^\s*(?:[-_=*]{3,}.*\n\s*)?\**(From|De|Von|Van|Da|Fra|Från|Od|От|Lähettäjä|Feladó|Kimden)\s*:\**\s/i;
// A pasted block such as "----- Website form submission -----" ... "-------".
const PASTE_OPEN = /^\s*-{3,}\s*[^\s-][^\n]*?\s*-{3,}\s*$/;
const PASTE_CLOSE = /^\s*[-_=]{5,}\s*$/;
const QUOTED_LINE = /^\s*>/;

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').trim())
    .filter((p) => p.length > 0);
}

/**
 * The attribution line above a ">" block that the reply parser did not recognise (Android's
 * "02.04.2012 14:20 пользователь ... <\nbob@... написал:"): one or two lines ending with ":".
 */
function popAttribution(keep: string[]): string[] {
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
function bottomPosted(content: string): { quote: string; reply: string } {
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
function rejoinWrappedQuotes(text: string): string {
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
function cutHeaderBlock(text: string, context: ContextBlock[]): string {
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
function pullPasted(text: string, context: ContextBlock[]): string {
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

/**
 * Splits one author's message body into their own paragraphs and context. email-reply-parser finds
 * quote headers ("On ... wrote:", Outlook blocks, many locales) and "--"/"Sent from my" signatures;
 * the sign-off and corporate signature without "--" are cut by the author's name.
 */
export function splitBody(body: string, author: { name: string | null; address: string | null }): SplitBody {
  const context: ContextBlock[] = [];
  const visible: string[] = [];
  const clean = rejoinWrappedQuotes(body.replace(/\r\n?/g, '\n'));
  const fragments = REPLY_MARKERS.test(clean) ? replyParser.read(clean).getFragments() : [{ getContent: () => clean, isQuoted: () => false, isHidden: () => false, isSignature: () => false }];
  for (const f of fragments) {
    const content = f.getContent();
    if (!content.trim()) continue;
    if (f.isQuoted() || (f.isHidden() && !f.isSignature()) || (f.isSignature() && HEADER_BLOCK.test(content))) {
      const { quote, reply } = f.isQuoted() ? bottomPosted(content) : { quote: content, reply: '' };
      const before = visible.length && QUOTED_LINE.test(quote.trimStart()) ? visible.pop()!.split('\n') : null;
      const attribution = before ? popAttribution(before) : [];
      if (before) visible.push(before.join('\n'));
      context.push({ kind: 'quoted_history', text: [...attribution, quote].join('\n').trim(), author: null });
      if (reply.trim()) visible.push(reply);
    } else if (f.isSignature()) {
      context.push({ kind: 'signature', text: content.trim(), author: author.name ?? author.address });
    } else visible.push(content);
  }
  const own = pullPasted(cutHeaderBlock(visible.join('\n\n'), context), context);
  const { text, signature } = cutSignature(paragraphsOf(own), author);
  if (signature) context.push({ kind: 'signature', text: signature, author: author.name ?? author.address });
  return { paragraphs: text, context };
}
