import type { ServerType } from '@hono/node-server';
import type { Clock } from '../clock.js';
import { ConfigError, parseEnv, type Config } from '../config/env.js';
import type { BaseCtx } from '../compose.js';
import type { JobRunner } from '../jobs/index.js';
import { resolveApiToken } from './api-token.js';
import { openDatabase } from './open-db.js';

/**
 * The application's modules, loaded while the embedded database opens: both take about a second on a
 * small machine, and the database's WebAssembly start-up and file reads overlap the module loading.
 */
const loadApp = () =>
  Promise.all([import('@hono/node-server'), import('../compose.js'), import('../http/app.js'), import('../jobs/periodic.js'), import('../memory/index.js')]);

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  config: Config;
  base: BaseCtx;
  runner: JobRunner;
  /** The listening HTTP server (benches time requests on it). */
  http: ServerType;
  close(): Promise<void>;
}

/** Starts the Node shape: database (migrated), job runner, HTTP server. Used by `npm start`, the CLI and benches. */
export async function startNodeServer(env: Record<string, string | undefined> = process.env, opts: { clock?: Clock; quiet?: boolean } = {}): Promise<RunningServer> {
  const config = parseEnv(env);
  const modules = loadApp();
  const { db, where } = await openDatabase(config);
  const [{ serve }, { composeWithRunner }, { createApp }, { createPeriodicTimer }, { ensureEmbedder }] = await modules;
  const { base, runner } = composeWithRunner({ config, db, clock: opts.clock });
  await ensureEmbedder(base).catch(async (err: Error) => { // never mix vectors of two embedders
    await db.close();
    throw new ConfigError(`LIAISON_EMBEDDER: ${err.message}`);
  });
  const tokenInfo = resolveApiToken(config);
  const app = createApp({ base, config, apiToken: tokenInfo.token });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  runner.start();
  const periodic = createPeriodicTimer({ ...base, actor: 'system', requestId: null }, {
    minutes: config.LIAISON_CHECK_INTERVAL_MINUTES,
    // Not in the first seconds: the server answers its first requests before the embedded database is busy.
    firstRunDelayMs: 10_000,
  });
  periodic.start();
  const url = `http://localhost:${port}`;
  if (!opts.quiet) {
    const lines = [
      `Liaison is listening on ${url}`,
      `  database:  ${config.DATABASE_URL ? `postgres at ${where}` : `embedded PGlite in ${where}`}`,
      `  extractor: ${base.extractor.name}   embedder: ${base.embedder.name}`,
      tokenInfo.file
        ? `  API token: ${tokenInfo.token}  (${tokenInfo.generated ? 'generated and saved' : 'read from'} ${tokenInfo.file})`
        : '  API token: from LIAISON_API_TOKEN',
      `  try:       curl -H "Authorization: Bearer <token>" ${url}/api/sources`,
      `  review UI: ${url}/  (sign in with the API token)`,
    ];
    console.log(lines.join('\n'));
  }
  return {
    url, port, token: tokenInfo.token, config, base, runner, http: server,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await runner.stop();
      await periodic.stop();
      await db.close();
    },
  };
}
