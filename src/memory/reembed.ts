import type { Ctx } from '../ctx.js';
import { toVector } from '../db/types.js';
import { AppError } from '../errors.js';
import { writeEmbedderRecord } from './embedder-settings.js';
import { EMBEDDING_DIMENSIONS } from './types.js';

export interface ReembedProgress {
  table: 'chunks' | 'items';
  done: number;
  total: number;
}

/**
 * Re-embeds every chunk and extracted item with ctx.embedder, in batches, each batch committed on its
 * own: rows already carrying the new embedder's name are skipped, so an interrupted run resumes where
 * it stopped. The new embedder is recorded only once nothing is left, so vectors are never mixed.
 */
export async function reembed(
  ctx: Pick<Ctx, 'db' | 'embedder'>,
  opts: { batchSize?: number; onProgress?: (p: ReembedProgress) => void } = {},
): Promise<{ chunks: number; items: number; embedder: string }> {
  const e = ctx.embedder;
  if (e.dimensions !== EMBEDDING_DIMENSIONS) throw new AppError('BAD_ENVIRONMENT', `embedder ${e.name} makes ${e.dimensions}-dimensional vectors; the columns hold ${EMBEDDING_DIMENSIONS}`);
  const batch = opts.batchSize ?? 64;
  const counts = { chunks: 0, items: 0 };
  for (const table of ['chunks', 'items'] as const) {
    const where = table === 'chunks' ? 'embedder IS DISTINCT FROM $1' : `origin = 'extracted' AND embedder IS DISTINCT FROM $1`;
    const [{ n } = { n: 0 }] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, [e.name]);
    const total = Number(n);
    let done = 0;
    opts.onProgress?.({ table, done, total });
    for (;;) {
      const rows = await ctx.db.query<{ id: string; text: string; quote?: string }>(
        table === 'chunks'
          ? `SELECT id, text FROM chunks WHERE ${where} ORDER BY id LIMIT $2`
          : `SELECT id, text, quote FROM items WHERE ${where} ORDER BY id LIMIT $2`,
        [e.name, batch],
      );
      if (!rows.length) break;
      const vectors = await e.embed(rows.map((r) => (table === 'items' ? `${r.text}\n${r.quote}` : r.text)));
      await ctx.db.transaction(async (tx) => {
        for (const [i, r] of rows.entries()) {
          await tx.query(`UPDATE ${table} SET embedding = $2::vector, embedder = $3 WHERE id = $1`, [r.id, toVector(vectors[i]!), e.name]);
        }
      });
      done += rows.length;
      counts[table] += rows.length;
      opts.onProgress?.({ table, done, total });
    }
  }
  await writeEmbedderRecord(ctx.db, e);
  return { ...counts, embedder: e.name };
}
