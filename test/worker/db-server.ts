import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations-fs.js';
import { openPglite } from '../../src/db/pglite.js';
import { loadTemplate } from '../helpers/template.js';

export interface PgliteServer {
  /** A postgres:// URL (with a password: wrangler's Hyperdrive emulation requires one; PGlite ignores it). */
  url: string;
  close(): Promise<void>;
}

/** A migrated PGlite (from the test template) served over the Postgres wire protocol on 127.0.0.1. */
export async function servePglite(): Promise<PgliteServer> {
  const { db, pglite } = await openPglite({ loadDataDir: await loadTemplate() });
  await migrate(db, loadMigrations());
  const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 20 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
