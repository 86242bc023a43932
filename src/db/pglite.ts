import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Db } from './types.js';

// DATE stays a 'YYYY-MM-DD' string: a JS Date would shift it by the process time zone.
const parsers = { [types.DATE]: (v: string) => v };

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(q: Queryable, root: PGlite | null): Db {
  const db: Db = {
    driver: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (!root) return fn(db);
      return root.transaction((tx) => fn(wrap(tx, null)));
    },
    async close() {
      if (root && !root.closed) await root.close();
    },
  };
  return db;
}

export interface PgliteOptions {
  /** A data directory on disk, or undefined for in-memory. Its parent must exist. */
  dataDir?: string;
  /** A dumped data dir (tar) to start from: a fast path for tests. */
  loadDataDir?: Blob;
  /** Postgres shared_buffers (e.g. '320MB'); PGlite's own default (128MB) when unset. */
  sharedBuffers?: string;
}

export async function openPglite(opts: PgliteOptions = {}): Promise<{ db: Db; pglite: PGlite }> {
  const pglite = await PGlite.create(opts.dataDir, {
    extensions: { vector },
    parsers,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    ...(opts.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] } : {}),
  });
  // PGlite runs Postgres single-user in this process: a new 16 MB WAL segment is zero-filled by the same
  // thread that answers requests. A two-hour Fathom call writes ~0.5 MB of WAL, so at 50 deliveries/s a
  // segment was filled every ~0.7 s and its zero-fill landed on one acknowledgement's latency. Zero-fill
  // only matters on copy-on-write file systems; the embedded data dir sits on an ordinary one.
  await pglite.exec('SET wal_init_zero = off');
  return { db: wrap(pglite, pglite), pglite };
}
