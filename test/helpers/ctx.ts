import { fixedClock } from '../../src/clock.js';
import { composeBase, type BaseCtx, type ComposeOptions } from '../../src/compose.js';
import { parseEnv } from '../../src/config/env.js';
import type { Ctx } from '../../src/ctx.js';
import type { Db } from '../../src/db/types.js';
import { createApp } from '../../src/http/app.js';
import { createJobRunner, type JobRunner } from '../../src/jobs/index.js';
import { silentLogger } from '../../src/logger.js';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export function testConfig(env: Record<string, string> = {}) {
  return parseEnv({ NODE_ENV: 'test', LIAISON_API_TOKEN: TEST_TOKEN, LIAISON_DATA_DIR: '/nonexistent', LIAISON_LOG_LEVEL: 'silent', ...env });
}

export interface TestHarness {
  db: Db;
  base: BaseCtx;
  ctx: Ctx;
  runner: JobRunner;
  clock: ReturnType<typeof fixedClock>;
  app: ReturnType<typeof createApp>;
  /** app.request with the bearer token and JSON encoding. */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** The app as production builds it, on a test database, with a fake clock and a drainable runner. */
export function createHarness(db: Db, opts: { env?: Record<string, string>; now?: string } & Partial<Omit<ComposeOptions, 'config' | 'db'>> = {}): TestHarness {
  const clock = fixedClock(opts.now ?? '2026-03-10T15:00:00Z');
  const config = testConfig(opts.env);
  const base = composeBase({ config, db, clock, logger: silentLogger, ...opts });
  const ctx: Ctx = { ...base, actor: 'test', requestId: null };
  const runner = createJobRunner(ctx, { pollMs: 50 });
  const app = createApp({ base, config, apiToken: TEST_TOKEN });
  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${TEST_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return { db, base, ctx, runner, clock, app, api };
}
