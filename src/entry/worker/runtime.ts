import { composeBase, type BaseCtx } from '../../compose.js';
import { ConfigError, parseEnv, type Config } from '../../config/env.js';
import type { Ctx } from '../../ctx.js';
import { openPg } from '../../db/pg.js';
import { createLogger, type Logger } from '../../logger.js';
import type { WorkerEnv } from './types.js';

/** Hyperdrive pools connections at the edge; a Worker keeps a few sockets per invocation. */
const POOL_MAX = 4;

export interface WorkerRuntime {
  config: Config;
  base: BaseCtx;
  /** A Ctx for work that no request carries (email, queue, cron). */
  ctx(actor: string): Ctx;
  /** Ends the invocation's database pool; pass to ctx.waitUntil. */
  close(): Promise<void>;
}

/** JSON lines through the console method of their level, so Workers Logs files them under it. */
export function workerLogger(config: Config): Logger {
  return createLogger(config.LIAISON_LOG_LEVEL, { runtime: 'workers' }, (line) => {
    const level = /^\{"t":"[^"]*","level":"(\w+)"/.exec(line)?.[1];
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  });
}

/** The string vars and secrets of a Worker env; bindings (Hyperdrive, Queue) are not config. */
export function envStrings(env: WorkerEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Parses the Worker's env with the one schema, plus what only the Worker requires. Throws ConfigError. */
export function parseWorkerEnv(env: WorkerEnv): { config: Config; connectionString: string } {
  const config = parseEnv(envStrings(env));
  const problems: string[] = [];
  if (!config.LIAISON_API_TOKEN) problems.push('LIAISON_API_TOKEN: required on Workers (npx wrangler secret put LIAISON_API_TOKEN)');
  const connectionString = config.DATABASE_URL ?? env.HYPERDRIVE?.connectionString;
  if (!connectionString) problems.push('HYPERDRIVE: no Hyperdrive binding and no DATABASE_URL');
  if (problems.length) throw new ConfigError(problems.join('; '));
  return { config, connectionString: connectionString! };
}

/**
 * The core for one invocation: config, a pg pool over Hyperdrive (sockets cannot outlive the
 * invocation that opened them), and the Queue as the job queue instead of the in-process runner.
 */
export function openWorkerRuntime(env: WorkerEnv): WorkerRuntime {
  const { config, connectionString } = parseWorkerEnv(env);
  const db = openPg(connectionString, { max: POOL_MAX });
  const base = composeBase({
    config,
    db,
    logger: workerLogger(config),
    jobs: { enqueue: async (sourceId) => { await env.JOBS.send({ sourceId }); } },
  });
  return {
    config,
    base,
    ctx: (actor) => ({ ...base, actor, requestId: null }),
    close: () => db.close().catch((err: unknown) => base.logger.warn('closing the database pool failed', { error: String(err) })),
  };
}

export { ConfigError };
