import type { Db } from '../db/types.js';
import { toVector } from '../db/types.js';
import type { NormalizedSource } from '../domain/schemas.js';
import { newId } from '../ids.js';
import { FULFIL_MIN_OVERLAP, FULFIL_MIN_SIMILARITY, stemOverlap, type CompletionStatement } from './fulfilment.js';

interface Candidate { id: string; text: string; quote: string; fields: Record<string, unknown>; sim: number }

function sameSide(c: CompletionStatement, fields: Record<string, unknown>): boolean {
  const owner = typeof fields.owner === 'string' ? fields.owner.toLowerCase() : null;
  if (owner && c.speaker && owner === c.speaker.toLowerCase()) return true;
  return fields.owner_side === c.side || fields.owner_side === 'unknown' || c.side === 'unknown';
}

/**
 * Moves open (or overdue) commitments of the account to done when this later source reports them
 * done, and records the statement as a 'fulfilment' mention (quote, locator) on the commitment.
 */
export async function markFulfilled(
  tx: Db,
  input: { accountId: string; sourceId: string; extractionId: string; source: NormalizedSource; completions: CompletionStatement[]; vectors: number[][] },
): Promise<string[]> {
  const done: string[] = [];
  for (const [i, c] of input.completions.entries()) {
    const rows = await tx.query<Candidate>(
      `WITH candidates AS MATERIALIZED (
         SELECT i.id, i.text, i.quote, i.fields, i.embedding FROM items i JOIN sources s ON s.id = i.source_id
         WHERE i.account_id = $1 AND i.type = 'commitment' AND i.status IN ('open', 'overdue') AND i.merged_into IS NULL
           AND i.source_id <> $2 AND s.occurred_at <= $3::timestamptz AND i.embedding IS NOT NULL)
       SELECT id, text, quote, fields, 1 - (embedding <=> $4::vector) AS sim FROM candidates ORDER BY embedding <=> $4::vector LIMIT 20`,
      [input.accountId, input.sourceId, input.source.occurredAt, toVector(input.vectors[i]!)],
    );
    let best: { row: Candidate; score: number } | null = null;
    for (const r of rows) {
      if (done.includes(r.id) || !sameSide(c, r.fields ?? {})) continue;
      const sim = Number(r.sim);
      const overlap = Math.max(stemOverlap(c.text, r.text), stemOverlap(c.text, r.quote));
      if (sim < FULFIL_MIN_SIMILARITY && overlap < FULFIL_MIN_OVERLAP) continue;
      const score = Math.max(sim, overlap);
      if (!best || score > best.score) best = { row: r, score };
    }
    if (!best) continue;
    done.push(best.row.id);
    await tx.query(`UPDATE items SET status = 'done', status_changed_at = now(), updated_at = now() WHERE id = $1`, [best.row.id]);
    await tx.query(
      `INSERT INTO item_mentions (id, item_id, source_id, extraction_id, quote, locator, fields, similarity, text, role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'fulfilment')`,
      [newId('men'), best.row.id, input.sourceId, input.extractionId, c.text, JSON.stringify(c.locator), JSON.stringify({ speaker: c.speaker, side: c.side }), best.score, c.text],
    );
  }
  return done;
}
