import { NOT_A_NAME } from './lexicon.js';
import type { Sentence } from './sentences.js';

// "Actually, hold off on that": an ask (and any promise made in reply) withdrawn later in the same
// source is not an item. A retraction that names an ask from an earlier exchange ("the banner we asked
// for last week: forget it") cancels nothing in this source.

export const RETRACTION = /\b(?:hold off on (?:that|it|this|those)|scratch (?:that|the [\w-]+)|forget (?:about )?the [\w-]+|(?:könnt|können) (?:ihr|sie) vergessen|doch nicht|never ?mind|forget (?:that|it|about (?:it|that))|cancel that|disregard (?:that|my last)|ignore (?:that|my last)|on second thought|no need(?: to)?,? actually|oubliez (?:ça|cela|ca)|laissez tomber|ne vous en occupez pas|leave (?:the|those|them|it)\b[^.]*\bfor now|leave (?:the |our |those |that |it |them )?(?:[A-Z][\w-]*|[\w-]+ (?:ads?|campaigns?))(?: [\w-]+)? (?:running|live|on|alone|as (?:it|they) (?:is|are))|let['’]s leave (?:that|it|this|those)(?= for now|[.!,]|$))\b/i;
const EARLIER_SOURCE = /\b(?:last week|last month|earlier this (?:week|month)|the other day|previously|we asked (?:for|about)|I asked (?:for|about)|I mentioned|semaine dernière|mois dernier|avait demandée?|vous avions demandé)\b/i;
const STOP = new Set(['actually', 'that', 'this', 'those', 'hold', 'scratch', 'never', 'mind', 'forget', 'about', 'leave', 'there', 'point', 'pour', 'oubliez', 'please', 'bitte', 'wegen', 'about']);

function words(text: string, shortNames = false): Set<string> {
  // Short proper names ("Bing", "Yelp") name a topic as well as long words do (asked for where the thing kept is named).
  const names = shortNames ? (text.match(/\b[A-Z][a-zà-ÿ]{2,3}\b/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !NOT_A_NAME.has(w)) : [];
  return new Set([...(text.toLowerCase().match(/[a-zà-ÿ]{5,}/g) ?? []), ...names].filter((w) => !STOP.has(w)));
}

export interface Retraction {
  s: Sentence;
  topic: Set<string>;
  /** The sentence right before, when the same speaker said it in the same turn: what a bare "never mind that" points at. */
  ownBefore: Sentence | null;
}

export function findRetractions(sentences: Sentence[]): Retraction[] {
  const out: Retraction[] = [];
  for (const s of sentences) {
    if (s.side === 'agency') continue;
    const m = s.text.match(RETRACTION);
    if (!m) continue;
    const prefix = s.text.slice(0, m.index!);
    // "Never mind the quote, ...": the words right after the cue name what is withdrawn too.
    const suffix = s.text.slice(m.index! + m[0].length).split(/[,.;:!?]/)[0] ?? '';
    if (EARLIER_SOURCE.test(prefix) || EARLIER_SOURCE.test(suffix)) continue;
    // "I mentioned on the phone adding a blog post. Ignore that.": a bare retraction right after a mention of an earlier exchange withdraws that.
    const before = sentences[s.n - 1];
    if (before && before.speaker === s.speaker && !prefix.trim() && EARLIER_SOURCE.test(before.text)) continue;
    // Vocatives and connectives are not a topic; a named thing around the cue is.
    // "Leave Capterra running": the thing kept is named inside the cue.
    const inside = /^(?:leave|keep)\b/i.test(m[0]) ? m[0].replace(/^(?:leave|keep)\s+|\s+(?:running|live|on|alone|as \w+ \w+)$/gi, '') : '';
    const topic = new Set([...words(`${prefix} ${suffix}`.replace(/\b[A-Z][a-z]+,/g, '')), ...words(inside, true)]);
    const prev = sentences[s.n - 1];
    // "Also we should add an FAQ at some point. Actually, never mind that.": the cue may sit in the sentence it withdraws.
    const ownBefore = prefix.trim() && !/^\W*(?:actually|oh|so|and|but|okay|ok|sorry|wait)?\W*$/i.test(prefix) ? s : prev && prev.speaker === s.speaker && prev.segment === s.segment ? prev : null;
    out.push({ s, topic, ownBefore });
  }
  return out;
}

/**
 * Which earlier asks a retraction withdraws: the one sharing its topic words, else (a bare "hold off
 * on that") the most recent ask within the last few turns.
 */
export function retractedAsks<T extends { first: Sentence; last: Sentence; texts: string[]; context: string[] }>(asks: T[], r: Retraction, maxBack = 8): T | null {
  // A retraction that names its topic can reach further back in the conversation than a bare one.
  const before = asks.filter((a) => a.first.n < r.s.n && a.first.n >= r.s.n - (r.topic.size ? maxBack * 2 : maxBack));
  if (!before.length) return null;
  if (r.topic.size) {
    const hit = [...before].reverse().find((a) => [...words([...a.texts, ...a.context].join(' '), true)].some((w) => r.topic.has(w)));
    if (hit) return hit;
    return null;
  }
  // A bare "never mind that" right after the speaker's own remark that was no ask withdraws that remark, nothing else.
  const own = r.ownBefore;
  if (own && own !== r.s && !asks.some((a) => a.first.n <= own.n && own.n <= a.last.n)) return null;
  // A bare "hold off on that" reaches back a couple of turns (or paragraphs), no further.
  const recent = before.filter((a) => r.s.segment - a.first.segment <= 2);
  return recent.at(-1) ?? null;
}
