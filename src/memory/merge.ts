import type { Db } from '../db/types.js';
import type { ItemType } from '../domain/schemas.js';

// When a newly extracted item is "the same item" as an open one of the same account and type.
// The threshold was chosen on the development set (../shared/eval-cases; test/memory/merge-thresholds.test.ts
// recomputes it): same-item pairs (a gold item against itself restated with one of its alt_quotes, and
// against its bare quote as a verbatim repeat) versus every pair of distinct items of the same case and
// type whose fields agree (hard negatives such as the same fix on the website and on the Google listing,
// d03). With the offline embedder the highest such negative scores 0.45; at 0.55, 91% of restated and
// 99% of verbatim repeats merge and no distinct pair does.
export const MERGE_MIN = 0.55;

export type Fields = Record<string, unknown>;

/** Field agreement by type: request channel, commitment owner side, risk kind. Unknown/general agree with anything. */
export function fieldsAgree(type: ItemType, a: Fields, b: Fields): boolean {
  if (type === 'request') return a.channel === b.channel || a.channel === 'general' || b.channel === 'general' || !a.channel || !b.channel;
  if (type === 'commitment') return a.owner_side === b.owner_side || a.owner_side === 'unknown' || b.owner_side === 'unknown';
  return a.kind === b.kind;
}

/** The merge rule itself: similarity of text+quote embeddings plus agreement of the typed fields. */
export function shouldMerge(type: ItemType, similarity: number, incoming: Fields, existing: Fields): boolean {
  return fieldsAgree(type, incoming, existing) && similarity >= MERGE_MIN;
}

export interface MergeTarget {
  id: string;
  similarity: number;
  due: string | null;
}

export interface MergeCandidate {
  id: string;
  type: ItemType;
  sourceId: string | null;
  quote: string;
  fields: Fields;
  due: string | null;
  embedding: number[];
}

/**
 * Every open item of the account that a new item may merge into, read once per extraction: an account
 * holds a few hundred open items at most, so one read and an exact comparison in memory beats one
 * nearest-neighbour query per new item (a 60-minute call has well over a hundred).
 */
export async function loadMergeCandidates(tx: Db, accountId: string): Promise<MergeCandidate[]> {
  const rows = await tx.query<{ id: string; type: ItemType; source_id: string | null; quote: string; fields: Fields; due: string | null; embedding: string | number[] }>(
    `SELECT id, type, source_id, quote, fields, due::text AS due, embedding::text AS embedding FROM items
     WHERE account_id = $1 AND status IN ('open', 'acknowledged', 'overdue')
       AND merged_into IS NULL AND origin = 'extracted' AND embedding IS NOT NULL`,
    [accountId],
  );
  return rows.map((r) => ({
    id: r.id, type: r.type, sourceId: r.source_id, quote: r.quote, fields: r.fields ?? {}, due: r.due,
    embedding: typeof r.embedding === 'string' ? (JSON.parse(r.embedding) as number[]) : r.embedding,
  }));
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The best candidate of the same type the incoming item should merge into, if any (exact comparison). */
export function findMergeTarget(
  candidates: readonly MergeCandidate[],
  input: { sourceId: string; type: ItemType; quote: string; embedding: number[]; fields: Fields },
): MergeTarget | null {
  let best: MergeTarget | null = null;
  for (const c of candidates) {
    if (c.type !== input.type) continue;
    // one sentence the extractor split into two items (website and listing, d13) stays two items
    if (c.sourceId === input.sourceId && c.quote === input.quote) continue;
    const sim = cosine(input.embedding, c.embedding);
    if (shouldMerge(input.type, sim, input.fields, c.fields) && sim > (best?.similarity ?? -Infinity)) best = { id: c.id, similarity: sim, due: c.due };
  }
  return best;
}
