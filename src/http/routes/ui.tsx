import { Hono } from 'hono';
import { CSS, JS } from '../ui/assets.js';
import { checkLoginCsrf, endSession, loginCsrf, startSession, tokenResolver } from '../auth.js';
import { LoginPage } from '../ui/login-page.js';
import { render, sameOrigin, session, uiHeaders, type UiEnv } from '../ui/middleware.js';
import { uiPages } from './ui-pages.js';

function safeNext(next: unknown): string {
  const n = typeof next === 'string' ? next : '/';
  return n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\') ? n : '/';
}

export const uiRoutes = new Hono<UiEnv>()
  .get('/ui/app.css', (c) => c.body(CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }))
  .get('/ui/app.js', (c) => c.body(JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' }))
  .get('/login', uiHeaders, (c) => render(c, <LoginPage csrf={loginCsrf(c as never)} next={safeNext(c.req.query('next'))} />))
  .post('/login', uiHeaders, sameOrigin, async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(body.next);
    if (!checkLoginCsrf(c as never, body._csrf)) return render(c, <LoginPage csrf={loginCsrf(c as never)} next={next} error="The sign-in form expired; try again." />, 403);
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const actor = token ? await tokenResolver(c.get('deps'))(token) : null;
    if (!actor) {
      c.get('deps').base.logger.warn('UI sign-in refused', { requestId: c.get('requestId') });
      return render(c, <LoginPage csrf={loginCsrf(c as never)} next={next} error="That token is not valid." />, 401);
    }
    await startSession(c as never, actor);
    return c.redirect(next, 303);
  })
  .post('/logout', uiHeaders, sameOrigin, session, (c) => {
    endSession(c as never);
    return c.redirect('/login', 303);
  })
  .route('/', uiPages);
