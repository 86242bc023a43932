import { Hono } from 'hono';
import { assignSource, getSourceRow, listAccounts, listSources, readNormalized, retrySource, toSourceSummary } from '../../ingest/index.js';
import {
  approveAndPublish, editDraft, getAccountOverview, getDraftView, listQueue, rejectDraft, retryPublish, sourceCounts,
} from '../../review/index.js';
import type { Ctx } from '../../ctx.js';
import { searchAccount as searchHybrid } from '../../memory/index.js';
import { AccountPage, AccountsPage } from '../ui/account-page.js';
import { DraftPage } from '../ui/draft-page.js';
import { form, page, render, type UiEnv } from '../ui/middleware.js';
import { QueuePageView } from '../ui/queue-page.js';
import { SourcePage, SourcesPage } from '../ui/sources-page.js';

// The review UI's pages and form actions. Each only reads the form, calls a verb and redirects (POST/redirect/GET).

const FLASH: Record<string, string> = {
  edited: 'Edit saved.', approved: 'Approved.', published: 'Approved and published.', publish_failed: 'Approved, but publishing failed: see below.',
  rejected: 'Rejected.', assigned: 'Source assigned; it is being processed.', retrying: 'Source queued for another attempt.',
};
const flash = (v: string | undefined) => (v ? (FLASH[v] ?? null) : null);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const optInt = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

/** Account search: the memory stage's hybrid search (vectors and full text), shown as cited passages. */
const searchAccount = async (ctx: Ctx, account: string, q: string) =>
  (await searchHybrid(ctx, { account, q, limit: 20 })).hits.map((h) => ({
    sourceId: h.citation.sourceId, title: h.citation.sourceTitle, speaker: h.citation.speaker, text: h.passage, at: h.citation.at,
  }));

export const uiPages = new Hono<UiEnv>()
  .get('/', ...page, async (c) => {
    const { db } = c.get('ctx');
    const [q, accounts, counts] = await Promise.all([listQueue(db, c.req.query()), listAccounts(db), sourceCounts(db)]);
    const ams = [...new Set(accounts.map((a) => a.amEmail?.toLowerCase()).filter((x): x is string => !!x))].sort();
    return render(c, <QueuePageView q={q} accounts={accounts} ams={ams} counts={counts} actor={c.get('ctx').actor} csrf={c.get('csrf')} />);
  })
  .get('/accounts', ...page, async (c) => render(c, <AccountsPage accounts={await listAccounts(c.get('ctx').db)} actor={c.get('ctx').actor} csrf={c.get('csrf')} />))
  .get('/accounts/:id', ...page, async (c) => {
    const ctx = c.get('ctx');
    const o = await getAccountOverview(ctx, c.req.param('id'));
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const hits = q ? await searchAccount(ctx, o.account.id, q) : null;
    return render(c, <AccountPage o={o} q={q} hits={hits} actor={ctx.actor} csrf={c.get('csrf')} />);
  })
  .get('/sources', ...page, async (c) => {
    const { db } = c.get('ctx');
    const [unassigned, failed, accounts] = await Promise.all([listSources(db, { status: 'unassigned', limit: 100 }), listSources(db, { status: 'failed', limit: 100 }), listAccounts(db)]);
    return render(c, <SourcesPage unassigned={unassigned} failed={failed} accounts={accounts} actor={c.get('ctx').actor} csrf={c.get('csrf')} flash={flash(c.req.query('done'))} />);
  })
  .get('/sources/:id', ...page, async (c) => {
    const row = await getSourceRow(c.get('ctx').db, c.req.param('id'));
    return render(c, <SourcePage summary={toSourceSummary(row)} source={readNormalized(row)} actor={c.get('ctx').actor} csrf={c.get('csrf')} />);
  })
  .get('/drafts/:id', ...page, async (c) => {
    const v = await getDraftView(c.get('ctx').db, c.req.param('id'));
    return render(c, <DraftPage {...v} actor={c.get('ctx').actor} csrf={c.get('csrf')} flash={flash(c.req.query('done'))} />);
  })
  .post('/drafts/:id/edit', ...form, async (c) => {
    const b = await c.req.parseBody();
    const id = c.req.param('id');
    // Browsers submit textarea line breaks as CRLF; drafts keep LF.
    await editDraft(c.get('ctx'), id, { body: str(b.body).replace(/\r\n?/g, '\n'), title: str(b.title).trim() || undefined, version: optInt(b.version) });
    return c.redirect(`/drafts/${id}?done=edited`, 303);
  })
  .post('/drafts/:id/approve', ...form, async (c) => {
    const b = await c.req.parseBody();
    const d = await approveAndPublish(c.get('ctx'), c.req.param('id'), { version: optInt(b.version) });
    return c.redirect(`/drafts/${d.id}?done=${d.status}`, 303);
  })
  .post('/drafts/:id/reject', ...form, async (c) => {
    const b = await c.req.parseBody();
    const d = await rejectDraft(c.get('ctx'), c.req.param('id'), { reason: str(b.reason) });
    return c.redirect(`/drafts/${d.id}?done=rejected`, 303);
  })
  .post('/drafts/:id/publish', ...form, async (c) => {
    const d = await retryPublish(c.get('ctx'), c.req.param('id'));
    return c.redirect(`/drafts/${d.id}?done=${d.status}`, 303);
  })
  .post('/sources/:id/assign', ...form, async (c) => {
    const b = await c.req.parseBody();
    await assignSource(c.get('ctx'), c.req.param('id'), str(b.accountId));
    return c.redirect('/sources?done=assigned', 303);
  })
  .post('/sources/:id/retry', ...form, async (c) => {
    await retrySource(c.get('ctx'), c.req.param('id'));
    return c.redirect('/sources?done=retrying', 303);
  });
