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
      while (j + 1 < lines.length && (QUOTED_LINE.test(lines[j + 1]!) || !lines[j + 1]!.trim())) j++;
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
  for (const f of replyParser.read(body.replace(/\r\n?/g, '\n')).getFragments()) {
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
  const own = pullPasted(visible.join('\n'), context);
  const { text, signature } = cutSignature(paragraphsOf(own), author);
  if (signature) context.push({ kind: 'signature', text: signature, author: author.name ?? author.address });
  return { paragraphs: text, context };
}
