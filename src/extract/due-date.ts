import * as chrono from 'chrono-node';

// Minimal resolver for the spine; the evals issue replaces it with the full SCORING.md table.

/** Resolves a date phrase against a reference date (YYYY-MM-DD), or null when vague or absent. */
export function resolveDue(phrase: string | null, referenceDate: string): string | null {
  if (!phrase) return null;
  const ref = new Date(`${referenceDate}T12:00:00Z`);
  const p = phrase.toLowerCase();
  if (/\b(today|tonight|eod|end of (the )?day|asap|right now|immediately|within the hour)\b/.test(p)) return referenceDate;
  const parsed = chrono.parseDate(phrase, { instant: ref, timezone: 0 }, { forwardDate: true });
  return parsed ? parsed.toISOString().slice(0, 10) : null;
}
