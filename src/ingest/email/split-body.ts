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
      let j = i;
      while (j + 1 < lines.length && (QUOTED_LINE.test(lines[j + 1]!) || !lines[j + 1]!.trim())) j++;
      context.push({ kind: 'quoted_history', text: lines.slice(i, j + 1).join('\n').trim(), author: null });
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
      context.push({ kind: 'quoted_history', text: content.trim(), author: null });
    } else if (f.isSignature()) {
      context.push({ kind: 'signature', text: content.trim(), author: author.name ?? author.address });
    } else visible.push(content);
  }
  const own = pullPasted(visible.join('\n'), context);
  const { text, signature } = cutSignature(paragraphsOf(own), author);
  if (signature) context.push({ kind: 'signature', text: signature, author: author.name ?? author.address });
  return { paragraphs: text, context };
}
