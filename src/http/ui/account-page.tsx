import type { Account } from '../../ingest/index.js';
import type { ItemView } from '../../memory/index.js';
import type { AccountOverview } from '../../review/index.js';

/** A cited passage from the account's history, as the search box lists it. */
export interface AccountSearchHit { sourceId: string; title: string | null; speaker: string | null; text: string; at: number | null }
import { fmtAt, Layout } from './layout.js';

function Items(props: { items: ItemView[]; empty: string; id: string }) {
  if (!props.items.length) return <p class="muted" id={props.id}>{props.empty}</p>;
  return (
    <ul id={props.id}>
      {props.items.map((i) => (
        <li>
          {i.type === 'risk' ? <><span class="badge">{String(i.kind)}</span> <span class="badge">{String(i.severity)}</span> {String(i.rationale ?? i.text)}</> : i.text}
          {i.due ? <span class="muted"> · due {i.due}</span> : null}
          {i.type === 'request' ? <span class="muted"> · {String(i.channel)} · {String(i.triage)}</span> : null}
          {i.type === 'commitment' && i.owner ? <span class="muted"> · {String(i.owner)} ({String(i.owner_side)})</span> : null}
          {i.mentions > 1 ? <span class="muted"> · mentioned {i.mentions}×</span> : null}
          <blockquote>{i.quote}</blockquote>
        </li>
      ))}
    </ul>
  );
}

export function AccountPage(props: { o: AccountOverview; q: string; hits: AccountSearchHit[] | null; actor: string; csrf: string }) {
  const { o } = props;
  const a = o.account;
  return (
    <Layout title={a.name} actor={props.actor} csrf={props.csrf}>
      <h1>{a.name}</h1>
      <p class="muted">Tier {a.tier}{a.amEmail ? ` · AM ${a.amEmail}` : ''}{a.domains.length ? ` · ${a.domains.join(', ')}` : ''} · <a href={`/?account=${encodeURIComponent(a.id)}`}>pending drafts</a></p>
      <form method="get" action={`/accounts/${a.id}`} class="row card">
        <label>Search this account<br /><input type="text" name="q" value={props.q} size={50} /></label>
        <button type="submit">Search</button>
      </form>
      {props.hits ? (
        <div class="card" id="search-results">
          <h2>Results for “{props.q}”</h2>
          {props.hits.length ? (
            <ul>{props.hits.map((h) => <li><a href={`/sources/${h.sourceId}`}>{h.title ?? h.sourceId}</a> <span class="muted">{h.speaker ?? ''}{h.at !== null ? ` at ${fmtAt(h.at)}` : ''}</span><blockquote>{h.text.slice(0, 400)}</blockquote></li>)}</ul>
          ) : <p class="muted">Nothing found.</p>}
        </div>
      ) : null}
      <h2>Open requests</h2><Items items={o.openRequests} empty="No open requests." id="open-requests" />
      <h2>Commitments overdue</h2><Items items={o.commitmentsOverdue} empty="Nothing overdue." id="overdue" />
      <h2>Commitments due</h2><Items items={o.commitmentsDue} empty="No open commitments." id="due" />
      <h2>Risks</h2><Items items={o.risks} empty="No open risks." id="risks" />
      <h2>Timeline</h2>
      <ul id="timeline">{o.timeline.map((t) => <li><span class="muted">{t.at.slice(0, 10)}</span> <span class="badge">{t.kind}</span> {t.href ? <a href={t.href}>{t.title}</a> : t.title} {t.status ? <span class={`badge ${t.status}`}>{t.status}</span> : null}</li>)}</ul>
    </Layout>
  );
}

export function AccountsPage(props: { accounts: Account[]; actor: string; csrf: string }) {
  return (
    <Layout title="Accounts" actor={props.actor} csrf={props.csrf}>
      <h1>Accounts</h1>
      <table><thead><tr><th>Account</th><th>Tier</th><th>AM</th></tr></thead>
        <tbody>{props.accounts.map((a) => <tr><td><a href={`/accounts/${a.id}`}>{a.name}</a></td><td>{a.tier}</td><td>{a.amEmail ?? ''}</td></tr>)}</tbody>
      </table>
    </Layout>
  );
}
