import type { Config } from '../config/env.js';
import type { Ctx } from '../ctx.js';

/** What createApp needs: the request-independent part of Ctx, and the API token. */
export interface AppDeps {
  base: Omit<Ctx, 'actor' | 'requestId'>;
  config: Config;
  apiToken: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** The per-request Ctx, with actor and request id, set by the auth middleware. */
    ctx: Ctx;
  };
}
