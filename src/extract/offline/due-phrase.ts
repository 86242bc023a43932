import type { Sentence } from './sentences.js';

// Finds the words that set a deadline in a clause ("by Friday", "avant le 4 mai", "two weeks before
// that"); due-date.ts turns them into a date. Anaphora ("before then", "before the promo starts") is
// replaced by the explicit date the same speaker gave just before.

const WD = '(?:donnerstag|miercoles|miércoles|wednesday|dienstag|dimanche|mercredi|mittwoch|saturday|thursday|vendredi|domingo|freitag|samstag|sonntag|tuesday|viernes|friday|jueves|martes|monday|montag|sabado|samedi|sunday|sábado|jeudi|lundi|lunes|mardi)';
const MON = '(?:septiembre|diciembre|noviembre|september|septembre|december|dezember|décembre|february|november|novembre|febrero|februar|fevrier|février|january|janvier|juillet|october|octobre|octubre|oktober|agosto|august|januar|abril|april|avril|enero|julio|junio|march|marzo|aout|août|juin|juli|july|june|juni|mars|mayo|märz|sept|apr|aug|dec|feb|jan|jul|jun|mai|mar|may|nov|oct|sep)';
const ORD = '\\d{1,2}(?:st|nd|rd|th|er)?';
/** Abbreviated weekdays count only after a preposition ("by Fri"), never alone ("Sun", "Wed"). */
const WD_ABBR = '(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?';
const EXPLICIT = `\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|(?:the\\s+)?${ORD}\\s+of\\s+${MON}|${ORD}\\.?\\s+(?:de\\s+)?${MON}|(?:${WD},?\\s+)?(?:${MON}\\.?\\s+${ORD}|(?:the\\s+|le\\s+)?${ORD}\\s+${MON}|(?:the\\s+)${ORD}(?:\\s+or\\s+(?:the\\s+)?${ORD}(?!\\s*[%$]))?)|${WD}\\s+the\\s+${ORD}`;
const EXPLICIT_RE = new RegExp(`\\b(${EXPLICIT})\\b`, 'i');
const RELATIVE = `(?:(?:the\\s+)?end of (?:the |this |next )?(?:day|week|month)(?: tomorrow)?|(?:the\\s+)?end of ${MON}|${WD}\\s+(?:of\\s+)?next week|next week|this week|tomorrow(?: morning| afternoon)?|today|tonight|${WD}(?:\\s+or\\s+${WD})?|la fin de la semaine(?: prochaine)?|la semaine prochaine|demain|aujourd'hui|(?:in|within) (?:\\d+|one|two|three|four|a|an) (?:days?|weeks?)|mañana|hoy|la próxima semana|esta semana|el ${WD}|morgen|heute|(?:ende\\s+)?nächste[rn]?\\s+woche|diese woche)`;
const ANAPHOR = '(?:then|that|the [a-z-]+ (?:starts|begins|launches|goes live|opens)|it starts)';

/** "before we hang up", "right after the call": the call's own day. */
const DURING_CALL = /\b(?:(?:right |just )?(?:before|after|once) (?:we (?:hang up|get off(?: the (?:call|phone))?|wrap up|finish)|(?:the end of )?(?:this|the|our) call(?! (?:on|next|with)\b)|the call ends))\b/i;
/** "since the 22nd", "closed on the 3rd": a date in the past that starts a state, not a deadline. */
const PAST_DATE_LEAD = /\b(?:since|ever since|as of|closed|ended|expired|launched|started|happened|began|went (?:live|out|up|down)|was|were|back)\s+(?:on\s+|in\s+)?$/i;
/** "Right now it's all lumped together": the present state, not a deadline. */
const STATE_NOW = /^\s*,?\s*(?:it|there|we|they|this|that|I|the|our|you|he|she|everything|nothing|nobody|no one)\b/i;

const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:\\d+|one|two|three|four)\\s+weeks?\\s+before\\s+(?:the|our|your|their)\\s+[\\w' -]{1,30}?\\s+(?:on|,)\\s*(?:${EXPLICIT})`, 'i'),
  new RegExp(`\\b(?:\\d+|one|two|three|four)\\s+weeks?\\s+before\\s+(?:${EXPLICIT}|${ANAPHOR})`, 'i'),
  new RegExp(`\\bbefore\\s+${ANAPHOR}`, 'i'),
  // "two weeks before Harbor Days": a named event dated earlier in the conversation.
  /\b(?:\d+|one|two|three|four)\s+weeks?\s+(?:before|ahead of)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}/,
  /\bby then\b/i,
  new RegExp(`\\b(?:by|before)\\s+(?:the|our|your|their)\\s+[\\w' -]{1,30}?\\s+(?:on|,)\\s*(?:${EXPLICIT})`, 'i'),
  /\bbis\s+zum\s+\d{1,2}\.(?!\d)/i,
  new RegExp(`\\b(?:by|before|until|no later than|starting|avant(?:\\s+le)?|d'ici|d’ici|due|antes del?|para el|hasta el|bis(?:\\s+zum)?|vor dem)\\s+(?:${EXPLICIT})`, 'i'),
  new RegExp(`\\b(?:by|before|until|no later than|starting|avant|d'ici|d’ici|antes del?|para|hasta|bis)\\s+${RELATIVE}`, 'i'),
  new RegExp(`\\b(?:by|before|until|no later than|on)\\s+${WD_ABBR}(?![\\p{L}])`, 'iu'),
  new RegExp(`\\b(?:by\\s+)?(?:(?:close|end) of (?:business|play|day)|cob|eob|eop|eod)\\s+(?:on\\s+)?${WD}`, 'i'),
  // "by the weekend" is the end of this working week; "by noon" is today.
  /\b(?:by|before|until)\s+the\s+weekend\b/i,
  /\b(?:by|before)\s+(?:noon|midday|lunch(?:time)?)(?!\s+(?:on|tomorrow))\b/i,
  /\b(?:(?:close|end) of (?:business|play)|cob|eob|eop)\s+(?:tomorrow|today)\b/i,
  /\b(?:first thing tomorrow|end of day tomorrow|(?:by |before )?(?:close|end) of (?:business|play)|cob|eob|(?:in|within) the (?:next )?(?:hour|day)|straight away|first thing (?:today|this morning)|right after (?:this|the) call|after (?:this|the) call|right now|right away|asap|immediately|within the hour|this (?:morning|afternoon|evening)|end of day|eod|tout de suite)\b/i,
  new RegExp(`\\b(?:on\\s+)?(?:${EXPLICIT})\\b`, 'i'),
  new RegExp(`\\b(?:on\\s+)?${RELATIVE}\\b`, 'i'),
];

const VAGUE_CLAUSE = /\b(whenever you (get|have) a (chance|minute|moment)|no rush|when you can|at some point|eventually)\b/i;

/** The deadline phrase in `clause`, or null. `history` holds earlier sentences of the same speaker. */
export function findDuePhrase(clause: string, history: Sentence[] = []): string | null {
  if (VAGUE_CLAUSE.test(clause)) return null;
  let best: RegExpMatchArray | null = null;
  // "By Friday next week, so you have a few days before the 1st": a purpose clause after the deadline is not one.
  const purpose = clause.search(/,\s+so(?: that)?\s+(?:you|we|I|they|it)\b/i);
  if (purpose > 0 && clause !== clause.slice(0, purpose)) {
    const head = findDuePhrase(clause.slice(0, purpose), history);
    if (head && /^(?:by|until|no later than)\b/i.test(head)) return head;
  }
  if (DURING_CALL.test(clause) && !PATTERNS.slice(0, -2).some((re) => re.test(clause.replace(DURING_CALL, '')))) return 'today';
  for (const re of PATTERNS) {
    for (const m of clause.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      const lead = clause.slice(0, m.index);
      if (PAST_DATE_LEAD.test(lead)) continue;
      if (/^right now$/i.test(m[0].trim()) && !/\S/.test(lead.replace(/^\W*(?:and|but|so|because)?\W*/i, '')) && STATE_NOW.test(clause.slice(m.index! + m[0].length))) continue;
      best = m;
      break;
    }
    if (best) break;
  }
  if (!best) return null;
  // "every Friday", "Fridays at nine": a recurring day is a schedule, not a deadline.
  if (/\b(?:every|each|jeden|chaque|cada)\s*$/i.test(clause.slice(0, best.index))) return null;
  // "before our open house on June 3rd" is "before June 3rd".
  const weeksEvent = best[0].match(new RegExp(`^(\\S+\\s+weeks?\\s+before)\\s+(?:the|our|your|their)\\s+[\\w' -]{1,30}?\\s+(?:on|,)\\s*(${EXPLICIT})$`, 'i'));
  if (weeksEvent) return `${weeksEvent[1]} ${weeksEvent[2]}`;
  const event = best[0].match(new RegExp(`^(by|before)\\s+(?:the|our|your|their)\\s+[\\w' -]{1,30}?\\s+(?:on|,)\\s*(${EXPLICIT})$`, 'i'));
  if (event) return `${event[1]} ${event[2]}`;
  // "COB Thursday" is Thursday.
  const phrase = best[0].trim().replace(/^(?:by\s+)?(?:(?:close|end) of (?:business|play|day)|cob|eob|eop|eod)\s+(?:on\s+)?(?=[a-z]{5,})(?!today|tomorrow)/i, 'by ')
    .replace(/^(?:by|before|until)\s+the\s+weekend$/i, 'this week').replace(/^(?:by|before)\s+(?:noon|midday|lunch(?:time)?)$/i, 'today');
  // "by then": the last deadline said before, whoever said it.
  if (/^by then$/i.test(phrase)) {
    const earlier = [clause.slice(0, best.index), ...history.slice().reverse().map((h) => h.text)];
    for (const [i, t] of earlier.entries()) {
      const d = t && findDuePhrase(t, i === 0 ? history : history.slice(0, history.length - i));
      if (d && !/\bthen$/i.test(d)) return d;
    }
    return null;
  }
  const named = phrase.match(/^(.*?\b(?:before|ahead of))\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})$/);
  // "before Tuesday" names a day, not an event said earlier.
  if (named && !new RegExp(`^(?:${WD}|${MON})\\b`, 'i').test(named[2]!)) {
    const texts = history.map((h) => h.text);
    const at = texts.findIndex((t) => t.includes(named[2]!));
    if (at < 0) return null;
    for (const t of texts.slice(at).reverse()) {
      const all = [...t.matchAll(new RegExp(EXPLICIT_RE.source, 'gi'))];
      if (all.length) return `${named[1]!.replace(/ahead of$/i, 'before')} ${all.at(-1)![0]}`;
    }
    return null;
  }
  const anaphor = phrase.match(new RegExp(`${ANAPHOR}$`, 'i'));
  if (!anaphor) return phrase;
  const before = clause.slice(0, best.index);
  const texts = [before, ...history.slice().reverse().map((h) => h.text)];
  for (const t of texts) {
    const all = [...t.matchAll(new RegExp(EXPLICIT_RE.source, 'gi'))];
    if (all.length) return phrase.slice(0, phrase.length - anaphor[0].length) + all.at(-1)![0];
  }
  return null;
}
