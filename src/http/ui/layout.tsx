import type { Child } from 'hono/jsx';

/** Only http(s), mailto and same-site paths become links: a javascript: or data: URL from client text never does. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  if (/^https?:\/\//i.test(u) || /^mailto:/i.test(u)) return u;
  if (u.startsWith('/') && !u.startsWith('//')) return u;
  return null;
}

export function fmtAt(at: number | null | undefined): string {
  if (at === null || at === undefined) return '';
  const s = Math.floor(at);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

export function Layout(props: { title: string; actor?: string | null; csrf?: string; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · Liaison</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/ui/app.css" />
        <script src="/ui/app.js" defer></script>
      </head>
      <body>
        <header>
          <strong>Liaison</strong>
          {props.actor ? (
            <>
              <a href="/">Queue</a>
              <a href="/accounts">Accounts</a>
              <a href="/sources">Sources</a>
              <span class="who">{props.actor}</span>
              <form method="post" action="/logout" class="inline">
                <CsrfField token={props.csrf ?? ''} />
                <button type="submit">Sign out</button>
              </form>
            </>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** Every UI form carries the session's CSRF token. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function PostButton(props: { action: string; csrf: string; label: string; primary?: boolean; fields?: Record<string, string | number> }) {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="_csrf" value={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([k, v]) => <input type="hidden" name={k} value={String(v)} />)}
      <button type="submit" class={props.primary ? 'primary' : undefined}>{props.label}</button>
    </form>
  );
}
