import type { Account } from '../../ingest/index.js';
import type { QueuePage } from '../../review/index.js';
import { DraftKind, DraftStatus } from '../../domain/schemas.js';
import { Layout } from './layout.js';

function pageHref(q: QueuePage, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q.filters)) if (v && !(k === 'status' && v === 'pending')) p.set(k, v);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

export function QueuePageView(props: { q: QueuePage; accounts: Account[]; ams: string[]; actor: string; csrf: string; counts: { unassigned: number; failed: number } }) {
  const { q } = props;
  return (
    <Layout title="Review queue" actor={props.actor} csrf={props.csrf}>
      <h1>Review queue</h1>
      {props.counts.unassigned || props.counts.failed ? (
        <p class="card">
          <a href="/sources">{props.counts.unassigned} unassigned source(s) and {props.counts.failed} failed source(s)</a> need attention.
        </p>
      ) : null}
      <form method="get" action="/" class="row card" id="filters">
        <label>Kind<br />
          <select name="kind"><option value="">all</option>{DraftKind.options.map((k) => <option value={k} selected={q.filters.kind === k}>{k}</option>)}</select>
        </label>
        <label>Account<br />
          <select name="account"><option value="">all</option>{props.accounts.map((a) => <option value={a.id} selected={q.filters.account === a.id}>{a.name}</option>)}</select>
        </label>
        <label>AM<br />
          <select name="am"><option value="">all</option>{props.ams.map((a) => <option value={a} selected={q.filters.am === a}>{a}</option>)}</select>
        </label>
        <label>Status<br />
          <select name="status">{DraftStatus.options.map((s) => <option value={s} selected={q.filters.status === s}>{s}</option>)}</select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p class="muted">{q.total} draft(s){q.pages > 1 ? `, page ${q.page} of ${q.pages}` : ''}</p>
      <table id="queue">
        <thead><tr><th>Kind</th><th>Draft</th><th>Account</th><th>Evidence</th><th>Created</th><th>Status</th></tr></thead>
        <tbody>
          {q.drafts.map((d) => (
            <tr>
              <td><span class="badge">{d.kind}</span></td>
              <td><a href={`/drafts/${d.id}`}>{d.title}</a></td>
              <td>{d.accountId ? <a href={`/accounts/${d.accountId}`}>{d.accountName ?? d.accountId}</a> : <span class="muted">none</span>}</td>
              <td>{d.evidenceCount}</td>
              <td class="muted">{d.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td><span class={`badge ${d.status}`}>{d.status}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      {q.pages > 1 ? (
        <nav class="pages">
          {q.page > 1 ? <a href={pageHref(q, q.page - 1)} rel="prev">← Newer</a> : null}
          {q.page < q.pages ? <a href={pageHref(q, q.page + 1)} rel="next">Older →</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
