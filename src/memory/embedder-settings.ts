import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors.js';
import { EMBEDDING_DIMENSIONS, type Embedder } from './types.js';

export interface EmbedderRecord {
  name: string;
  dimensions: number;
}

const KEY = 'embedder';

export async function readEmbedderRecord(db: Db): Promise<EmbedderRecord | null> {
  const rows = await db.query<{ value: EmbedderRecord }>('SELECT value FROM settings WHERE key = $1', [KEY]);
  return rows[0]?.value ?? null;
}

export async function writeEmbedderRecord(db: Db, e: Pick<Embedder, 'name' | 'dimensions'>): Promise<void> {
  await db.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [KEY, JSON.stringify({ name: e.name, dimensions: e.dimensions })],
  );
}

export class EmbedderMismatchError extends AppError {
  constructor(recorded: EmbedderRecord, configured: Embedder) {
    super(
      'BAD_ENVIRONMENT',
      `the stored vectors were made by embedder ${recorded.name} (${recorded.dimensions} dims), but this process is configured with ` +
        `${configured.name}. Vectors are never mixed: run \`liaison reembed\` to re-embed everything with ${configured.name}, ` +
        'or set LIAISON_EMBEDDER / LIAISON_EMBEDDING_MODEL back to what the database was built with.',
    );
  }
}

/**
 * Checks the configured embedder against the one recorded in settings; records it on first use.
 * Refuses (a clear BAD_ENVIRONMENT error) when they differ, so vectors from two embedders never mix.
 */
export async function ensureEmbedder(ctx: Pick<Ctx, 'db' | 'embedder'>): Promise<void> {
  const e = ctx.embedder;
  if (e.dimensions !== EMBEDDING_DIMENSIONS) {
    throw new AppError('BAD_ENVIRONMENT', `embedder ${e.name} makes ${e.dimensions}-dimensional vectors; the database columns hold ${EMBEDDING_DIMENSIONS}`);
  }
  const recorded = await readEmbedderRecord(ctx.db);
  if (!recorded) {
    // First use: adopt the configured embedder, unless vectors from another one are already stored.
    const other = await ctx.db.query<{ embedder: string }>('SELECT embedder FROM chunks WHERE embedder IS DISTINCT FROM $1 LIMIT 1', [e.name]);
    if (other[0]?.embedder) throw new EmbedderMismatchError({ name: other[0].embedder, dimensions: EMBEDDING_DIMENSIONS }, e);
    await writeEmbedderRecord(ctx.db, e);
    return;
  }
  if (recorded.name !== e.name || recorded.dimensions !== e.dimensions) throw new EmbedderMismatchError(recorded, e);
}
