import type { NormalizedSource, Side } from '../../domain/schemas.js';
import { NOT_A_NAME, ROLE_WORDS } from './lexicon.js';
import type { Sentence } from './sentences.js';

// Who a promise belongs to: a named third party ("Ravi, our web lead, ... He will"), a participant by
// first name, or the speaker. Pronouns resolve to the nearest person mentioned just before them.

export interface PersonMention {
  name: string;
  /** Character offset in the sentence. */
  at: number;
}

const CAP_WORD = /\b([A-Z][a-zà-ÿ]+)\b/g;

function isParticipantFirst(source: NormalizedSource, word: string): boolean {
  const w = word.toLowerCase();
  return source.participants.some((p) => p.name.split(/\s+/)[0]!.toLowerCase() === w);
}

/** Capitalised words that are evidently people in this sentence. */
export function personMentions(source: NormalizedSource, text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(CAP_WORD)) {
    const word = m[1]!;
    const at = m.index!;
    if (NOT_A_NAME.has(word.toLowerCase())) continue;
    const before = text.slice(Math.max(0, at - 30), at);
    const after = text.slice(at + word.length, at + word.length + 40);
    const participant = isParticipantFirst(source, word);
    const introduced = new RegExp(`\\b(our|my|his|her|their|the)\\s+(?:[\\w-]+\\s+)?${ROLE_WORDS.source}\\s*,?\\s*$`, 'i').test(before);
    const appositive = /^,\s+(our|my|the|one of our|his|her)\b/i.test(after);
    // "Kevin in IT said", "Dana from accounting will": a person named with their department.
    const dept = /^\s+(?:in|from|at|on)\s+(?:[A-Z]{2,}|(?:our|the|my)\s+[\w-]+(?:\s+team)?)\s+(?:said|says|will|is going to|told)\b/.test(after);
    const acting = dept || /^(?:['’]s going to|['’]ll)|^\s+(will|'ll|’ll|is going to|said|says|is taking|is doing|has|from (our|the|my)|on (our|the|my))\b/i.test(after);
    const capitalStart = at === 0 || /[.!?]\s*$/.test(before);
    if (participant || introduced || appositive || dept || (acting && !capitalStart) || (acting && capitalStart && /^(?:\s+(?:will|'ll|’ll|said|says|is going to|from (?:our|the|my)|on (?:our|my|the))|['’]s going to|['’]ll)/i.test(after))) {
      out.push({ name: word, at });
    }
  }
  return out;
}

/** The person a he/she/they/him/her at `at` in sentence `s` refers to: nearest mention before it. */
export function resolvePronoun(source: NormalizedSource, sentences: Sentence[], s: Sentence, at: number, exclude: string | null): string | null {
  const notSelf = (name: string) => !exclude || exclude.split(/\s+/)[0]!.toLowerCase() !== name.toLowerCase();
  const here = personMentions(source, s.text.slice(0, at)).filter((m) => notSelf(m.name));
  if (here.length) return here.at(-1)!.name;
  for (let i = s.n - 1; i >= 0 && i >= s.n - 3; i--) {
    const prev = sentences[i]!;
    if (prev.segment !== s.segment) break;
    const found = personMentions(source, prev.text).filter((m) => notSelf(m.name));
    if (found.length) return found.at(-1)!.name;
  }
  // "That's Oskar, our engineering lead. [...] I talked to him and he said he'll ...": the same speaker named them a turn or two before.
  for (let i = s.n - 1; i >= 0 && i >= s.n - 8; i--) {
    const prev = sentences[i]!;
    if (prev.segment === s.segment || prev.speaker !== s.speaker || s.segment - prev.segment > 3) continue;
    const found = personMentions(source, prev.text).filter((m) => notSelf(m.name) && !isParticipantFirst(source, m.name));
    if (found.length) return found.at(-1)!.name;
  }
  return null;
}

/** A named person's side: a participant's own side, else the side of the person talking about them. */
export function sideOfName(source: NormalizedSource, name: string, speakerSide: Side): Side {
  const first = name.split(/\s+/)[0]!.toLowerCase();
  const p = source.participants.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.name.split(/\s+/)[0]!.toLowerCase() === first);
  return p && p.side !== 'unknown' ? p.side : speakerSide;
}
