import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/env.js';
import { migrate } from '../db/migrate.js';
import { loadMigrations } from '../db/migrations-fs.js';
import { openPglite } from '../db/pglite.js';
import type { Db } from '../db/types.js';

/** pg when DATABASE_URL is set, else PGlite in <data dir>/pgdata; migrations applied either way. */
export async function openDatabase(config: Config): Promise<{ db: Db; applied: string[]; where: string }> {
  let db: Db;
  let where: string;
  if (config.DATABASE_URL) {
    // Loaded only when used: the embedded shape never pays for the pg driver at start-up.
    const { openPg } = await import('../db/pg.js');
    db = openPg(config.DATABASE_URL);
    where = new URL(config.DATABASE_URL).host;
  } else {
    mkdirSync(config.LIAISON_DATA_DIR, { recursive: true });
    where = join(config.LIAISON_DATA_DIR, 'pgdata');
    db = (await openPglite({ dataDir: where, sharedBuffers: config.LIAISON_PGLITE_SHARED_BUFFERS })).db;
  }
  const applied = await migrate(db, loadMigrations());
  return { db, applied, where };
}
