import pg from 'pg';
import type { Db } from './types.js';

const DATE_OID = 1082;
const INT8_OID = 20;
const typeOverrides = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (v: string) => v;
    // count(*) and bigint ids: our values fit a double.
    if (oid === INT8_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

function wrapClient(client: pg.PoolClient): Db {
  const db: Db = {
    driver: 'pg',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await client.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    transaction: (fn) => fn(db),
    async close() {},
  };
  return db;
}

export function openPg(connectionString: string | pg.PoolConfig, opts: { max?: number } = {}): Db {
  const config: pg.PoolConfig =
    typeof connectionString === 'string' ? { connectionString } : { ...connectionString };
  const pool = new pg.Pool({ max: opts.max ?? 5, ...config, types: typeOverrides });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  return {
    driver: 'pg',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await pool.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrapClient(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
