import { composeBase } from '../../compose.js';
import { parseEnv } from '../../config/env.js';
import type { Ctx } from '../../ctx.js';
import { openDatabase } from '../../entry/open-db.js';

/**
 * A Ctx on the configured database, for the fathom commands. With the embedded database, stop the server
 * first (one process per PGlite data dir); with DATABASE_URL they run next to it.
 */
export async function openFathomCtx(): Promise<{ ctx: Ctx; close(): Promise<void> }> {
  const config = parseEnv(process.env);
  const { db } = await openDatabase(config);
  const base = composeBase({ config, db });
  return { ctx: { ...base, actor: 'cli', requestId: null }, close: () => db.close() };
}
