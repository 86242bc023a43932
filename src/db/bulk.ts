import type { Db } from './types.js';

/**
 * Inserts many rows in one statement: the rows travel as one jsonb parameter and are expanded with
 * jsonb_to_recordset. On PGlite each statement costs about half a millisecond, so a 60-minute call's
 * few hundred items and chunks go in one round trip instead of hundreds.
 *
 * `columns` maps each column to its SQL type; `vector` columns travel as text ('[1,2,3]') and are cast.
 */
export async function insertMany(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: ReadonlyArray<Record<string, unknown>>,
  suffix = '',
): Promise<void> {
  if (!rows.length) return;
  const names = Object.keys(columns);
  const recordType = names.map((n) => `${n} ${columns[n]!.startsWith('vector') ? 'text' : columns[n]}`).join(', ');
  const select = names.map((n) => (columns[n]!.startsWith('vector') ? `x.${n}::${columns[n]}` : `x.${n}`)).join(', ');
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM jsonb_to_recordset($1::jsonb) AS x(${recordType}) ${suffix}`,
    [JSON.stringify(rows)],
  );
}
