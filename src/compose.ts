import { systemClock, type Clock } from './clock.js';
import type { Config } from './config/env.js';
import type { Ctx } from './ctx.js';
import type { Db } from './db/types.js';
import { createExtractor } from './extract/index.js';
import { createJobRunner, type JobRunner } from './jobs/index.js';
import type { JobQueue } from './jobs/types.js';
import { createLlmProvider } from './llm/index.js';
import { createLogger, type Logger } from './logger.js';
import { createEmbedder } from './memory/index.js';

export type BaseCtx = Omit<Ctx, 'actor' | 'requestId'>;

export interface ComposeOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  logger?: Logger;
  /** Overrides for tests and tools. */
  extractor?: Ctx['extractor'];
  llm?: Ctx['llm'];
  embedder?: Ctx['embedder'];
  /** The Worker passes its Queue here; the Node shape uses the in-process runner. */
  jobs?: JobQueue;
}

/** Wires the runtime-agnostic core from config: the Node entry, the CLI, the Worker and tests share it. */
export function composeBase(opts: ComposeOptions): BaseCtx {
  const logger = opts.logger ?? createLogger(opts.config.LIAISON_LOG_LEVEL);
  // The provider logs every call (tokens, latency, raw output on failure) to llm_calls.
  const llm = opts.llm !== undefined ? opts.llm : createLlmProvider(opts.config, { db: opts.db, logger });
  const base: BaseCtx = {
    db: opts.db,
    config: opts.config,
    clock: opts.clock ?? systemClock,
    logger,
    llm,
    extractor: opts.extractor ?? createExtractor(opts.config, llm),
    embedder: opts.embedder ?? createEmbedder(opts.config),
    jobs: opts.jobs ?? { enqueue: async () => {} },
  };
  return base;
}

/** The Node shape: a base ctx whose job queue is an in-process runner. */
export function composeWithRunner(opts: ComposeOptions & { pollMs?: number }): { base: BaseCtx; runner: JobRunner } {
  const base = composeBase(opts);
  const ctx: Ctx = { ...base, actor: 'system', requestId: null };
  const runner = createJobRunner(ctx, { pollMs: opts.pollMs });
  base.jobs = runner;
  ctx.jobs = runner;
  return { base, runner };
}
