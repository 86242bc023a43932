import type { Db } from '../db/types.js';
import { toVector } from '../db/types.js';
import type { ItemType } from '../domain/schemas.js';

// When a newly extracted item is "the same item" as an open one of the same account and type.
// Thresholds were chosen on the development set (../shared/eval-cases, see README "Memory"):
// same-item pairs there (a gold item against its alt_quotes, and repeats of one item inside a case)
// versus distinct items of the same case and type (hard negatives, e.g. the same fix on the website
// and on the Google listing, d03). With the offline embedder every distinct pair scored below 0.56,
// so MERGE_MIN sits above it; a matching owner/requester name lowers the bar a little.
export const MERGE_MIN = 0.62;
export const MERGE_MIN_SAME_PERSON = 0.55;

export type Fields = Record<string, unknown>;

const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : null);

/** Field agreement by type: request channel, commitment owner side, risk kind. Unknown/general agree with anything. */
export function fieldsAgree(type: ItemType, a: Fields, b: Fields): boolean {
  if (type === 'request') return a.channel === b.channel || a.channel === 'general' || b.channel === 'general' || !a.channel || !b.channel;
  if (type === 'commitment') return a.owner_side === b.owner_side || a.owner_side === 'unknown' || b.owner_side === 'unknown';
  return a.kind === b.kind;
}

function samePerson(type: ItemType, a: Fields, b: Fields): boolean {
  const key = type === 'request' ? 'requester' : type === 'commitment' ? 'owner' : null;
  if (!key) return false;
  const x = norm(a[key]);
  return !!x && x === norm(b[key]);
}

/** The merge rule itself: similarity of text+quote embeddings plus agreement of the typed fields. */
export function shouldMerge(type: ItemType, similarity: number, incoming: Fields, existing: Fields): boolean {
  if (!fieldsAgree(type, incoming, existing)) return false;
  return similarity >= (samePerson(type, incoming, existing) ? MERGE_MIN_SAME_PERSON : MERGE_MIN);
}

export interface MergeTarget {
  id: string;
  similarity: number;
  due: string | null;
}

/** The best open item of the account and type that the incoming item should merge into, if any (exact search). */
export async function findMergeTarget(
  tx: Db,
  input: { accountId: string; type: ItemType; embedding: number[]; fields: Fields },
): Promise<MergeTarget | null> {
  const rows = await tx.query<{ id: string; fields: Fields; due: string | null; sim: number }>(
    `WITH candidates AS MATERIALIZED (
       SELECT id, fields, due::text AS due, embedding FROM items
       WHERE account_id = $1 AND type = $2 AND status IN ('open', 'acknowledged', 'overdue')
         AND merged_into IS NULL AND origin = 'extracted' AND embedding IS NOT NULL)
     SELECT id, fields, due, 1 - (embedding <=> $3::vector) AS sim FROM candidates
     ORDER BY embedding <=> $3::vector LIMIT 5`,
    [input.accountId, input.type, toVector(input.embedding)],
  );
  for (const r of rows) {
    const sim = Number(r.sim);
    if (shouldMerge(input.type, sim, input.fields, r.fields ?? {})) return { id: r.id, similarity: sim, due: r.due };
  }
  return null;
}
