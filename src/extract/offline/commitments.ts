import type { NormalizedSource, Side } from '../../domain/schemas.js';
import { askKind } from './ask-patterns.js';
import { findDuePhrase } from './due-phrase.js';
import { NOT_A_NAME } from './lexicon.js';
import { personMentions, resolvePronoun, sideOfName } from './people.js';
import { isChurnSignal } from './risks.js';
import type { Sentence } from './sentences.js';

// Commitments: first-person promises ("I'll send it tomorrow"), delegated ones ("I'll have Dana send
// you a scope"), third-party and second-hand ones ("Wen said she'll get it on the site by Thursday").
// Not commitments: call cadence, courtesies, in-call narration, recaps, states ("I'll be honest").

export interface CommitmentDraft {
  s: Sentence;
  quote: string;
  owner: string | null;
  side: Side;
  duePhrase: string | null;
}

const WILL = `(?:['’]ll|\\s+will|\\s+am going to|['’]m going to|\\s+are going to|['’]re going to|\\s+is going to|['’]s going to)`;
/** "Leave it with me", "consider it done", "I'm on it": idioms that promise the action just asked for. */
const IDIOM = /^(?:(?:sure|yes|yep|ok(?:ay)?|absolutely|of course|definitely|great|understood)[,.!]?\s+)?will do\b|\byou have my (?:word|promise)\b(?=[^.!?]*\b(?:by|today|tomorrow|tonight|this|next|on)\b)|\b(?:leave (?:it|that|this|them) with (?:me|us)|consider (?:it|that) done|(?:I['’]m|we['’]re) on (?:it|that)|(?:I|we)['’]ll see to (?:it|that)|(?:I|we)['’]ll take care of (?:it|that|this)|(?:quick|easy|simple|small) (?:one|fix|change)[,.!]?\s+(?:(?:it['’]ll|it will) be |I['’]ll have it |consider it )?done (?:today|tonight|this (?:morning|afternoon|week)|by))\b/i;
const FIRST = new RegExp(`\\b(I|we)${WILL}\\s+(?:also\\s+|just\\s+|then\\s+|personally\\s+|definitely\\s+)?([a-z]+)`, 'i');
const THIRD = new RegExp(`\\b(he|she|they|[A-Z][a-zà-ÿ]+(?:\\s+[A-Z][a-zà-ÿ]+(?=\\s+(?:from|on|at|in|with|will|is|['’]s)\\b))?)(?:\\s+(?:from|on|at|in|with)\\s+(?:our|my|the|his|her)\\s+[\\w-]+(?:\\s+[\\w-]+)?)?(?:,\\s+(?:our|my|the|his|her)\\s+[^,]{1,30},|,)?${WILL}\\s+(?:also\\s+|then\\s+)?([a-z]+)`);
const THIRD_CAN = /\b(he|she|they|[A-Z][a-zà-ÿ]+)\s+(?:can|could|should be able to)\s+(have|get|send|finish|do|fix|add|deliver|install|put)\b/;
const PROGRESSIVE = /\b(I|we)(?:['’]m|['’]re| am| are)\s+([a-z]+ing)\b(?=.*\b(right now|now|today|this (?:morning|afternoon)|tonight)\b)/i;
const NAMED_PROGRESSIVE = /\b([A-Z][a-zà-ÿ]+) is ([a-z]+ing)\b/;
/** "Let me check and get back to you by Friday", "I can have it to you by Monday": promises once dated. */
const DATED_OFFER = /\b(?:let me|I can|we can|I should|we should|I['’]m going to try to|I hope to)\s+(?:be able to\s+)?(?:have|get|give|send|check|pull|find out|confirm|look into|follow up|circle back|dig into|put together|fix|update|email|price|quote|cost|draft|write|prepare|scope|build|book)\b/i;
const FRENCH = /\b(je|nous)\s+(?:vous\s+|te\s+|les\s+|l['’]\s*)?(envoie|envoyons|enverrai|enverrons|ferai|ferons|vais|allons|m['’]occupe|fais|prépare|prepare)\b|\b(?:les|le|te|se lo|se la)\s+(?:envío|envio|mando|enviaré|mandaré)\b|\b(?:voy|vamos) a\s+\w+(?:ar|er|ir)\b|\b(?:ich|wir)\s+(?:schicke|schicken|sende|senden|liefere|liefern|kümmere|kümmern)\b|\b(?:schicke|schicken|sende|senden|liefere|liefern)\s+(?:ich|wir)\b/i;
const DELEGATE = /\b(?:I|we)['’]ll have ([A-Z][a-zà-ÿ]+)\b(?:\s+(?:from|on|in) (?:our|the|my) [\w ]{1,25}?)?\s+(?!done|ready|set|live|fixed|finished|up|over|to\b)[a-z]+\b/;

/** "Marcus said he'd put a redirect on": reported speech backshifts will to would. */
const REPORTED_WOULD = /(?<=\b(?:said|says|told (?:me|us)|promised)\s+(?:that\s+)?)(he|she|they)(?:['’]d|\s+would)\s+(?!like|love|rather|prefer|think|try|join|be\b|probably|maybe)([a-z]+)/i;

/** Verbs after "I'll" that are not promises to act: states, cadence, courtesy, narration of the call. */
const NOT_ACTIONS = new Set(['be', 'keep', 'park', 'see', 'think', 'talk', 'speak', 'chat', 'meet', 'need', 'want', 'hit', 'walk', 'go', 'start', 'let', 'try', 'hand', 'pass', 'leave', 'stay', 'hold', 'take', 'wait', 'miss', 'bet', 'admit', 'say', 'tell', 'hear', 'probably', 'never', 'not', 'continue', 'have', 'love', 'like', 'guess', 'assume', 'spare', 'confess', 'warn']);
/** "I'll get back to you", "I'll find out", "Let me check that right now": undated replies and in-call narration are not promises. */
const VAGUE_REPLY = /^(?:(?:I|we)(?:['’]ll| will)|let me)\s+(?:just\s+)?(?:get back to you|find out|circle back|follow up|check(?: that| on that| it)?|look into (?:it|that)|see what I can do|make it easy|skip (?:it|that|this)|plan for (?:it|that|this))\b/i;
const HAVE_OBJECT = new RegExp(`\\b(?:I|we)${WILL}\\s+have (?:the|a|an|our|your|it|that|this|them|both|all|him|her|someone|somebody|accounting|finance|billing|bookkeeping|legal|my)\\b`, 'i');
/** Hospitality is a pleasantry, not a deliverable: "we'll save you a crowler", "I'll buy you a coffee". */
const HOSPITALITY = /\b(?:save|buy|get|pour|bring|keep|set aside|owe) you (?:a|an|some|the first) (?:[\w-]+ )?(?:crowler|growler|beer|pint|coffee|drink|round|seat|table|slice|cake|bottle|glass|sample|cookie|treat|lunch|dinner)s?\b/i;
const RECAP = /\b(?:to recap|recap:|to summari[sz]e|just to confirm|so to be clear)\b/i;
const COURTESY = /\b(?:text|message|ping|call|email|update|tell|let)\b[^.]*\b(?:as soon as|the minute|the moment|once|when)\b/i;

function splitCommitmentClauses(text: string): Array<{ clause: string; at: number }> {
  const cut = /,\s+(?:and\s+)?(?:then\s+)?(?=(?:I|we|he|she|they|[A-Z][a-z]+)(?:['’]ll|\s+will|\s+is taking|\s+is doing|\s+said|\s+says))|,\s+and\s+(?=I['’]ll|(?:I|we)(?:['’]d|\s+would) (?:like|love) to\b)/g;
  const out: Array<{ clause: string; at: number }> = [];
  let start = 0;
  for (const m of text.matchAll(cut)) {
    out.push({ clause: text.slice(start, m.index!), at: start });
    start = m.index! + m[0].length;
  }
  out.push({ clause: text.slice(start), at: start });
  // "I'll send you outlines by Friday and both drafts by end of next week": two dated promises.
  return out.flatMap(({ clause, at }) => {
    for (const m of clause.matchAll(/\s+and\s+/g)) {
      const left = clause.slice(0, m.index!);
      const right = clause.slice(m.index! + m[0].length);
      if (findDuePhrase(left) && findDuePhrase(right)) {
        return [{ clause: left, at }, { clause: right, at: at + m.index! + m[0].length }];
      }
    }
    return [{ clause, at }];
  });
}

export function findCommitments(source: NormalizedSource, sentences: Sentence[]): CommitmentDraft[] {
  const out: CommitmentDraft[] = [];
  const consumed = new Set<number>();
  for (const s of sentences) {
    if (consumed.has(s.n)) continue;
    if (RECAP.test(s.text) || /^(if|unless)\b/i.test(s.text)) continue;
    // "I'll send the bios by Thursday, can you put them up once you have them?": the promise before the question stands.
    const text = /\?\s*$/.test(s.text) ? s.text.slice(0, Math.max(0, s.text.search(/,\s+(?:and\s+)?(?:can|could|would|will) you\b[^,]*\?\s*$/))) : s.text;
    if (!text) continue;
    if (internalExchange(source, sentences, s)) continue;
    const history = sentences.slice(Math.max(0, s.n - 4), s.n).filter((h) => h.speaker === s.speaker);
    // "by then" and a named event point at what anyone just said.
    const heard = sentences.slice(Math.max(0, s.n - 4), s.n);
    let carried: string | null = null;
    const before = out.length;
    for (const { clause, at } of splitCommitmentClauses(text)) {
      if (s.side !== 'agency' && isChurnSignal(clause)) continue;
      if (HOSPITALITY.test(clause)) continue;
      if (COURTESY.test(clause) && !/\b(?:refund|send|fix|pay)\b.*\b(?:myself|ourselves)\b/i.test(clause)) continue;
      const hit = matchPromise(source, sentences, s, clause, at);
      if (hit && VAGUE_REPLY.test(clause.slice(hit.quoteAt).trim()) && (!findDuePhrase(clause) || /\b(?:right now|now)\b/i.test(findDuePhrase(clause)!))) continue;
      if (!hit) {
        // "I'll send you outlines by Friday and both drafts by end of next week": the object list carries the promise.
        if (carried && /^(?:both|the|all|a|an|[a-z]+)\b/.test(clause.trim()) && findDuePhrase(clause)) {
          out.push({ s, quote: clause.trim(), owner: out.at(-1)!.owner, side: out.at(-1)!.side, duePhrase: findDuePhrase(clause) });
        }
        continue;
      }
      carried = hit.owner;
      const conditional = /^(?:once|when|after|as soon as|if)\b/i.test(clause.trim());
      // "Once I have the list I'll refund them" has no date; "As soon as we have them, the page will be live by Friday" does.
      const own = clause.slice(hit.quoteAt);
      let due = conditional && hit.quoteAt === 0 ? null : findDuePhrase(own, conditional ? [] : /\bby then\b|\b(?:before|ahead of)\s+(?:the\s+)?[A-Z]/.test(own) ? heard : history);
      // "Priya's going to draft the series, and we'll have it scheduled by then": the second clause dates the first promise.
      const last = out.at(-1);
      if (at > 0 && last && last.s.n === s.n && !last.duePhrase && due && /^(?:I|we)['’]ll have (?:it|them|that|those)\b/i.test(own.trim())) {
        last.duePhrase = due;
        const from = s.text.indexOf(last.quote);
        if (from >= 0) last.quote = s.text.slice(from, at + clause.length).trim();
        continue;
      }
      if (!due && !conditional) {
        const next = sentences[s.n + 1];
        if (next && next.speaker === s.speaker && next.segment === s.segment && next.text.length < 40 && /^(?:probably|maybe|hopefully|likely|ideally)?\s*(?:by|on|before)\b/i.test(next.text)) {
          due = findDuePhrase(next.text);
        }
        // "Will do. You'll have it Monday.": the next sentence dates the idiom and is not a second promise.
        if (!due && next && next.speaker === s.speaker && next.segment === s.segment && IDIOM.test(clause) &&
          /^(?:you['’]ll have (?:it|them|that)|it['’]ll be|it will be|they['’]ll be)\b/i.test(next.text) && findDuePhrase(next.text)) {
          due = findDuePhrase(next.text);
          consumed.add(next.n);
        }
      }
      out.push({ s, quote: clause.slice(hit.quoteAt).trim().replace(/[,;]$/, ''), owner: hit.owner, side: hit.side, duePhrase: due });
    }
    // "I'll get Tomas on it this morning, and he'll have it fixed today": the assignment is not a promise of its own.
    const mine = out.slice(before);
    if (mine.length > 1) {
      const assign = mine.find((c) => ASSIGNMENT.test(c.quote));
      if (assign) out.splice(out.indexOf(assign), 1);
    }
  }
  return out;
}

const ASSIGNMENT = /^(?:I|we)(?:['’]ll| will) (?:get|put|have) [A-Z][a-zà-ÿ]+(?:,[^,]{1,40},)? on (?:it|this|that|the \w+)\b/;
const VOCATIVE = /^(?:(?:and|so|oh|okay|ok|also|then|right|perfect|great|good)[,.!]?\s+)*([A-Z][a-zà-ÿ]+),\s/i;

/**
 * An exchange between two people at the agency ("Priya, let's make sure ..." / "Yep, I'll move it
 * after this."): in-house housekeeping, not a promise to the client. True when the sentence's turn
 * opens with a vocative to a colleague on the same side, or answers a turn whose last words addressed
 * this speaker by name.
 */
function internalExchange(source: NormalizedSource, sentences: Sentence[], s: Sentence): boolean {
  // Client colleagues asking each other ("Carla, can you dig those out?" / "I'll send them Thursday") deliver to the agency: those stand.
  if (source.kind !== 'call' || s.side !== 'agency' || !s.speaker) return false;
  const colleague = (name: string, speaker: string | null) => source.participants.some((p) =>
    p.name.split(/\s+/)[0]!.toLowerCase() === name.toLowerCase() && p.side === s.side && p.name !== speaker);
  // "Sam, send Mei the deck by Friday" is work for the client, whoever it is addressed to.
  const clientNames = source.participants.filter((p) => p.side === 'client').map((p) => p.name.split(/\s+/)[0]!.toLowerCase());
  const forClient = (t: string) => clientNames.some((n) => new RegExp(`\\b${n}\\b`, 'i').test(t)) || /\bthe client\b/i.test(t);
  if (forClient(s.text)) return false;
  const turn = sentences.filter((x) => x.segment === s.segment && x.n <= s.n);
  const opener = turn.find((x) => VOCATIVE.test(x.text));
  if (opener && colleague(opener.text.match(VOCATIVE)![1]!, s.speaker)) return !forClient(opener.text);
  const prevTurn = sentences.filter((x) => x.segment === s.segment - 1);
  const last = prevTurn.at(-1);
  if (!last || last.side !== s.side || last.speaker === s.speaker) return false;
  const addressed = prevTurn.find((x) => VOCATIVE.test(x.text));
  const me = s.speaker.split(/\s+/)[0]!.toLowerCase();
  return !!addressed && addressed.text.match(VOCATIVE)![1]!.toLowerCase() === me && !prevTurn.some((x) => forClient(x.text));
}

function matchPromise(source: NormalizedSource, sentences: Sentence[], s: Sentence, clause: string, at: number):
  { owner: string | null; side: Side; quoteAt: number } | null {
  const delegate = clause.match(DELEGATE);
  if (delegate && !HAVE_OBJECT.test(clause)) {
    const name = delegate[1]!;
    return { owner: name, side: sideOfName(source, name, s.side), quoteAt: delegate.index! };
  }
  const first = clause.match(FIRST);
  // "I'll let you know by Friday", "I'll be sending it tomorrow": dated, these are promises too.
  const datedReply = first && findDuePhrase(clause) && /\b(?:let you know|get back to you|come back to you|follow up|be [a-z]+ing|take a (?:look|pass)|have a look|look (?:at|into|over))\b/i.test(clause.slice(first.index!));
  // "I'll take them down today": take with a particle is an action, "I'll take a look" is not.
  const takeAction = first && first[2]!.toLowerCase() === 'take' && /\btake\s+(?:\w+\s+){0,3}?(?:down|off|out|care of)\b/i.test(clause.slice(first.index!));
  if (first && !NOT_ACTIONS.has(first[2]!.toLowerCase()) || first && first[2]!.toLowerCase() === 'have' && HAVE_OBJECT.test(clause) || datedReply || takeAction) {
    return { owner: s.speaker, side: s.side, quoteAt: first!.index! };
  }
  // "You'll have it Monday", "The page will be live by Friday": a dated delivery the speaker vouches for.
  const delivery = clause.match(/\byou['’]ll have (?:it|them|that|this|the \w+)\b|\b(?:the|your|it)\b[\w ]{0,25}?(?:\bwill|['’]ll) be (?:live|up|ready|done|fixed|sent|out|in your inbox|working|sorted|updated|corrected|changed|published|back up)\b/i);
  if (delivery && (s.side === 'agency' || /^you/i.test(delivery[0])) && findDuePhrase(clause.slice(delivery.index!))) return { owner: s.speaker, side: s.side, quoteAt: delivery.index! };
  const idiom = clause.match(IDIOM);
  // "Will do" answers an ask ("Can you fix the footer?"), not a courtesy ("Keep us in mind").
  const prev = sentences[s.n - 1];
  const answersAsk = !/^\W*(?:\w+[,.!]?\s+)?will do\b/i.test(clause.trim()) || !!findDuePhrase(clause) || (!!prev && prev.speaker !== s.speaker && !!askKind(prev.text));
  if (idiom && answersAsk && !FIRST.test(s.text.slice(at + idiom.index! + idiom[0].length))) return { owner: s.speaker, side: s.side, quoteAt: idiom.index! };
  const reported = clause.match(REPORTED_WOULD);
  if (reported) return thirdParty(source, sentences, s, clause, at, reported);
  const prog = clause.match(PROGRESSIVE);
  // "I'm pulling it up right now", "I'm looking at it now": narrating the call, not a promise.
  if (prog && !/^(going|doing|looking|thinking|hoping|trying|wondering|seeing|getting|pulling|bringing|opening|sharing|checking|reading|scrolling|searching|logging|loading|watching|listening)$/i.test(prog[2]!)) {
    return { owner: s.speaker, side: s.side, quoteAt: prog.index! };
  }
  const offer = clause.match(DATED_OFFER);
  if (offer && findDuePhrase(clause.slice(offer.index!))) return { owner: s.speaker, side: s.side, quoteAt: offer.index! };
  const fr = clause.match(FRENCH);
  if (fr && findDuePhrase(clause)) return { owner: s.speaker, side: s.side, quoteAt: fr.index! };
  const third = clause.match(THIRD);
  if (third && (third[2]!.toLowerCase() === 'have' || !NOT_ACTIONS.has(third[2]!.toLowerCase()))) return thirdParty(source, sentences, s, clause, at, third);
  // "Our web guy says he can get it done by Friday": a dated, reported ability is a promise.
  const can = clause.match(THIRD_CAN);
  if (can && findDuePhrase(clause.slice(can.index!)) && /\b(?:says?|said|told)\b/i.test(clause.slice(0, can.index!))) {
    return thirdParty(source, sentences, s, clause, at, can);
  }
  const named = clause.match(NAMED_PROGRESSIVE);
  if (named && findDuePhrase(clause) && personMentions(source, clause).some((m) => m.name === named[1])) {
    return { owner: named[1]!, side: sideOfName(source, named[1]!, s.side), quoteAt: named.index! };
  }
  return null;
}

function thirdParty(source: NormalizedSource, sentences: Sentence[], s: Sentence, clause: string, at: number, m: RegExpMatchArray):
  { owner: string | null; side: Side; quoteAt: number } | null {
  const subject = m[1]!;
  let owner: string | null = null;
  if (/^(he|she|they)$/i.test(subject)) {
    // "Wen, our CTO, said she'll ..." / "He says he'll ...": the reporter's subject is the owner.
    owner = resolvePronoun(source, sentences, s, at + m.index!, s.speaker);
  } else if (/\s/.test(subject) && subject.split(/\s+/).every((w) => !NOT_A_NAME.has(w.toLowerCase()))) {
    // "Priya Nair on my team is going to ...": a full name is a person, and names them apart from another Priya.
    owner = subject;
  } else if (personMentions(source, clause).some((p) => p.name === subject)) {
    owner = subject;
  }
  if (!owner) return null;
  const reported = clause.slice(0, m.index!).match(/([A-Z][a-zà-ÿ]+)(?:,[^,]*,|,)?\s+(?:said|says|told me|mentioned|promised)\s*(?:that\s*)?$/);
  const start = reported ? reported.index! : /\b(?:he|she|they)\s+(?:said|says)\s*$/i.test(clause.slice(0, m.index!)) ? clause.slice(0, m.index!).search(/\b(?:he|she|they)\s+(?:said|says)\s*$/i) : m.index!;
  return { owner, side: sideOfName(source, owner, s.side), quoteAt: start };
}
