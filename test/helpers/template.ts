import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations-fs.js';
import { openPglite } from '../../src/db/pglite.js';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));

function templatePath(): string {
  const h = createHash('sha256');
  for (const m of loadMigrations()) h.update(m.name).update(m.sql);
  return join(ARTIFACTS, `pglite-template-${h.digest('hex').slice(0, 16)}.tar.gz`);
}

/** A dumped, migrated PGlite data dir, rebuilt only when the migrations change. */
export async function buildTemplate(): Promise<string> {
  const file = templatePath();
  if (existsSync(file)) return file;
  mkdirSync(ARTIFACTS, { recursive: true });
  const { db, pglite } = await openPglite();
  await migrate(db, loadMigrations());
  const blob = await pglite.dumpDataDir('gzip');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
  await db.close();
  return file;
}

export async function loadTemplate(): Promise<Blob> {
  const file = await buildTemplate();
  return new Blob([readFileSync(file)]);
}
