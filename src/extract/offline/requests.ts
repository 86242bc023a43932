import type { NormalizedSource } from '../../domain/schemas.js';
import {
  askKind, askStart, BACK_REFERENCE, pointsBack, BILLING_ERROR, WANT_WORD, CLAIMS, CONTRADICTION, CORRECTION_NEXT, DISTINCT, HOT_ERROR, PUBLIC_ASSET,
  REMINDER, STILL_WRONG, VERBS, type AskKind,
} from './ask-patterns.js';
import { findDuePhrase } from './due-phrase.js';
import { DISPUTED_CHARGE, LEGAL_EXPOSURE, LEGAL_OR_REPUTATION, MONEY_BURNING } from './signal-lexicon.js';
import { isChurnSignal } from './risks.js';
import type { Sentence } from './sentences.js';

// Requests: what the client asks the agency to do or answer. Follow-up sentences that point back at
// an ask ("Start it Monday", "Can you quote that?") join it; a report that something customers see
// is wrong becomes the context of the ask that follows it, or an implied ask of its own.

export interface RequestDraft {
  kind: AskKind | 'implied';
  first: Sentence;
  last: Sentence;
  quote: string;
  speaker: string | null;
  /** The ask and its follow-ups: what triage, channel and due read. */
  texts: string[];
  /** Reports the ask answers (wrong ad copy, stale link): channel evidence. */
  context: string[];
  hot: boolean;
  sentences: number[];
  /** A later sentence that sets the deadline (an ultimatum's condition): read before the ask's own words. */
  deadline?: string;
}

const CLAUSE_SPLIT = new RegExp(`(?:,\\s+(?:and\\s+|so\\s+|and then\\s+)|;\\s+|\\s+and\\s+(?:also\\s+)?(?=(?:${VERBS})\\s+(?:the|our|a|an|my|your|(?:that|this)\\s+[a-z]+)\\b))(?=(?:please\\s+)?(?:${VERBS})\\b)`, 'i');

function clauses(text: string): string[] {
  // "Leo, the webinar on the 23rd: are the event ads ready?": the ask is after the colon.
  // A dash works like the colon: "And the blog post — when is that going up?".
  const colon = text.search(/\s?:\s|\s[—–-]\s/);
  // A one-word label ("Name: ...", "Email: ...") is a form field, not a lead-in to an ask.
  if (colon > 0 && /\s/.test(text.slice(0, colon).trim()) && !askKind(text.slice(0, colon))) {
    const after = text.slice(colon).replace(/^\s?(?::|[—–-])\s+/, '');
    if (askKind(after)) text = after;
  }
  const parts: string[] = [];
  let rest = text;
  for (let m = rest.match(CLAUSE_SPLIT); m; m = rest.match(CLAUSE_SPLIT)) {
    const left = rest.slice(0, m.index!);
    // "I'll export it and send it over": the verb after "and" shares the subject, it is not an ask.
    if (/\b(?:I|we|you|he|she|they)\b/i.test(left) && !askKind(left)) break;
    parts.push(left.trim());
    rest = rest.slice(m.index! + m[0].length);
  }
  parts.push(rest.trim());
  return parts.filter(Boolean);
}

const STOP = new Set(['about', 'there', 'their', 'these', 'those', 'which', 'would', 'could', 'should', 'where', 'thing', 'things', 'really', 'again', 'still', 'other', 'people']);
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-zà-ÿ][a-zà-ÿ'-]{4,}/g) ?? []).filter((w) => !STOP.has(w)));
}
export function sharesWord(a: string, b: string): boolean {
  const wa = contentWords(a);
  return [...contentWords(b)].some((w) => wa.has(w));
}

/**
 * Whether an ask answers an earlier report of something wrong: it points back at it ("Can you swap
 * it?") or names the same thing. In an email a paragraph is a topic, so a pointer only reaches inside
 * the paragraph, while shared words may reach the paragraph before.
 */
function answers(source: NormalizedSource, report: Sentence, ask: Sentence, clause: string): boolean {
  const points = pointsBack(clause);
  const shares = sharesWord(report.text, clause);
  const corrective = /\b(?:fix|correct\w*|change|update|swap|replace|remove|take (?:it |them )?down|pull)\b/i.test(clause);
  if (source.kind === 'email') return report.segment === ask.segment ? points || shares || corrective : ask.segment - report.segment === 1 && (shares || corrective);
  return points || shares;
}

const ACTORS = '(?:customers?|patients?|shoppers?|buyers?|guests?|people|families|prospects|visitors|callers|applicants|candidates|tenants|residents|renters|students|members|kunden|clients)';
export const CUSTOMER_IMPACT = new RegExp(`\\blosing (?:bookings|sales|orders|customers|leads|business|money|revenue|patients|clients|reservations)\\b|\\b${ACTORS}\\s+(?:are|were|get|got|getting)\\s+(?:really\\s+|very\\s+)?(?:annoyed|upset|frustrated|furious|angry|confused)\\b|\\b${ACTORS}\\s+(?:are|have been|keep|were|have)?\\s*(?:already\\s+|now\\s+|still\\s+|constantly\\s+)?(?:complaining|calling|ringing|confused|booking|buying|ordering|paying|applying|signing up|reserving|landing on|hitting|seeing|getting|showing up|turn(?:ing|ed) up|show(?:ing|ed) up|replying|emailing|messaging|quoting|citing|arguing|angry|driving|asking|missing)|\\b(?:anyone|someone|people|more people) (?:else )?(?:drives?|turns? up|shows? up)\\b|\\b(?:had|got) (?:a dozen|dozens of|several|many|lots of|\\d+) ${ACTORS}|\\bcomplain(?:ed|ing|ts)\\b|\\bbad reviews?\\b|\\b(?:mehrere|viele|einige)?\\s*kunden\\b[^.]*\\b(?:berufen|beschwer\\w*|rufen|fragen)`, 'i');

/** "Another family went to the old pier and missed their tour": a customer acted on the error. */
const PEOPLE_WHO = '(?:family|families|customers?|guests?|patients?|clients?|couples?|people|visitors?|shoppers?|buyers?|callers?|members?|students?|parents?|tenants?|prospects?|diners?|riders?|travell?ers?|someone|somebody)';
const CUSTOMER_ACTED = new RegExp(`\\b(?:another|a|one|two|three|four|several|some|many|more|\\d+|a few|a couple of)\\s+(?:[\\w-]+\\s+)?${PEOPLE_WHO}\\s+(?:[\\w'’-]+\\s+){0,2}(?:went|drove|walked|showed up|turned up|arrived|missed|called|rang|complained|tried|couldn['’]t|got lost|ended up|paid|booked|ordered|used|quoted|asked|wrote|emailed)\\b`, 'i');

const BARE_DEADLINE = /^(?![^.!?]*\b(?:I|we|you|he|she|they|it)\b)(?:[\p{L}]+[,]?\s+){0,2}(?:by|before|until|no later than|avant|d['’]ici|bis|antes|para|hasta|today|tomorrow|tonight|asap|demain|mañana|morgen|heute|hoy)\b[^.!?]{0,30}[.!?]?$/iu;

interface ErrorReport { s: Sentence; hot: boolean; used: boolean; follow: string[] }

function errorReport(sentences: Sentence[], s: Sentence): ErrorReport | null {
  const next = sentences[s.n + 1];
  const nextText = next && next.segment === s.segment ? next.text : '';
  const claimWrong = CLAIMS.test(s.text) && PUBLIC_ASSET.test(s.text) && (CONTRADICTION.test(s.text) || CORRECTION_NEXT.test(nextText));
  // "That shouldn't be on our invoice": a disputed charge is an implied ask to take it off.
  if (!STILL_WRONG.test(s.text) && !claimWrong && !BILLING_ERROR.test(s.text) && !(s.side !== 'agency' && DISPUTED_CHARGE.test(s.text))) return null;
  // Customers acting on it ("patients are calling a dead line") makes it an escalation too.
  const following: Sentence[] = [];
  for (const x of sentences.slice(s.n + 1, s.n + 4)) {
    if (x.speaker !== s.speaker || (x.segment !== s.segment && !x.speaker)) break;
    following.push(x);
  }
  const after = following.map((x) => x.text).join(' ');
  // The impact may come first ("Another family went to Pier 4 and missed their tour. [...] The website still says Pier 4.").
  const earlier = sentences.slice(Math.max(0, s.n - 4), s.n).filter((x) => x.speaker === s.speaker && s.segment - x.segment <= 1);
  const actedBefore = earlier.some((x) => CUSTOMER_ACTED.test(x.text));
  // Money wasted or legal exposure named in the report, right after it, or in the next turn on the same side ("That's privileged information").
  const reply = sentences.slice(s.n + 1 + following.length, s.n + 3 + following.length).filter((x) => x.side === s.side && x.side !== 'unknown' && x.segment - s.segment <= 1);
  const exposure = LEGAL_OR_REPUTATION.test(s.text) || [s.text, after, ...reply.map((x) => x.text)].some((t) => MONEY_BURNING.test(t) || LEGAL_EXPOSURE.test(t));
  const hot = exposure || HOT_ERROR.test(s.text) || (CORRECTION_NEXT.test(nextText) && HOT_ERROR.test(nextText)) || CUSTOMER_IMPACT.test(`${s.text} ${after}`) ||
    CUSTOMER_ACTED.test(`${s.text} ${after}`) || actedBefore;
  return { s, hot, used: false, follow: [] };
}

/** The agency asking what the client needs: the answer names the deliverable. */
const NEEDS_QUESTION = /\bwhat (?:do|would|else do|else would|exactly do) you (?:need|want|like)\b|\bwhat can we (?:do|build|set up|get)\b|\bhow can we help\b|\bwhat would help\b/i;
/** A verbless deliverable: "A location page on the site, and a Google profile for it." */
const NOUN_PHRASE_ANSWER = /^(?:(?:just|probably|mainly|mostly|ideally)\s+)?(?:a|an|the|some|two|three|new|updated|fresh)\s+(?![^.!?]*\b(?:I|we|you|he|she|they|is|are|was|were|has|have|had|will|would|can|could|did|does)\b)[^.!?]{6,}[.!]?$/i;

/** "That needs to be fixed today": a passive demand after a report carries its deadline. */
const NEEDS_FIX = /\b(?:needs?|has|have) to be (?:fixed|changed|corrected|updated|removed|taken down|sorted)\b|\bneeds? (?:fixing|changing|correcting|updating|sorting(?: out)?|removing|taking down)\b|\bmust be (?:fixed|changed|corrected|updated|removed)\b/i;
/** A report in the past tense ("was meant to go live on the 15th"): its date is the missed one, not a deadline. */
export const PAST_CLAUSE = /\b(?:was|were|had been)\b|\b(?:expired|ended|started|launched|went (?:live|out)|closed|finished|stopped)\s+(?:on|last)\b/i;

/** "Carla, can you dig those out?": an ask addressed by name to a colleague on the speaker's own side. */
function toOwnSide(source: NormalizedSource, s: Sentence, clause: string): boolean {
  const m = clause.match(/^(?:(?:[Aa]nd|[Ss]o|[Oo]h|[Oo]kay|[Oo]k|[Aa]lso|[Tt]hen)[,]?\s+)?([A-Z][a-zà-ÿ]+),\s/);
  if (!m || s.side === 'agency') return false;
  const p = source.participants.find((x) => x.name.split(/\s+/)[0]!.toLowerCase() === m[1]!.toLowerCase());
  return !!p && p.side === s.side && p.name !== s.speaker;
}

/** "Get me the quote, then." right after the agency offered one: accepting an offer, not a new ask. */
function acceptsOffer(sentences: Sentence[], s: Sentence, clause: string): boolean {
  const prior: Sentence[] = [];
  for (let i = s.n - 1; i >= 0 && prior.length < 3; i--) {
    const x = sentences[i]!;
    if (x.side !== 'agency') break;
    prior.push(x);
  }
  if (!prior.length || clause.length > 60) return false;
  return prior.some((x) => /\b(?:I|we) (?:can|could)\b|\bhappy to\b/i.test(x.text) && sharesWord(x.text, clause));
}

export function findRequests(source: NormalizedSource, sentences: Sentence[]): RequestDraft[] {
  const drafts: RequestDraft[] = [];
  const errors: ErrorReport[] = [];
  const agencySpokeBetween = (a: number, b: number) => sentences.slice(a + 1, b).some((x) => x.side === 'agency');
  for (const s of sentences) {
    if (s.side === 'agency') continue;
    let sawAsk = false;
    for (const clause of clauses(s.text)) {
      const kind = askKind(clause);
      if (!kind) continue;
      sawAsk = true;
      if (toOwnSide(source, s, clause) || acceptsOffer(sentences, s, clause)) continue;
      // "Our CFO wants to see other options before we renew": someone else's churn signal, not an ask ("we need to cut X" still is).
      if (kind === 'want' && isChurnSignal(clause) && !/\b(?:I|we)\s+(?:really\s+)?(?:need|want|would like|['’]d like)\b/i.test(clause)) continue;
      if (kind === 'ultimatum') {
        // "The page still isn't live. [...] If the page isn't up by Friday, we'll rethink...": the ultimatum is that ask.
        const cond = clause.split(/,\s*(?:we|I)\b/)[0]!;
        for (const e of errors) if (!e.used && e.s.speaker === s.speaker && sharesWord(cond, e.s.text)) e.used = true;
      }
      const prev = drafts.at(-1);
      if (kind !== 'ultimatum' && REMINDER.test(clause)) {
        const target = [...drafts].reverse().find((d) => d.hot) ?? null;
        if (target) { target.texts.push(clause); continue; }
      }
      const sameTurn = prev && prev.speaker === s.speaker && prev.last.n < s.n && !s.bullet &&
        (prev.last.segment === s.segment || (source.kind === 'call' && !sentences.slice(prev.last.n + 1, s.n).some((x) => x.speaker !== s.speaker)));
      const between = prev ? sentences.slice(prev.last.n + 1, s.n) : [];
      // "Can you tell me how many clicked? I want to know how many might be affected.": the reason for the ask, not a new one.
      const reason = kind === 'want' && prev && prev.speaker === s.speaker && prev.last.n === s.n - 1 && prev.last.segment === s.segment &&
        /\b(?:want|need|['’]d like|would like)\s+to\s+(?:know|understand|see|check|figure out|find out|get a sense|be sure|make sure)\b/i.test(clause);
      const followUp = reason || sameTurn && kind !== 'question' && !DISTINCT.test(clause) && between.every((x) => !errorReport(sentences, x)) &&
        (pointsBack(clause) || (kind === 'want' && sharesWord(clause, prev!.texts.join(' '))) ||
          // "We want 20% off all e-bikes." right after the ask: its specification, not a new action.
          (kind === 'want' && prev!.last.n === s.n - 1 && clause.search(WANT_WORD) >= 0 && !new RegExp(`\\b(?:to\\s+[a-z]+|${VERBS})\\b`, 'i').test(clause.slice(clause.search(WANT_WORD)))));
      // "We want to advertise there. Could you put together a plan?": the explicit ask replaces the wish it spells out.
      if (prev && prev.kind === 'want' && kind === 'modal' && prev.last.n === s.n - 1 && prev.speaker === s.speaker && !DISTINCT.test(clause) &&
        !pointsBack(clause) && sharesWord(clause, [...prev.texts, sentences[prev.first.n - 1]?.speaker === s.speaker ? sentences[prev.first.n - 1]!.text : ''].join(' '))) {
        const start = askStart(clause, kind);
        prev.kind = kind;
        prev.quote = clause.slice(start).trim();
        prev.texts.push(clause);
        prev.last = s;
        prev.sentences.push(s.n);
        continue;
      }
      if (followUp && prev) {
        prev.texts.push(clause);
        prev.last = s;
        prev.sentences.push(s.n);
        continue;
      }
      const start = askStart(clause, kind);
      // "Please have it live before then; I'll send the copy by Tuesday": the ask ends where the speaker's own promise starts.
      const own = clause.slice(start).search(/[;,:—–-]\s+(?:and\s+)?(?:I|we)(?:['’]ll| will|['’]m going to)\b/i);
      const body = own > 0 ? clause.slice(start, start + own) : clause.slice(start);
      const quote = body.trim().replace(/^(?:and|but|so)\s+(?=\S)/i, '') || clause;
      const draft: RequestDraft = {
        kind, first: s, last: s, quote, speaker: s.speaker, texts: [clause], context: [], hot: kind === 'ultimatum', sentences: [s.n],
      };
      // "The blog post about spring — when is it going up?": the lead-in names what the ask is about.
      const lead = s.text.slice(0, s.text.length - clause.length).trim();
      if (lead && s.text.endsWith(clause) && /[:—–-]$/.test(lead)) draft.context.push(lead);
      // "Someone left a fake review on our Google listing. Could you get it removed?": "it" is the sentence before.
      const before = sentences[s.n - 1];
      if (before && before.segment === s.segment && before.speaker === s.speaker && pointsBack(clause) && !errorReport(sentences, before)) {
        draft.context.push(before.text);
      }
      for (const e of errors) {
        if (e.used || e.s.n < s.n - 4 || agencySpokeBetween(e.s.n, s.n) || sentences.slice(e.s.n + 1, s.n + 1).some((x) => x.bullet) || !answers(source, e.s, s, clause)) continue;
        e.used = true;
        draft.context.push(e.s.text);
        draft.sentences.push(e.s.n);
        if (e.hot) draft.hot = true;
      }
      drafts.push(draft);
    }
    if (sawAsk) continue;
    // "What do you need from us?" / "A location page on the site, and a Google profile for it.": the answer is the ask.
    const asked = sentences[s.n - 1];
    if (s.k === 0 && s.side === 'client' && asked && asked.side === 'agency' && NEEDS_QUESTION.test(asked.text) && NOUN_PHRASE_ANSWER.test(s.text)) {
      drafts.push({ kind: 'want', first: s, last: s, quote: s.text, speaker: s.speaker, texts: [s.text], context: [], hot: false, sentences: [s.n] });
      continue;
    }
    // "Probably by Tuesday." / "Bitte bis Freitag.": a bare deadline right after an ask belongs to it.
    const last = drafts.at(-1);
    if (last && last.last.n === s.n - 1 && last.last.segment === s.segment && BARE_DEADLINE.test(s.text) && findDuePhrase(s.text)) {
      last.texts.push(s.text);
      last.last = s;
      last.sentences.push(s.n);
      continue;
    }
    // "I'd like to see it before the 22nd." / "I'm putting it in front of the board before the 10th.": the ask's deadline.
    if (last && last.last.n === s.n - 1 && last.last.segment === s.segment && last.speaker === s.speaker && !last.deadline &&
      (BACK_REFERENCE.test(s.text) || /^(?:both|all of (?:them|it)|each)\b/i.test(s.text)) && !/\b(?:I|we)(?:['’]ll| will)\b/i.test(s.text) && !/\b(?:said|told|promised|was supposed|were supposed)\b/i.test(s.text) && findDuePhrase(s.text) && !findDuePhrase(last.texts.join(' '))) {
      last.deadline = s.text;
      continue;
    }
    const lastErr = errors.at(-1);
    if (lastErr && !lastErr.used && lastErr.s.n === s.n - 1 && lastErr.s.segment === s.segment && NEEDS_FIX.test(s.text)) {
      lastErr.follow.push(s.text);
      continue;
    }
    const report = errorReport(sentences, s);
    if (!report) continue;
    const prev = drafts.at(-1);
    // "It still says MOM15 too." right after an ask is that ask's evidence, not a new one.
    if (prev && prev.last.n === s.n - 1 && prev.last.segment === s.segment && !s.bullet && /^(?:it|they|that|this|these|those)\b/i.test(s.text)) {
      prev.context.push(s.text);
      prev.sentences.push(s.n);
      continue;
    }
    if (errors.at(-1)?.s.n === s.n - 1 && errors.at(-1)?.s.segment === s.segment) continue;
    errors.push(report);
  }
  for (const e of errors) {
    if (e.used) continue;
    // A date inside the report ("was meant to go live on the 15th") is the missed one, not the deadline.
    const deadline = e.follow.find((t) => findDuePhrase(t));
    // "The contact form on the website. Submissions are still going to Rita.": a short lead-in names where the problem is.
    const lead = sentences[e.s.n - 1];
    const context = lead && lead.segment === e.s.segment && lead.speaker === e.s.speaker && lead.text.length <= 60 && !askKind(lead.text) ? [lead.text] : [];
    drafts.push({ kind: 'implied', first: e.s, last: e.s, quote: e.s.text, speaker: e.s.speaker, texts: [e.s.text], context, hot: e.hot, sentences: [e.s.n], ...(deadline ? { deadline } : {}) });
  }
  return drafts.sort((a, b) => a.first.n - b.first.n);
}
