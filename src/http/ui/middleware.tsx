import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { csrf } from 'hono/csrf';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { ZodError } from 'zod';
import { AppError, describeIssues } from '../../errors.js';
import { csrfToken, readSession, safeEqual } from '../auth.js';
import type { AppEnv } from '../types.js';
import { CSP } from './assets.js';
import { MessagePage } from './login-page.js';

export type UiEnv = { Variables: AppEnv['Variables'] & { csrf: string } };

export function render(c: Context<UiEnv> | Context<AppEnv>, el: JSX.Element, status = 200) {
  return c.html(html`<!DOCTYPE html>${el}`, status as 200);
}

/** A strict CSP and no caching on every UI page: client text is escaped, and this is the second wall. */
export const uiHeaders: MiddlewareHandler<UiEnv> = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CSP);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'same-origin');
};

/** Form posts must come from this site (Origin or Sec-Fetch-Site), as well as carry the session's token. */
export const sameOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === (c as Context<AppEnv>).get('deps').config.publicUrl });

/** Signed-in pages: a valid session cookie, and for a POST the session's CSRF token. Renders HTML errors. */
export const session: MiddlewareHandler<UiEnv> = async (c, next) => {
  const s = await readSession(c as never);
  if (!s) {
    if (c.req.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search)}`, 303);
    return render(c, <MessagePage title="Signed out" message="Your session has ended. Sign in again." back="/login" />, 401);
  }
  c.set('ctx', { ...c.get('deps').base, actor: s.actor, requestId: c.get('requestId') });
  c.set('csrf', await csrfToken(c as never, s.raw));
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody();
    if (!safeEqual(String(body._csrf ?? ''), c.get('csrf'))) {
      return render(c, <MessagePage title="Form expired" message="This form's security token did not match. Reload the page and try again." actor={s.actor} csrf={c.get('csrf')} back="/" />, 403);
    }
  }
  try {
    await next();
  } catch (err) {
    // Client mistakes and conflicts (someone else approved first) show as a page, with the right status.
    const status = err instanceof AppError ? err.status : err instanceof ZodError ? 400 : 500;
    if (status >= 500) throw err;
    const message = err instanceof ZodError ? describeIssues(err.issues) : (err as Error).message;
    c.res = await render(c, <MessagePage title={status === 409 ? 'Already decided' : 'Cannot do that'} message={message} actor={s.actor} csrf={c.get('csrf')} back={c.req.header('referer') ? new URL(c.req.url).pathname.replace(/\/(approve|reject|edit|publish|assign|retry)$/, '') : '/'} />, status);
  }
};

/** GET pages: headers and a session. */
export const page = [uiHeaders, session] as const;
/** Form posts: headers, same origin, a session and its CSRF token. */
export const form = [uiHeaders, sameOrigin, session] as const;
