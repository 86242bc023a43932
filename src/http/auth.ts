import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import type { Db } from '../db/types.js';
import { UnauthorizedError } from '../errors.js';
import { safeEqual } from '../safe-equal.js';
import { isActiveActor, resolveUserToken } from '../review/users.js';
import type { AppEnv } from './types.js';

export { safeEqual };

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

// ---- per-user tokens and the review UI's session cookie ----

/** The API token acts as "admin"; a per-user token (liaison user add) acts as that user's email. */
export function tokenResolver(deps: { apiToken: string; base: { db: Db } }): TokenResolver {
  return async (token) => (safeEqual(token, deps.apiToken) ? 'admin' : resolveUserToken(deps.base.db, token));
}

const SESSION_COOKIE = 'liaison_session';
const LOGIN_CSRF_COOKIE = 'liaison_login';
const SESSION_HOURS = 12;

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function hmac(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(data))));
}

/** Sessions are signed with a key derived from the API token: rotating the token signs everyone out. */
const sessionSecret = (c: Context<AppEnv>) => `liaison-session:${c.get('deps').apiToken}`;

const cookieOpts = { httpOnly: true, secure: true, sameSite: 'Lax' as const, path: '/', prefix: 'host' as const };

export async function startSession(c: Context<AppEnv>, actor: string): Promise<void> {
  const nonce = new Uint8Array(12);
  crypto.getRandomValues(nonce);
  const expires = c.get('deps').base.clock.now().getTime() + SESSION_HOURS * 3600_000;
  const value = b64url(new TextEncoder().encode(JSON.stringify({ a: actor, e: expires, n: b64url(nonce) })));
  await setSignedCookie(c, SESSION_COOKIE, value, sessionSecret(c), { ...cookieOpts, maxAge: SESSION_HOURS * 3600 });
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, cookieOpts);
}

/** The signed-in actor and the session's raw value (the CSRF token is derived from it), or null. */
export async function readSession(c: Context<AppEnv>): Promise<{ actor: string; raw: string } | null> {
  const raw = await getSignedCookie(c, sessionSecret(c), SESSION_COOKIE, 'host');
  if (!raw) return null;
  try {
    const s = JSON.parse(atob(raw.replace(/-/g, '+').replace(/_/g, '/'))) as { a?: unknown; e?: unknown };
    if (typeof s.a !== 'string' || typeof s.e !== 'number' || s.e < c.get('deps').base.clock.now().getTime()) return null;
    if (!(await isActiveActor(c.get('deps').base.db, s.a))) return null;
    return { actor: s.a, raw };
  } catch {
    return null;
  }
}

/** The per-session CSRF token every UI form carries (synchronizer token, on top of the Origin check). */
export async function csrfToken(c: Context<AppEnv>, sessionRaw: string): Promise<string> {
  return hmac(sessionSecret(c), `csrf:${sessionRaw}`);
}

/** A random double-submit token for the sign-in form, before any session exists. */
export function loginCsrf(c: Context<AppEnv>): string {
  const existing = getCookie(c, LOGIN_CSRF_COOKIE, 'host');
  if (existing && /^[\w-]{16,}$/.test(existing)) return existing;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const token = b64url(bytes);
  setCookie(c, LOGIN_CSRF_COOKIE, token, { ...cookieOpts, maxAge: 3600 });
  return token;
}

export function checkLoginCsrf(c: Context<AppEnv>, sent: unknown): boolean {
  const cookie = getCookie(c, LOGIN_CSRF_COOKIE, 'host');
  return typeof sent === 'string' && !!cookie && safeEqual(sent, cookie);
}
