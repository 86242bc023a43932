import type { Channel, NormalizedSource } from '../../domain/schemas.js';
import type { RawCommitment, RawRequest, RawRisk } from '../types.js';
import { adPlatform, classifyChannel, coordinatedProperties, classifyTriage, siteAndAds, twoAccounts, twoPlatforms, twoProperties } from './classify.js';
import type { CommitmentDraft } from './commitments.js';
import { findDuePhrase } from './due-phrase.js';
import { PUBLIC_ASSET } from './ask-patterns.js';
import { CHANNEL_LEXICON } from './lexicon.js';
import { CUSTOMER_IMPACT, PAST_CLAUSE, sharesWord, type RequestDraft } from './requests.js';
import type { RiskDraft } from './risks.js';
import type { Sentence } from './sentences.js';
import { LEGAL_EXPOSURE, LEGAL_OR_REPUTATION, MONEY_BURNING } from './signal-lexicon.js';

// Drafts to the Raw item shapes: channel, triage, due phrase and a short text per item.

const CHANNEL_LABEL: Partial<Record<string, string>> = { web: 'website', seo: 'Google listing', google_ads: 'Google Ads', social: 'social ads', crm: 'automated messages', email_marketing: 'email marketing' };

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function requestText(quote: string): string {
  return capitalize(quote
    .replace(/^(?:can|could|would|will)\s+(?:you|someone|somebody|your team)\s+(?:please\s+|also\s+|just\s+)*/i, '')
    .replace(/^please\s+/i, '')
    .replace(/[?!.\s]+$/, ''));
}

export function commitmentText(quote: string): string {
  return capitalize(quote.replace(/^(?:I|we)(?:['’]ll| will)\s+(?:also\s+|just\s+)?/i, '').replace(/[.!\s]+$/, ''));
}

const words = (t: string) => new Set((t.toLowerCase().match(/[a-z0-9à-ÿ]{4,}/g) ?? []).filter((w) => /[a-z]/.test(w) && !COMMON.has(w)));
const COMMON = new Set(['also', 'could', 'would', 'please', 'that', 'this', 'there', 'with', 'from', 'your', 'have', 'still', 'they', 'them', 'what', 'when', 'about', 'just', 'change', 'update', 'check', 'send', 'want', 'need', 'like', 'make', 'sure']);

/** "Check the Google listing for Cedar Street too": the same incident on another property stays hot. */
function sameIncident(d: RequestDraft, hot: RequestDraft[]): boolean {
  // A question about the incident ("can you also tell me how many clicked?") is a data ask, not the fix.
  if (!/\b(?:too|also|as well)\b/i.test(d.texts[0]!) || /\b(?:tell me|how many|how much|what|which|when|why)\b/i.test(d.texts[0]!)) return false;
  const mine = words([...d.texts, ...d.context].join(' '));
  return hot.some((h) => h.speaker === d.speaker && d.first.n - h.last.n <= 8 && [...words([...h.texts, ...h.context].join(' '))].some((w) => mine.has(w)));
}

/** "Can you take a look?", "draft a reply", "get both fixed": the ask names no topic, the sentences before it do. */
const VAGUE_OBJECT = /\b(?:it|this|that|them|both|those|these|one|a look|a reply|a response|a plan|something)\b/i;
const SCHEDULING = /\b(?:call|meeting|catch-?up|calendar|reschedul\w*|zoom|invite)\b/i;
const URGENT_DUE = /\b(?:today|tonight|immediately|right away|right now|asap|straight away|this morning|this afternoon|within the hour)\b/i;
const URGENT_FIX = /\b(?:fix(?:ed)?|take (?:it |them |those |that )?(?:down|off)|taken (?:down|off)|correct(?:ed)?|sort(?:ed)?(?: out)?)\b[^.?!]{0,60}\b(?:today|tonight|immediately|right away|right now|asap|straight away|this morning|this afternoon|within the hour)\b/i;

/**
 * What the requester says right around the ask, without anyone else speaking in between: up to three
 * sentences before it (across their own consecutive turns on a call, inside the paragraph in an email)
 * and the one right after it.
 */
function speakerRun(source: NormalizedSource, sentences: Sentence[], d: RequestDraft): string[] {
  const out: string[] = [];
  const sameRun = (x: Sentence | undefined, from: Sentence) => !!x && x.speaker === d.speaker && (source.kind === 'call' || x.segment === from.segment);
  for (let i = d.first.n - 1; i >= d.first.n - 3 && sameRun(sentences[i], d.first); i--) out.push(sentences[i]!.text);
  const next = sentences[d.last.n + 1];
  if (sameRun(next, d.last) && next!.segment === d.last.segment) out.push(next!.text);
  return out;
}

export function toRawRequests(source: NormalizedSource, sentences: Sentence[], drafts: RequestDraft[], risks: RiskDraft[]): RawRequest[] {
  const platform = adPlatform(source);
  const escalations = risks.filter((r) => r.severity === 'high' && (r.kind === 'churn_risk' || r.kind === 'billing'));
  const frustrations = risks.filter((r) => r.severity === 'high' && r.kind === 'frustration');
  const out: RawRequest[] = [];
  const hotDrafts: RequestDraft[] = [];
  for (const d of drafts) {
    const tied = escalations.some((r) => r.s.segment === d.first.segment ||
      // An ask beside a churn threat, with no one else speaking in between, is tied to it.
      (source.kind === 'call' && r.s.speaker === d.speaker && Math.abs(r.s.n - d.first.n) <= (r.kind === 'churn_risk' ? 6 : 2) && sentences.slice(Math.min(r.s.n, d.first.n), Math.max(r.s.n, d.first.n)).every((x) => x.speaker === d.speaker)) ||
      // "Our board is reviewing all spend. [...] I need a summary by the 1st, the board pack closes then.": the ask names the review's audience.
      (r.kind === 'churn_risk' && r.s.speaker === d.speaker && d.first.n > r.s.n && d.first.n - r.s.n <= 8 && sharesWord(r.s.text, d.texts.join(' ')))) ||
      // "This is the third time I've asked for the intake form to stop ... [agency apologises] I need it routed by tomorrow.": a repeated miss, asked again.
      frustrations.some((r) => source.kind === 'call' && r.s.speaker === d.speaker && d.first.n > r.s.n && d.first.n - r.s.n <= 8 &&
        sharesWord([r.s.text, ...sentences.slice(r.s.n + 1, d.first.n).filter((x) => x.speaker === d.speaker).map((x) => x.text)].join(' '), d.texts.join(' ')));
    // Legal or reputational exposure named in the ask or right before it escalates it.
    // So does money being wasted right now ("it's burning budget every single day") said around the ask.
    const around = speakerRun(source, sentences, d);
    // An ask to build something that stops the waste for good ("set it up so ... automatically") is project work, not an incident.
    const buildsFix = d.texts.some((t) => /\b(?:set (?:it |this |that |things )?up|automat\w*|build|create|going forward|from now on|in future)\b/i.test(t));
    // Words naming legal people ("attorney", "lawyer") are ordinary talk for a law firm: they count only in the ask itself.
    const exposure = [...d.texts, ...d.context].some((t) => LEGAL_OR_REPUTATION.test(t)) ||
      [...d.texts, ...d.context, ...around].some((t) => LEGAL_EXPOSURE.test(t) || (!buildsFix && MONEY_BURNING.test(t)));
    // "Please fix it ASAP, we're losing bookings" / "make sure the ads stop claiming same-day delivery": customers are affected now.
    // Customers affected in the sentence right before the ask count too ("customers are already emailing. Please pause it today.").
    const impact = d.texts.some((t) => CUSTOMER_IMPACT.test(t)) || (!!around[0] && sentences[d.first.n - 1]?.segment === d.first.segment && CUSTOMER_IMPACT.test(around[0]) && URGENT_DUE.test(d.texts.join(' '))) ||
      d.texts.some((t) => /\b(?:stop|quit)\s+(?:mentioning|saying|claiming|promising|advertising|offering|showing|listing)\b|\b(?:remove|take (?:out|down|off))\s+(?:the|that|this)\s+(?:claim|promise|statement)\b/i.test(t) && PUBLIC_ASSET.test(t));
    // "I need it fixed tonight": a repair demanded within the day is an incident (a pause is a one-setting change).
    const urgent = d.texts.some((t) => URGENT_FIX.test(t));
    const hot = d.hot || tied || exposure || impact || urgent || sameIncident(d, hotDrafts);
    if (hot) hotDrafts.push(d);
    const history = sentences.filter((x) => x.speaker === d.speaker && x.n < d.first.n && x.n >= d.first.n - 6);
    // "Before then, I'd like a plan": a lead-in the quote leaves out can still carry the deadline.
    const ownWords = d.kind === 'implied' && PAST_CLAUSE.test(d.texts[0]!) ? [] : [d.quote, ...d.texts.slice(1), ...(d.texts[0] !== d.quote && /^[^,]{0,30}\b(?:by|before|until)\b[^,]{0,30},|^(?:(?:and|so|but)\s+)?(?:by|before|until|ahead of)\s+(?:then|that|this)\b/i.test(d.texts[0]!) ? [d.texts[0]!] : [])];
    const dueTexts = d.deadline ? [d.deadline, ...ownWords] : ownWords;
    let due: string | null = null;
    for (const t of dueTexts) {
      due = findDuePhrase(t, history);
      if (due) break;
    }
    // An ultimatum's topic is its condition ("if that page isn't live"), not the threat.
    const topic = d.kind === 'ultimatum' ? [d.texts[0]!.split(/,\s*(?:we|I)\b/)[0]!, ...d.texts.slice(1)] : d.texts;
    const all = [...topic, ...d.context].join(' ');
    // The same action on two properties or two ad platforms is two asks (SCORING.md).
    // A data question that names two platforms ("how much pipeline search and LinkedIn produced") is one analytics ask.
    const dataQuestion = CHANNEL_LEXICON[0]![0] === 'analytics' && CHANNEL_LEXICON[0]![1].test(d.texts.join(' '));
    let channels: readonly Channel[] = twoProperties(all) ? ['web', 'seo'] : !dataQuestion && twoPlatforms(d.texts.join(' ')) ? ['google_ads', 'social']
      : siteAndAds(d.texts.join(' ')) ? ['web', 'google_ads'] : coordinatedProperties(all) ?? twoAccounts(d.texts.join(' '), platform) ?? [classifyChannel(all, platform)];
    const approves = /^(?:yes|yeah|yep|sure|ok(?:ay)?)\b/i.test(sentences[d.first.n - 1]?.segment === d.first.segment ? sentences[d.first.n - 1]!.text : '');
    if (channels.length === 1 && channels[0] === 'general' && (VAGUE_OBJECT.test(d.texts[0]!) || approves) && !SCHEDULING.test(all)) {
      // The nearest sentences first: the speaker's own lead-in, then (for "Yes, do that") the other side's suggestion just before.
      const own = sentences.filter((x) => x.speaker === d.speaker && x.segment === d.first.segment && x.n < d.first.n && x.n >= d.first.n - 4).reverse();
      const prior = sentences.slice(Math.max(0, d.first.n - 3), d.first.n).filter((x) => x.side !== d.first.side && x.side !== 'unknown').reverse();
      const suggestion = prior.length ? [prior.map((x) => x.text).reverse().join(' ')] : [];
      for (const text of [...own.map((x) => x.text), ...(/\b(?:yes|do (?:that|it|this)|go ahead|sounds good)\b/i.test(d.texts.join(' ')) || d.first.k === 0 || approves ? suggestion : [])]) {
        const fromLead = classifyChannel(text, platform);
        if (fromLead !== 'general') { channels = [fromLead]; break; }
      }
    }
    for (const channel of channels) {
      out.push({
        text: requestText(d.quote) + (channels.length > 1 ? ` (${CHANNEL_LABEL[channel]})` : ''),
        quote: d.quote,
        segment: d.first.segment,
        requester: d.speaker,
        channel,
        triage: classifyTriage(d.texts.join(' '), hot),
        due_phrase: due,
      });
    }
  }
  return out;
}

export function toRawCommitments(drafts: CommitmentDraft[]): RawCommitment[] {
  const out: RawCommitment[] = [];
  const STOPS = new Set(['will', 'have', 'that', 'this', 'them', 'they', 'with', 'from', 'your', 'also', 'just', 'then', 'over', 'back', 'make', 'sure', 'send', 'both', 'when']);
  const words = (t: string) => new Set((t.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOPS.has(w)));
  const dueKey = (p: string | null) => p?.toLowerCase().match(/[a-zà-ÿ]+$/)?.[0] ?? null;
  for (const c of drafts) {
    // Saying a dated promise again later ("so, the plan by Friday", "you'll have the update tomorrow") is
    // reassurance, not a second one, whoever it names.
    const topic = (q: string, due: string | null) => { const w = words(q); for (const x of words(due ?? '')) w.delete(x); return w; };
    const repeated = (o: RawCommitment) => !!c.duePhrase && dueKey(o.due_phrase) === dueKey(c.duePhrase) &&
      ([...topic(c.quote, c.duePhrase)].some((w) => topic(o.quote, o.due_phrase).has(w)) || (o.owner === c.owner && /^(?:it|they|that|this)\b/i.test(c.quote)));
    const dup = out.some((o) => (o.owner === c.owner && o.quote === c.quote) || repeated(o));
    if (dup) continue;
    out.push({ text: commitmentText(c.quote), quote: c.quote, segment: c.s.segment, owner: c.owner, owner_side: c.side, due_phrase: c.duePhrase });
  }
  return out;
}

export function toRawRisks(risks: RiskDraft[]): RawRisk[] {
  return risks.map((r) => ({ kind: r.kind, severity: r.severity, quote: r.quote, segment: r.s.segment, rationale: r.rationale }));
}
