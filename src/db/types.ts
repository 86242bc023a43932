/** The one database port. Two drivers implement it: PGlite (embedded) and pg (DATABASE_URL). Same SQL for both. */
export interface Db {
  readonly driver: 'pglite' | 'pg';
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn inside one transaction; rolls back when it throws. Nested calls reuse the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
}

/** pgvector's text form, accepted by a `$n::vector` parameter on both drivers. */
export function toVector(v: readonly number[]): string {
  return `[${v.join(',')}]`;
}

/** Timestamps come back as Date from both drivers; the API speaks ISO strings. */
export function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}

/** A round trip to the database, for health checks. */
export async function ping(db: Db): Promise<void> {
  await db.query('SELECT 1');
}
