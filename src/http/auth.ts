import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../errors.js';
import type { AppEnv } from './types.js';

/** Constant-time string comparison (Web Crypto friendly, no node:crypto). */
export function safeEqual(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) diff |= (ea[i] ?? 0) ^ (eb[i] ?? 0);
  return diff === 0;
}

/** Resolves a bearer token to an actor name, or null. The API token acts as "admin". */
export type TokenResolver = (token: string) => Promise<string | null>;

export function bearerActor(resolve: TokenResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthorizedError('missing bearer token: send Authorization: Bearer <LIAISON_API_TOKEN>');
    const actor = await resolve(m[1]!);
    if (!actor) throw new UnauthorizedError('invalid bearer token');
    const deps = c.get('deps');
    c.set('ctx', { ...deps.base, actor, requestId: c.get('requestId') });
    await next();
  };
}

/** A Ctx for routes that authenticate their own way (webhooks, inbound email): the actor names the channel. */
export function ctxFor(c: import('hono').Context<AppEnv>, actor: string) {
  return { ...c.get('deps').base, actor, requestId: c.get('requestId') };
}
