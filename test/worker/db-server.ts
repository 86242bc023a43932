import type { PGlite } from '@electric-sql/pglite';
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

// Extended-protocol messages that leave a batch open until the client's Sync (P B D E C H).
const IN_BATCH = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
// Sync, simple Query, Terminate: the batch is over.
const BATCH_END = new Set([0x53, 0x51, 0x58]);

/**
 * pglite-socket queues each wire message on its own and keeps a connection's turn only inside a
 * transaction, so with several connections one client's Parse can land between another's Bind and
 * Execute ('portal "" does not exist'). Real Postgres has a session per connection. This keeps a
 * connection's turn from its first extended-protocol message to its Sync, as a session would.
 */
function keepBatchesTogether(server: PGLiteSocketServer, pglite: PGlite): void {
  const queue = (server as unknown as { queryQueue?: { db: PGlite } }).queryQueue;
  if (!queue?.db) throw new Error('pglite-socket internals changed: no queryQueue.db to wrap');
  let midBatch = false;
  queue.db = new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => midBatch || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return async (message: Uint8Array, opts: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          try {
            return await target.execProtocolRawStream(message, opts);
          } finally {
            if (IN_BATCH.has(message[0]!)) midBatch = true;
            else if (BATCH_END.has(message[0]!) || message[0] === 0) midBatch = false;
          }
        };
      }
      if (prop === 'exec') midBatch = false; // the queue's ROLLBACK after a client left mid-transaction
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A migrated PGlite (from the test template) served over the Postgres wire protocol on 127.0.0.1. */
export async function servePglite(): Promise<PgliteServer> {
  const { db, pglite } = await openPglite({ loadDataDir: await loadTemplate() });
  await migrate(db, loadMigrations());
  const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 20 });
  keepBatchesTogether(server, pglite);
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
