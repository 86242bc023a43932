import type { Hyperdrive, Queue } from '@cloudflare/workers-types/index.js';
import { z } from 'zod';

/** One Queue message per stored delivery: which source to process. */
export const JobMessage = z.object({ sourceId: z.string().min(1).max(200) });
export type JobMessage = z.infer<typeof JobMessage>;

/** The Worker's bindings (wrangler.toml) plus its vars and secrets, which are strings. */
export interface WorkerEnv {
  /** Postgres through Hyperdrive; DATABASE_URL, when set, wins (local tests). */
  HYPERDRIVE?: Hyperdrive;
  JOBS: Queue<JobMessage>;
  [name: string]: unknown;
}
