import type { NormalizedSource, Locator, Side } from '../domain/schemas.js';
import { tokenize } from './offline-embedder.js';

// "We sent the report" fulfils "I'll send the report by Friday": a past-tense completion statement,
// on the same side as the commitment's owner, about the same thing (embedding or stemmed-word overlap).

const COMPLETION = /\b(sent|emailed|shared|finished|completed|done|published|launched|uploaded|paused|updated|fixed|installed|granted|added|pushed|delivered|shipped|posted|submitted|set up|went live|is live|are live|now live|took care of|wrapped up|turned off|switched)\b/i;
const NOT_DONE = /\b(will|'ll|going to|gonna|plan to|planning|need to|haven't|hasn't|didn't|not yet|still|can you|could you|would you|if)\b|\?|\bnot\b/i;

const IRREGULAR: Record<string, string> = {
  sent: 'send', done: 'do', did: 'do', set: 'set', put: 'put', made: 'make', got: 'get', gave: 'give', went: 'go',
  wrote: 'write', written: 'write', took: 'take', taken: 'take', built: 'build', paid: 'pay', shot: 'shoot', ran: 'run',
  emailed: 'email', email: 'email',
};
const STOP = new Set('a an and are as at be but by for from has have had i i\'ll if in is it its me my of on or our so that the their them then there these they this to us was we we\'ve we\'ll were what when which who will with you your just over up all now today tomorrow friday monday tuesday wednesday thursday saturday sunday week yesterday already'.split(' '));

export function stem(w: string): string {
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  return w.replace(/(ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1') || w;
}

export function contentStems(text: string): Set<string> {
  return new Set(tokenize(text).filter((w) => !STOP.has(w) && w.length > 1).map(stem));
}

/** Overlap coefficient of stemmed content words (|A∩B| / min(|A|,|B|)), 0 when fewer than two words are shared. */
export function stemOverlap(a: string, b: string): number {
  const x = contentStems(a);
  const y = contentStems(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  if (shared < 2) return 0;
  return shared / Math.max(1, Math.min(x.size, y.size));
}

export interface CompletionStatement {
  text: string;
  speaker: string | null;
  side: Side;
  locator: Locator;
}

/** Sentences of a source that report something as done. */
export function completionStatements(source: NormalizedSource): CompletionStatement[] {
  const out: CompletionStatement[] = [];
  for (const seg of source.segments) {
    const p = source.participants.find((x) => x.name === seg.speaker || (seg.speakerEmail && x.email?.toLowerCase() === seg.speakerEmail.toLowerCase()));
    const side: Side = p?.side ?? (source.kind === 'email' ? 'client' : 'unknown');
    let offset = 0;
    for (const sentence of seg.text.split(/(?<=[.!?])\s+/)) {
      const at = seg.text.indexOf(sentence, offset);
      offset = at >= 0 ? at + sentence.length : offset;
      if (COMPLETION.test(sentence) && !NOT_DONE.test(sentence)) {
        out.push({ text: sentence.trim(), speaker: seg.speaker, side, locator: { segment: seg.index, at: seg.at, offset: at >= 0 ? at : null } });
      }
    }
  }
  return out;
}

export const FULFIL_MIN_SIMILARITY = 0.5;
export const FULFIL_MIN_OVERLAP = 0.5;
