import * as chrono from 'chrono-node';

// Due-date resolution exactly as ../shared/eval-cases/SCORING.md ("Resolving due dates") says:
// weeks run Monday to Sunday, a bare weekday is the next one strictly after the reference date,
// "before X" is the day before X, "X or Y" the later, "N weeks before X" is X minus 7N days,
// "the 15th" the next 15th on or after the reference date, vague or conditional phrases null.
// French, Spanish and German phrasings go through the same table.

const DAY_MS = 86_400_000;

function toDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(isoDate: string, n: number): string {
  return iso(new Date(toDate(isoDate).getTime() + n * DAY_MS));
}
/** Monday = 0 ... Sunday = 6. */
function mondayIndex(isoDate: string): number {
  return (toDate(isoDate).getUTCDay() + 6) % 7;
}
function fridayOfWeek(isoDate: string, weeksAhead: number): string {
  return addDays(isoDate, 4 - mondayIndex(isoDate) + 7 * weeksAhead);
}

const WEEKDAYS: Record<string, number> = {
  monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6,
  lundi: 0, mardi: 1, mercredi: 2, jeudi: 3, vendredi: 4, samedi: 5, dimanche: 6,
  lunes: 0, martes: 1, 'miércoles': 2, miercoles: 2, jueves: 3, viernes: 4, 'sábado': 5, sabado: 5, domingo: 6,
  montag: 0, dienstag: 1, mittwoch: 2, donnerstag: 3, freitag: 4, samstag: 5, sonntag: 6,
};
const ABBR: Record<string, number> = { mon: 0, tue: 1, tues: 1, wed: 2, thu: 3, thur: 3, thurs: 3, fri: 4, sat: 5, sun: 6 };
for (const [k, v] of Object.entries(ABBR)) WEEKDAYS[k] = v;
const WEEKDAY_RE = new RegExp(`\\b(${Object.keys(WEEKDAYS).join('|')})s?\\b`, 'i');

const VAGUE = /\b(mid[- ]|early|late|soon|sometime|some time|once|when(ever)?|if|as soon as|eventually|at some point|un de ces jours|bientôt|bientot|pronto|bald|next month|this month|le mois prochain)\b/i;
const TODAY = /\b(today|tonight|eod|end of (the )?day|(close|end) of (business|play)|cob|eob|eop|(in|within) the (next )?(hour|day)|straight away|right now|right away|asap|immediately|within the hour|this (morning|afternoon|evening)|after (this|the) call|aujourd'hui|ce soir|ce matin|tout de suite|hoy|heute|sofort)\b/i;
const TOMORROW = /\b(tomorrow|demain|mañana|manana|morgen)\b/i;
const NEXT_WEEK = /\b(next week|la semaine prochaine|semaine prochaine|la próxima semana|proxima semana|nächste[rn]? woche|naechste[rn]? woche)\b/i;
const THIS_WEEK = /\b(this week|(the )?end of (the|this) week|cette semaine|fin de (la|cette) semaine|esta semana|diese woche)\b/i;
const BEFORE = /^(.*?)\b(before|avant(?: le| la| l')?|antes del?|vor dem|vor)\s+(.+)$/i;
const WEEKS_BEFORE = /\b(\d+|one|two|three|four|deux|trois|quatre|dos|tres|cuatro|zwei|drei|vier)\s+(weeks?|semaines?|semanas?|wochen?)\s+(before|avant|antes de|vor)\s+(.+)$/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, deux: 2, trois: 3, quatre: 4, dos: 2, tres: 3, cuatro: 4, zwei: 2, drei: 3, vier: 4 };
const ORDINAL_DAY = /^(?:the\s+|le\s+|el\s+|den\s+|am\s+|zum\s+)?(\d{1,2})(?:st|nd|rd|th|er|e|\.)?$/i;
const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|déc|ene|abr|ago|dic|mär|märz|mai|okt|dez)[a-zéû]*\.?\b/i;

function lastDayOfMonth(isoDate: string, monthsAhead: number): string {
  const d = toDate(isoDate);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsAhead + 1, 0, 12)));
}

function weekdayAfter(ref: string, day: number): string {
  const diff = (day - mondayIndex(ref) + 7) % 7 || 7;
  return addDays(ref, diff);
}

function nthOnOrAfter(ref: string, day: number): string | null {
  if (day < 1 || day > 31) return null;
  const r = toDate(ref);
  for (let m = 0; m < 13; m++) {
    const d = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + m, day, 12));
    if (d.getUTCDate() !== day) continue;
    if (iso(d) >= ref) return iso(d);
  }
  return null;
}

function parser(p: string) {
  if (/[àâçéèêëîïôûùüÿœ]|\b(le|du|avant|d'ici|mai|juin|juillet|août|avril|mars)\b/i.test(p)) return chrono.fr;
  if (/\b(del?|antes|hasta|enero|febrero|marzo|abril|mayo|junio|julio)\b/i.test(p)) return chrono.es;
  if (/\b(bis|vor|dem|märz|juni|juli|oktober|dezember)\b/i.test(p)) return chrono.de;
  return chrono.en;
}

/** One date expression (no "before", no "or"): ISO date or null. */
function resolveSimple(phrase: string, ref: string): string | null {
  const p = phrase
    .trim()
    .replace(/^(by|until|till|til|on|at|bis|d'ici|jusqu'au|jusqu'à|hasta el|hasta|para el|starting|from|no later than|due)\s+/i, '')
    .replace(/[.,;!?]+$/, '')
    .trim();
  if (!p) return null;
  if (VAGUE.test(p)) return null;
  if (TODAY.test(p) && !TOMORROW.test(p)) return ref;
  if (TOMORROW.test(p)) return addDays(ref, 1);
  const span = p.match(/\b(?:in|within)\s+(\d+|one|two|three|four|a|an)\s+(days?|weeks?)\b/i);
  if (span) {
    const n = Number(span[1]) || NUMBER_WORDS[span[1]!.toLowerCase()] || 1;
    return addDays(ref, /week/i.test(span[2]!) ? 7 * n : n);
  }
  const wdNext = p.match(new RegExp(`${WEEKDAY_RE.source}\\s+(?:of\\s+)?next week`, 'i'));
  if (wdNext) return addDays(ref, 7 - mondayIndex(ref) + WEEKDAYS[wdNext[1]!.toLowerCase()]!);
  if (/\bend of (?:the |this )?month\b|\bfin (?:du|de ce) mois\b/i.test(p)) return lastDayOfMonth(ref, 0);
  const endOf = p.match(/\bend of ([a-zéû]+)/i);
  if (endOf && MONTH_WORD.test(endOf[1]!)) {
    const first = parser(p).parseDate(`1 ${endOf[1]} ${ref.slice(0, 4)}`, { instant: toDate(ref), timezone: 0 });
    if (first) {
      const last = lastDayOfMonth(iso(first), 0);
      return last >= ref ? last : lastDayOfMonth(iso(first), 12);
    }
  }
  if (NEXT_WEEK.test(p)) return fridayOfWeek(ref, 1);
  if (THIS_WEEK.test(p)) return fridayOfWeek(ref, 0);
  const ord = p.replace(new RegExp(`^${WEEKDAY_RE.source}[,]?\\s*`, 'i'), '').match(ORDINAL_DAY);
  if (ord && !MONTH_WORD.test(p)) return nthOnOrAfter(ref, Number(ord[1]));
  const hasExplicitDate = MONTH_WORD.test(p) || /\d/.test(p);
  const wd = p.match(WEEKDAY_RE);
  if (wd && !hasExplicitDate) return weekdayAfter(ref, WEEKDAYS[wd[1]!.toLowerCase()]!);
  if (!hasExplicitDate) return null;
  const parsed = parser(p).parseDate(p, { instant: toDate(ref), timezone: 0 }, { forwardDate: true });
  return parsed ? iso(parsed) : null;
}

/** Resolves a date phrase against a reference date (YYYY-MM-DD), or null when vague or absent. */
export function resolveDue(phrase: string | null, referenceDate: string): string | null {
  if (!phrase || !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) return null;
  const p = phrase.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  if (!p) return null;
  const weeks = p.match(WEEKS_BEFORE);
  if (weeks) {
    const n = Number(weeks[1]) || NUMBER_WORDS[weeks[1]!.toLowerCase()] || 0;
    const x = resolveDue(weeks[4]!, referenceDate);
    return x && n ? addDays(x, -7 * n) : null;
  }
  const before = p.match(BEFORE);
  if (before && !/\b(right|just)\s*$/i.test(before[1]!)) {
    const x = resolveDue(before[3]!, referenceDate);
    return x ? addDays(x, -1) : null;
  }
  const alternatives = p.split(/\s+(?:or|ou|o|oder)\s+/i);
  if (alternatives.length > 1) {
    const dates = alternatives.map((a) => resolveSimple(a, referenceDate));
    if (dates.some((d) => d === null)) return null;
    return (dates as string[]).sort().at(-1)!;
  }
  return resolveSimple(p, referenceDate);
}
