import * as chrono from 'chrono-node';

/** A message date as its sender saw it: local calendar date, their UTC offset, and the instant. */
export interface LocalDate {
  /** YYYY-MM-DD in the sender's own offset. */
  date: string;
  /** "+HH:MM" / "-HH:MM", or null when neither the header nor the delivery gave one. */
  offset: string | null;
  /** ISO instant. */
  instant: string;
}

// Forward header blocks write the date in the mail client's locale ("27. Okt. 2021 um 09:31").
const PARSERS = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.it, chrono.pt, chrono.nl, chrono.sv, chrono.ru, chrono.uk, chrono.fi, chrono.ja];

const pad = (n: number) => String(n).padStart(2, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The UTC offset (minutes) written at the end of an RFC 5322 Date header, e.g. "-0500". */
export function headerOffset(dateHeader: string | null): number | null {
  const m = dateHeader ? /([+-])(\d{2}):?(\d{2})\s*(\([^)]*\))?\s*$/.exec(dateHeader) : null;
  if (!m) return /\b(GMT|UTC|UT|Z)\s*$/i.test(dateHeader ?? '') ? 0 : null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

type Parsed = NonNullable<ReturnType<typeof chrono.parse>[number]>;

function bestParse(text: string, ref: Date): Parsed | null {
  let best: Parsed | null = null;
  for (const parser of PARSERS) {
    for (const r of parser.parse(text, ref)) {
      if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
      if (!best || r.text.length > best.text.length) best = r;
    }
    if (best?.start.isCertain('year')) break;
  }
  return best;
}

/**
 * Reads a date as written in a header line (RFC 5322 or a mail client's forward block). Without a
 * zone in the text, `fallbackOffset` (the delivery's own offset) is assumed; the calendar date is the
 * one written either way, which is what relative dates in the message mean.
 */
export function parseLocalDate(text: string | null | undefined, fallbackOffset: number | null, ref: Date): LocalDate | null {
  const clean = (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
  if (!clean) return null;
  const r = bestParse(clean, ref);
  if (!r) return null;
  const s = r.start;
  const offset = s.isCertain('timezoneOffset') ? (s.get('timezoneOffset') ?? null) : fallbackOffset;
  const y = s.get('year')!, mo = s.get('month')!, d = s.get('day')!;
  const wallMs = Date.UTC(y, mo - 1, d, s.get('hour') ?? 0, s.get('minute') ?? 0, s.get('second') ?? 0);
  return {
    date: `${y}-${pad(mo)}-${pad(d)}`,
    offset: offset === null ? null : formatOffset(offset),
    instant: new Date(wallMs - (offset ?? 0) * 60_000).toISOString(),
  };
}
