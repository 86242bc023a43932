import type { Db } from '../db/types.js';
import { toVector } from '../db/types.js';
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

/** The best open item of the account and type that the incoming item should merge into, if any (exact search). */
export async function findMergeTarget(
  tx: Db,
  input: { accountId: string; sourceId: string; type: ItemType; quote: string; embedding: number[]; fields: Fields },
): Promise<MergeTarget | null> {
  const rows = await tx.query<{ id: string; fields: Fields; due: string | null; sim: number }>(
    `WITH candidates AS MATERIALIZED (
       SELECT id, fields, due::text AS due, embedding FROM items
       WHERE account_id = $1 AND type = $2 AND status IN ('open', 'acknowledged', 'overdue')
         AND merged_into IS NULL AND origin = 'extracted' AND embedding IS NOT NULL
         -- one sentence the extractor split into two items (website and listing, d13) stays two items
         AND NOT (source_id = $4 AND quote = $5))
     SELECT id, fields, due, 1 - (embedding <=> $3::vector) AS sim FROM candidates
     ORDER BY embedding <=> $3::vector LIMIT 5`,
    [input.accountId, input.type, toVector(input.embedding), input.sourceId, input.quote],
  );
  for (const r of rows) {
    const sim = Number(r.sim);
    if (shouldMerge(input.type, sim, input.fields, r.fields ?? {})) return { id: r.id, similarity: sim, due: r.due };
  }
  return null;
}
