import type { Clock } from './clock.js';
import type { Config } from './config/env.js';
import type { Db } from './db/types.js';
import type { Extractor } from './extract/types.js';
import type { JobQueue } from './jobs/types.js';
import type { LlmProvider } from './llm/types.js';
import type { Logger } from './logger.js';
import type { Embedder } from './memory/types.js';

/** Everything a verb needs, passed explicitly: verbs take (ctx, input). */
export interface Ctx {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  extractor: Extractor;
  /** The LLM behind drafting, when one is configured; null on the offline defaults. */
  llm: LlmProvider | null;
  embedder: Embedder;
  jobs: JobQueue;
  /** Who acts (an AM's name or email, 'system', 'api'), for the audit log. */
  actor: string;
  requestId: string | null;
}
