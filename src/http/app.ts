import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors.js';
import { bearerActor, tokenResolver } from './auth.js';
import { errorBody, handleError } from './errors.js';
import { accountRoutes } from './routes/accounts.js';
import { draftRoutes } from './routes/drafts.js';
import { healthRoutes } from './routes/health.js';
import { inboundRoutes } from './routes/inbound.js';
import { itemRoutes } from './routes/items.js';
import { searchRoutes } from './routes/search.js';
import { sourceRoutes } from './routes/sources.js';
import { uiRoutes } from './routes/ui.js';
import { webhookRoutes } from './routes/webhooks.js';
import type { AppDeps, AppEnv } from './types.js';

/** The one app factory: the Node server, the Worker and every test build the same app. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', secureHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.config.LIAISON_BODY_LIMIT,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `body is over the ${deps.config.LIAISON_BODY_LIMIT}-byte limit`);
      },
    }),
  );

  // Deliveries are answered before the in-process runner takes on more work (src/jobs/runner.ts).
  const delivery: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const done = deps.base.jobs.deliveryStarted?.();
    try {
      await next();
    } finally {
      done?.();
    }
  };
  app.use('/webhooks/*', delivery);
  app.use('/inbound/*', delivery);
  app.use('/api/sources', delivery);

  const resolveToken = tokenResolver(deps);
  app.use('/api/*', bearerActor(resolveToken));

  app.route('/', healthRoutes);
  app.route('/api/sources', sourceRoutes);
  app.route('/api/drafts', draftRoutes);
  app.route('/api/accounts', accountRoutes);
  app.route('/api/items', itemRoutes);
  app.route('/api/search', searchRoutes);
  app.route('/inbound', inboundRoutes);
  app.route('/webhooks', webhookRoutes);
  app.route('/', uiRoutes);

  app.notFound((c) => c.json(errorBody(c, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError(handleError);
  return app;
}
export type App = ReturnType<typeof createApp>;
