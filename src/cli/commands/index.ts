import { bench } from './bench.js';
import { evalCmd } from './eval.js';
import { fathomBackfill } from './fathom-backfill.js';
import { fathomFetch } from './fathom-fetch.js';
import { ingest } from './ingest.js';
import { migrateCmd } from './migrate.js';
import { reembedCmd } from './reembed.js';
import { serve } from './serve.js';
import type { Command } from './types.js';

// One line per command; each lives in its own file.
export const commands: Command[] = [
  serve,
  ingest,
  migrateCmd,
  bench,
  evalCmd,
  fathomBackfill,
  fathomFetch,
  reembedCmd,
];
