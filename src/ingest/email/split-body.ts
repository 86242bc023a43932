import type { ContextBlock } from '../../domain/schemas.js';
import { QUOTED_LINE, bottomPosted, cutHeaderBlock, popAttribution, pullPasted, rejoinWrappedQuotes } from './quote-rules.js';
import { replyFragments } from './reply-fragments.js';
import { cutSignature } from './signature.js';

export interface SplitBody {
  /** The author's own new text, as paragraphs. */
  paragraphs: string[];
  /** Quoted history, signatures, pasted third-party text: kept, never mined. */
  context: ContextBlock[];
}

// An Outlook/Gmail header block that the fragmenter files under "signature" when it follows a
// separator line: it is the older thread, not the author's signature.
const HEADER_BLOCK = /^\s*(?:[-_=*]{3,}.*\n\s*)?\**(From|De|Von|Van|Da|Fra|Från|Od|От|Lähettäjä|Feladó|Kimden)\s*:\**\s/i;

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => (p.includes(' \n') || p.includes('\t\n') ? p.replace(/[ \t]+\n/g, '\n') : p).trim())
    .filter((p) => p.length > 0);
}

/**
 * Splits one author's message body into their own paragraphs and context. replyFragments finds quote
 * headers ("On ... wrote:", Outlook blocks, many locales) and "--"/"Sent from my" signatures as
 * email-reply-parser does; the sign-off and corporate signature without "--" are cut by the author's name.
 */
export function splitBody(body: string, author: { name: string | null; address: string | null }): SplitBody {
  const context: ContextBlock[] = [];
  const visible: string[] = [];
  const clean = rejoinWrappedQuotes(body.replace(/\r\n?/g, '\n'));
  for (const f of replyFragments(clean)) {
    const content = f.content;
    if (!content.trim()) continue;
    if (f.quoted || (f.hidden && !f.signature) || (f.signature && HEADER_BLOCK.test(content))) {
      const { quote, reply } = f.quoted ? bottomPosted(content) : { quote: content, reply: '' };
      const before = visible.length && QUOTED_LINE.test(quote.trimStart()) ? visible.pop()!.split('\n') : null;
      const attribution = before ? popAttribution(before) : [];
      if (before) visible.push(before.join('\n'));
      context.push({ kind: 'quoted_history', text: [...attribution, quote].join('\n').trim(), author: null });
      if (reply.trim()) visible.push(reply);
    } else if (f.signature) {
      context.push({ kind: 'signature', text: content.trim(), author: author.name ?? author.address });
    } else visible.push(content);
  }
  const own = pullPasted(cutHeaderBlock(visible.join('\n\n'), context), context);
  const { text, signature } = cutSignature(paragraphsOf(own), author);
  if (signature) context.push({ kind: 'signature', text: signature, author: author.name ?? author.address });
  return { paragraphs: text, context };
}
