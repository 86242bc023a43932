import type { App } from '../../src/http/app.js';

export const ORIGIN = 'http://localhost';

/** A tiny browser stand-in for in-process UI tests: a cookie jar, same-site Origin on posts, form encoding. */
export function uiClient(app: App, origin = ORIGIN) {
  const jar = new Map<string, string>();
  async function request(method: string, path: string, form?: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extra };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && !('origin' in extra)) headers.origin = origin;
    let body: string | undefined;
    if (form) {
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await app.request(`${ORIGIN}${path}`, { method, headers, body });
    for (const sc of res.headers.getSetCookie()) {
      const kv = sc.split(';')[0]!;
      const i = kv.indexOf('=');
      const [k, v] = [kv.slice(0, i), kv.slice(i + 1)];
      if (/max-age=0/i.test(sc) || v === '') jar.delete(k);
      else jar.set(k, v);
    }
    return res;
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    jar,
    request,
    get: (path: string) => request('GET', path),
    csrfOf,
    /** Loads a page, then posts a form on it with the page's CSRF token. */
    async submit(pagePath: string, action: string, fields: Record<string, string> = {}): Promise<Response> {
      const html = await (await request('GET', pagePath)).text();
      return request('POST', action, { _csrf: csrfOf(html), ...fields });
    },
    async signIn(token: string): Promise<Response> {
      const html = await (await request('GET', '/login')).text();
      return request('POST', '/login', { _csrf: csrfOf(html), token, next: '/' });
    },
  };
}
