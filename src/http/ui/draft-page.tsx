import type { AuditEntry } from '../../audit.js';
import type { Draft } from '../../domain/schemas.js';
import { CsrfField, fmtAt, Layout, PostButton, safeHref } from './layout.js';

export interface DraftPageProps {
  draft: Draft;
  accountName: string | null;
  edits: Array<{ version: number; before: string; after: string; editor: string; createdAt: string }>;
  audit: AuditEntry[];
  /** Client addresses for the mailto: link (from the source's participants). */
  recipients: string[];
  notionUrl: string | null;
  actor: string;
  csrf: string;
  flash?: string | null;
}

const SENDABLE = new Set(['recap', 'ack', 'chaser']);

export function mailtoHref(to: string[], subject: string, body: string): string {
  const addrs = to.filter((a) => /^[^\s@<>"',;]+@[^\s@<>"',;]+$/.test(a)).map(encodeURIComponent).join(',');
  return `mailto:${addrs}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

function Evidence(props: { draft: Draft }) {
  if (!props.draft.evidence.length) return <p class="muted">No evidence attached.</p>;
  return (
    <ul id="evidence">
      {props.draft.evidence.map((e) => {
        const href = safeHref(e.url);
        return (
          <li>
            <blockquote>{e.quote}</blockquote>
            <span class="muted">
              {e.speaker ?? 'unknown speaker'}{e.at !== null ? ` at ${fmtAt(e.at)}` : ''}{' · '}
              {href ? <a href={href} rel="noopener noreferrer" target={href.startsWith('/') ? undefined : '_blank'}>{e.at !== null ? 'play from here' : 'open source'}</a> : <a href={`/sources/${e.sourceId}`}>open source</a>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function DraftPage(p: DraftPageProps) {
  const d = p.draft;
  const pending = d.status === 'pending';
  return (
    <Layout title={d.title} actor={p.actor} csrf={p.csrf}>
      <p><a href="/">← Queue</a></p>
      {p.flash ? <p class="ok" role="status">{p.flash}</p> : null}
      <h1 id="draft-title">{d.title}</h1>
      <p>
        <span class="badge">{d.kind}</span> <span class={`badge ${d.status}`} id="draft-status">{d.status}</span>{' '}
        {d.accountId ? <a href={`/accounts/${d.accountId}`}>{p.accountName ?? d.accountId}</a> : null}
        {d.sourceId ? <> · <a href={`/sources/${d.sourceId}`}>source</a></> : null}
        {d.decidedBy ? <span class="muted"> · {d.status === 'rejected' ? 'rejected' : 'approved'} by {d.decidedBy}</span> : null}
      </p>
      {d.rejectReason ? <p class="card">Rejected: {d.rejectReason}</p> : null}
      {p.notionUrl ? <p class="ok">Published to Notion: <a href={p.notionUrl} rel="noopener noreferrer" target="_blank" id="notion-link">open the page</a></p> : null}
      {d.status === 'publish_failed' ? (
        <div class="error" id="publish-error">
          <p>Approved, but publishing failed: {d.publishError}</p>
          <PostButton action={`/drafts/${d.id}/publish`} csrf={p.csrf} label="Retry publish" primary />
        </div>
      ) : null}

      {pending ? (
        <form method="post" action={`/drafts/${d.id}/edit`} class="card" id="edit-form">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="version" value={String(d.version)} />
          <label>Title<br /><input type="text" name="title" value={d.title} size={80} /></label>
          <label><br />Body<br /><textarea name="body" id="draft-body">{d.body}</textarea></label>
          <button type="submit">Save edit</button>
        </form>
      ) : (
        <div class="card"><pre class="body" id="draft-body">{d.body}</pre></div>
      )}

      {SENDABLE.has(d.kind) ? (
        <p class="row">
          <button type="button" data-copy="draft-body">Copy to clipboard</button>
          <a href={mailtoHref(p.recipients, d.title.replace(/^(Recap|Acknowledgement|Chaser): /, ''), d.body)} id="mailto">Open in my mail app</a>
        </p>
      ) : null}

      {pending ? (
        <div class="row card">
          <PostButton action={`/drafts/${d.id}/approve`} csrf={p.csrf} label="Approve" primary fields={{ version: d.version }} />
          <form method="post" action={`/drafts/${d.id}/reject`} class="row">
            <CsrfField token={p.csrf} />
            <label>Reason<br /><input type="text" name="reason" size={50} required /></label>
            <button type="submit">Reject</button>
          </form>
        </div>
      ) : null}

      <h2>Evidence</h2>
      <Evidence draft={d} />

      {p.edits.length ? (
        <>
          <h2>Edits</h2>
          {p.edits.map((e) => (
            <details class="card"><summary>v{e.version} by {e.editor} at {e.createdAt.slice(0, 16).replace('T', ' ')}</summary>
              <h4>Before</h4><pre class="body">{e.before}</pre><h4>After</h4><pre class="body">{e.after}</pre>
            </details>
          ))}
        </>
      ) : null}
      <h2>History</h2>
      <ul>{p.audit.map((a) => <li class="muted">{a.createdAt.slice(0, 19).replace('T', ' ')} {a.actor}: {a.action}</li>)}</ul>
    </Layout>
  );
}
