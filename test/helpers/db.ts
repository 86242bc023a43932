import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations-fs.js';
import { openPg } from '../../src/db/pg.js';
import { openPglite } from '../../src/db/pglite.js';
import type { Db } from '../../src/db/types.js';
import { loadTemplate } from './template.js';

export type Driver = 'pglite' | 'pg';

/** A fresh, migrated in-memory PGlite (from the template). */
export async function createPgliteDb(): Promise<Db> {
  const { db } = await openPglite({ loadDataDir: await loadTemplate() });
  await migrate(db, loadMigrations()); // no-op unless a migration is newer than the template
  return db;
}

/** The `pg` driver over the wire, against PGlite served by pglite-socket on 127.0.0.1. */
export async function createPgOverSocketDb(): Promise<Db> {
  const { db: inner, pglite } = await openPglite({ loadDataDir: await loadTemplate() });
  await migrate(inner, loadMigrations());
  const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 10 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  const db = openPg({ host, port: Number(port), user: 'postgres', database: 'postgres' });
  return {
    ...db,
    async close() {
      await db.close();
      await server.stop();
      await inner.close();
    },
  };
}

export function createDb(driver: Driver): Promise<Db> {
  return driver === 'pg' ? createPgOverSocketDb() : createPgliteDb();
}

export const DRIVERS: Driver[] = ['pglite', 'pg'];
