import type { NormalizedSource } from '../../domain/schemas.js';
import type { Account, SourceSummary } from '../../ingest/index.js';
import { CsrfField, fmtAt, Layout, PostButton, safeHref } from './layout.js';

export function SourcesPage(props: { unassigned: SourceSummary[]; failed: SourceSummary[]; accounts: Account[]; actor: string; csrf: string; flash?: string | null }) {
  return (
    <Layout title="Sources" actor={props.actor} csrf={props.csrf}>
      {props.flash ? <p class="ok" role="status">{props.flash}</p> : null}
      <h1>Unassigned sources</h1>
      {props.unassigned.length ? (
        <table id="unassigned"><thead><tr><th>Source</th><th>Received</th><th>Assign to</th></tr></thead><tbody>
          {props.unassigned.map((s) => (
            <tr>
              <td><span class="badge">{s.kind}</span> <a href={`/sources/${s.id}`}>{s.title ?? s.id}</a></td>
              <td class="muted">{s.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>
                <form method="post" action={`/sources/${s.id}/assign`} class="row">
                  <CsrfField token={props.csrf} />
                  <select name="accountId" required><option value="">choose…</option>{props.accounts.map((a) => <option value={a.id}>{a.name}</option>)}</select>
                  <button type="submit">Assign</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody></table>
      ) : <p class="muted">Nothing waiting for an account.</p>}
      <h1>Failed sources</h1>
      {props.failed.length ? (
        <table id="failed"><thead><tr><th>Source</th><th>Error</th><th>Attempts</th><th></th></tr></thead><tbody>
          {props.failed.map((s) => (
            <tr>
              <td><span class="badge">{s.kind}</span> <a href={`/sources/${s.id}`}>{s.title ?? s.id}</a></td>
              <td class="muted">{s.lastError ?? ''}</td><td>{s.attempts}</td>
              <td><PostButton action={`/sources/${s.id}/retry`} csrf={props.csrf} label="Retry" /></td>
            </tr>
          ))}
        </tbody></table>
      ) : <p class="muted">No failed sources.</p>}
    </Layout>
  );
}

export function SourcePage(props: { summary: SourceSummary; source: NormalizedSource | null; actor: string; csrf: string }) {
  const { summary: s, source } = props;
  const link = safeHref(source?.links.url);
  return (
    <Layout title={s.title ?? 'Source'} actor={props.actor} csrf={props.csrf}>
      <h1>{s.title ?? s.id}</h1>
      <p><span class="badge">{s.kind}</span> <span class={`badge ${s.status}`}>{s.status}</span> <span class="muted">{s.occurredAt ?? s.createdAt}</span>
        {s.accountId ? <> · <a href={`/accounts/${s.accountId}`}>account</a></> : null}
        {link ? <> · <a href={link} rel="noopener noreferrer" target="_blank">original</a></> : null}
        {source?.links.messageId ? <span class="muted"> · Message-ID {source.links.messageId}</span> : null}
      </p>
      {s.lastError ? <p class="error">{s.lastError}</p> : null}
      {source ? (
        <>
          <p class="muted">{source.participants.map((p) => `${p.name}${p.email ? ` <${p.email}>` : ''} (${p.side})`).join(', ')}</p>
          <div class="card" id="segments">
            {source.segments.map((g) => (
              <p><strong>{g.speaker ?? ''}</strong>{g.at !== null ? <span class="muted"> {fmtAt(g.at)}</span> : null}<br /><span class="pre">{g.text}</span></p>
            ))}
          </div>
          {source.context.map((b) => <details class="card"><summary>{b.kind.replace(/_/g, ' ')}{b.author ? ` · ${b.author}` : ''}</summary><pre class="body">{b.text}</pre></details>)}
        </>
      ) : <p class="muted">Not normalized yet.</p>}
    </Layout>
  );
}
