import * as chrono from 'chrono-node';
import { readDateShape } from './date-shapes.js';

/** A message date as its sender saw it: local calendar date, their UTC offset, and the instant. */
export interface LocalDate {
  /** YYYY-MM-DD in the sender's own offset. */
  date: string;
  /** "+HH:MM" / "-HH:MM", or null when neither the header nor the delivery gave one. */
  offset: string | null;
  /** ISO instant. */
  instant: string;
}

// Forward header blocks write the date in the mail client's locale ("27. Okt. 2021 um 09:31"). Known
// shapes are read by date-shapes.ts; chrono's strict parsers (full dates only) take what is left.
const LOCALES = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.it, chrono.pt, chrono.nl, chrono.sv, chrono.ru, chrono.uk, chrono.fi, chrono.ja];

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

function longest(results: Parsed[]): Parsed | null {
  let best: Parsed | null = null;
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('day') || !s.isCertain('month') || !s.isCertain('year')) continue;
    if (!best || r.text.length > best.text.length) best = r;
  }
  return best;
}

/** A header date can't be after the delivery (a day of clock skew allowed) nor years before it. */
function plausible(y: number, mo: number, d: number, ref: Date): boolean {
  const t = Date.UTC(y, mo - 1, d);
  return t <= ref.getTime() + 2 * 86_400_000 && t >= ref.getTime() - 10 * 365 * 86_400_000;
}

function bestParse(text: string, ref: Date): Parsed | null {
  for (const locale of LOCALES) {
    const hit = longest(locale.strict.parse(text, ref));
    if (hit && plausible(hit.start.get('year')!, hit.start.get('month')!, hit.start.get('day')!, ref)) return hit;
  }
  return null;
}

/**
 * Reads a date as written in a header line (RFC 5322 or a mail client's forward block). Without a
 * zone in the text, `fallbackOffset` (the delivery's own offset) is assumed; the calendar date is the
 * one written either way, which is what relative dates in the message mean.
 */
export function parseLocalDate(text: string | null | undefined, fallbackOffset: number | null, ref: Date): LocalDate | null {
  const clean = (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
  if (!clean) return null;
  const w = readDateShape(clean);
  if (w) return plausible(w.y, w.mo, w.d, ref) ? at(w.y, w.mo, w.d, w.h, w.mi, w.s, w.offset ?? fallbackOffset) : null;
  const r = bestParse(clean, ref);
  if (!r) return null;
  const s = r.start;
  const offset = s.isCertain('timezoneOffset') ? (s.get('timezoneOffset') ?? null) : fallbackOffset;
  return at(s.get('year')!, s.get('month')!, s.get('day')!, s.get('hour') ?? 0, s.get('minute') ?? 0, s.get('second') ?? 0, offset);
}

function at(y: number, mo: number, d: number, h: number, mi: number, sec: number, offset: number | null): LocalDate {
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, sec);
  return {
    date: `${y}-${pad(mo)}-${pad(d)}`,
    offset: offset === null ? null : formatOffset(offset),
    instant: new Date(wallMs - (offset ?? 0) * 60_000).toISOString(),
  };
}
