import { foldName } from './normalize.js';
import type { GoldItem } from './types.js';

// Field correctness (SCORING.md sections 2 and 4): the primary value or an `accept` value; names
// by the name-matching rules.

type Accepting = Pick<GoldItem, 'accept'> & Record<string, unknown>;

/** The gold value and its accepted alternatives for a field. */
export function acceptedValues(g: Accepting, field: string): Array<string | null> {
  const primary = g[field];
  return [primary === undefined ? null : (primary as string | null), ...(g.accept?.[field] ?? [])];
}

export function valueCorrect(g: Accepting, field: string, pred: string | null | undefined): boolean {
  return acceptedValues(g, field).includes(pred ?? null);
}

const DIARIZATION = /^(speaker\s*\d+|unknown( speaker)?|spk_?\d+)$/i;
const firstName = (s: string) => s.split(' ')[0]!;

/**
 * A full name equal to the gold name or an accepted name is correct; a first name alone is correct
 * when it identifies exactly one person in the case; a diarization label never is.
 */
export function nameCorrect(g: Accepting, field: 'requester' | 'owner', pred: string | null | undefined, people: readonly string[]): boolean {
  if (!pred || DIARIZATION.test(pred.trim())) return false;
  const p = foldName(pred);
  const golds = acceptedValues(g, field).filter((v): v is string => !!v).map(foldName);
  if (golds.includes(p)) return true;
  if (p.includes(' ')) return false;
  const holders = new Set(people.map(foldName).filter((n) => firstName(n) === p));
  // Names that are one person written in full and by first name alone count once.
  const full = [...holders].filter((n) => n.includes(' '));
  const distinct = full.length ? full.length : holders.size;
  return distinct === 1 && golds.some((gname) => firstName(gname) === p);
}

const LEVEL: Record<string, number> = { low: 0, medium: 1, high: 2 };

/** M10 within-one-level: the predicted severity is at most one level from the gold or an accepted one. */
export function severityWithinOne(g: Accepting, pred: string | null | undefined): boolean {
  const pl = pred ? LEVEL[pred] : undefined;
  if (pl === undefined) return false;
  return acceptedValues(g, 'severity').some((v) => v !== null && LEVEL[v] !== undefined && Math.abs(LEVEL[v]! - pl) <= 1);
}
