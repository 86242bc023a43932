// Fast readers for the date shapes mail clients write in forward blocks and Date headers. chrono-node
// costs 0.3-4 ms a call here (12 locales), more than the MIME parse; these regexes cost microseconds
// and chrono only sees what they miss.

export interface Wall { y: number; mo: number; d: number; h: number; mi: number; s: number; offset: number | null }

// Month names and the prefixes clients abbreviate them to, across the locales in the forward fixtures.
const MONTHS: Array<[number, RegExp]> = [
  [1, /^(jan|ene|gen|tam|sty|led|ian|oca|січ|янв|sij)/], [2, /^(feb|fév|fev|hel|lut|úno|uno|şub|sub|лют|фев|velj|veebr)/],
  [3, /^(mar(?!r)|mär|maa|bře|bre|бер|мар|ožu)/], [4, /^(apr|avr|abr|huh|kwi|dub|nis|кві|апр|tra)/],
  [5, /^(may|mai|mei|mag|maj|tou|kvě|kve|máj|тра|мая|мај|svi)/], [6, /^(jun|juin|giu|kes|cze|čer(?!v[ce])|haz|чер|июн)/],
  [7, /^(jul|juil|lug|hei|lip|čvc|červen|tem|лип|июл|srp(?=anj))/], [8, /^(aug|aoû|aou|ago|elo|sie|srp|ağu|agu|сер|авг|kol)/],
  [9, /^(sep|set|syy|wrz|zář|zar|eyl|вер|сен|ruj)/], [10, /^(oct|okt|ott|out|lok|paź|paz|říj|rij|eki|жов|окт)/],
  [11, /^(nov|noi|marr|lis|kas|лис|ноя|stu)/], [12, /^(dec|déc|dez|dic|dis|jou|gru|pro|ara|гру|дек|des)/],
];

const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 60, CET: 60, MEZ: 60, WEST: 60, CEST: 120, MESZ: 120, EET: 120, EEST: 180,
  OESZ: 180, MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540,
  AKDT: -480, HST: -600, AEST: 600, AEDT: 660, JST: 540,
};

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  for (const [m, re] of MONTHS) if (re.test(w)) return m;
  return null;
}

const L = '[\\p{L}]+';
const DATE_SHAPES: Array<[RegExp, (m: RegExpExecArray) => [number, number | null, number] | null]> = [
  // 2022年9月19日
  [/(\d{4})年(\d{1,2})月(\d{1,2})日/u, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  // 2021-10-27
  [/\b(\d{4})-(\d{2})-(\d{2})\b/u, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  // 27.10.2021, 27/10/2021, 27. 10. 2021 (US order when an AM/PM marker follows)
  [/\b(\d{1,2})\.?\s?[./-]\s?(\d{1,2})\.?\s?[./-]\s?(\d{4})\b/u, (m) => [+m[3]!, +m[2]!, +m[1]!]],
  // 27. lokak. 2021, 26 de octubre de 2021, 25 October 2021
  [new RegExp(`\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?(${L})\\.?,?\\s+(?:de\\s+)?(\\d{4})`, 'u'), (m) => [+m[3]!, monthOf(m[2]!), +m[1]!]],
  // Oct 27, 2021 / April 13, 2026
  [new RegExp(`(${L})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'u'), (m) => [+m[3]!, monthOf(m[1]!), +m[2]!]],
  // 2021. október 28.
  [new RegExp(`\\b(\\d{4})\\.?\\s+(${L})\\.?\\s+(\\d{1,2})\\b`, 'u'), (m) => [+m[1]!, monthOf(m[2]!), +m[3]!]],
];

function zoneOf(rest: string): number | null {
  let m = /(?:GMT|UTC)?\s?([+-])(\d{1,2}):?(\d{2})?\b/.exec(rest);
  if (m && (m[3] || /GMT|UTC/.test(m[0]))) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  m = /\b([A-Z]{1,5})\b/.exec(rest);
  return m && m[1]! in ZONES ? ZONES[m[1]!]! : null;
}

/** A date written in a header line, as the writer's wall clock and offset; null for shapes it doesn't know. */
export function readDateShape(text: string): Wall | null {
  for (const [re, pick] of DATE_SHAPES) {
    const m = re.exec(text);
    if (!m) continue;
    const ymd = pick(m);
    if (!ymd || ymd[1] === null) continue;
    let [y, mo, d] = ymd as [number, number, number];
    const rest = text.slice(m.index + m[0].length);
    const t = /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?/.exec(rest);
    let h = t ? Number(t[1]) : 12;
    if (t?.[4]) {
      h = (h % 12) + (t[4].toLowerCase() === 'p' ? 12 : 0);
      if (re === DATE_SHAPES[2]![0]) [mo, d] = [d, mo]; // 02/10/2023 4:52 PM is US month-first
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return { y, mo, d, h, mi: t ? Number(t[2]) : 0, s: t?.[3] ? Number(t[3]) : 0, offset: zoneOf(t ? rest.slice(t.index + t[0].length) : rest) };
  }
  return null;
}
