import type {
  ExecutionContext, ExportedHandler, ForwardableEmailMessage, MessageBatch, Request as CfRequest, Response as CfResponse, ScheduledController,
} from '@cloudflare/workers-types/index.js';
import { createApp } from '../http/app.js';
import { handleEmail } from './worker/email.js';
import { handleBatch } from './worker/queue.js';
import { ConfigError, openWorkerRuntime, type WorkerRuntime } from './worker/runtime.js';
import { handleScheduled } from './worker/scheduled.js';
import type { WorkerEnv } from './worker/types.js';

// Liaison on Cloudflare Workers: the same app and pipeline as the Node shape. HTTP on fetch, Email
// Routing on email, processing on the Queue consumer, periodic checks on the cron trigger. Each
// invocation opens its own pg pool over Hyperdrive and closes it with waitUntil.

/** How long the Queue holds messages back while the environment is invalid. */
const CONFIG_RETRY_SECONDS = 300;

function badEnvironment(err: ConfigError): Response {
  const body = { error: { code: 'BAD_ENVIRONMENT', message: err.message, requestId: crypto.randomUUID() } };
  console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', msg: 'invalid environment', error: err.issues }));
  return Response.json(body, { status: 500 });
}

async function withRuntime<T>(env: WorkerEnv, ectx: ExecutionContext, fn: (rt: WorkerRuntime) => Promise<T>): Promise<T> {
  const rt = openWorkerRuntime(env);
  try {
    return await fn(rt);
  } finally {
    ectx.waitUntil(rt.close());
  }
}

const handler = {
  async fetch(request: Request, env: WorkerEnv, ectx: ExecutionContext): Promise<Response> {
    let rt: WorkerRuntime;
    try {
      rt = openWorkerRuntime(env);
    } catch (err) {
      if (err instanceof ConfigError) return badEnvironment(err);
      throw err;
    }
    try {
      const app = createApp({ base: rt.base, config: rt.config, apiToken: rt.config.LIAISON_API_TOKEN! });
      return await app.fetch(request);
    } finally {
      ectx.waitUntil(rt.close());
    }
  },

  async email(message: ForwardableEmailMessage, env: WorkerEnv, ectx: ExecutionContext): Promise<void> {
    // A bad environment throws here: Email Routing answers with a temporary error and the mail is retried.
    await withRuntime(env, ectx, (rt) => handleEmail(rt, message));
  },

  async queue(batch: MessageBatch<unknown>, env: WorkerEnv, ectx: ExecutionContext): Promise<void> {
    try {
      await withRuntime(env, ectx, (rt) => handleBatch(rt.ctx('queue'), batch));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      // Leave time to fix the environment before the messages run out of retries; the sources are safe in the database.
      badEnvironment(err);
      batch.retryAll({ delaySeconds: CONFIG_RETRY_SECONDS });
    }
  },

  async scheduled(_controller: ScheduledController, env: WorkerEnv, ectx: ExecutionContext): Promise<void> {
    await withRuntime(env, ectx, (rt) => handleScheduled(rt.ctx('cron')));
  },
};

// The Workers types describe their own Request/Response; at run time they are the global ones.
export default handler as unknown as ExportedHandler<WorkerEnv> & { fetch(r: CfRequest, e: WorkerEnv, c: ExecutionContext): Promise<CfResponse> };
