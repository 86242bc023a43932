import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { upsertDraft } from '../../src/draft/index.js';
import { createUser } from '../../src/review/index.js';
import { caseInput, loadCase } from '../helpers/cases.js';
import { createHarness, TEST_TOKEN, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { uiClient } from './ui-client.js';

// The review UI as an AM uses it: sign in, queue, draft page, edit, approve, reject, sources, account page.

describe('review UI', () => {
  let db: Db;
  let h: TestHarness;
  let recapId: string;
  let sourceId: string;
  let accountId: string;
  beforeAll(async () => {
    db = await createDb('pglite');
    h = createHarness(db);
    const res = await h.api('POST', '/api/sources', caseInput(loadCase('d01')));
    sourceId = ((await res.json()) as { id: string }).id;
    await h.runner.drain();
    const [d] = await db.query<{ id: string; account_id: string }>(`SELECT id, account_id FROM drafts WHERE kind = 'recap' AND source_id = $1`, [sourceId]);
    recapId = d!.id;
    accountId = d!.account_id;
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('sends a visitor without a session to sign in, and refuses a wrong token', async () => {
    const ui = uiClient(h.app);
    const res = await ui.get(`/drafts/${recapId}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/drafts/${recapId}`)}`);
    const bad = await ui.signIn('not-the-token-at-all');
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('That token is not valid.');
    expect(ui.jar.has('__Host-liaison_session')).toBe(false);
  });

  it('signs in with the API token into a Secure, HttpOnly, SameSite session cookie, and signs out', async () => {
    const ui = uiClient(h.app);
    const res = await ui.signIn(TEST_TOKEN);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-liaison_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    const queue = await ui.get('/');
    expect(queue.status).toBe(200);
    expect(queue.headers.get('content-security-policy')).toContain("script-src 'self'");
    const out = await ui.submit('/', '/logout');
    expect(out.status).toBe(303);
    expect((await ui.get('/')).status).toBe(303);
  });

  it('sign-in only ever redirects within the site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const ui = uiClient(h.app);
      const html = await (await ui.get(`/login?next=${encodeURIComponent(next)}`)).text();
      const res = await ui.request('POST', '/login', { _csrf: ui.csrfOf(html), token: TEST_TOKEN, next });
      expect(res.headers.get('location'), next).toBe('/');
    }
    const noCookie = uiClient(h.app);
    const html = await (await noCookie.get('/login')).text();
    noCookie.jar.clear();
    expect((await noCookie.request('POST', '/login', { _csrf: noCookie.csrfOf(html), token: TEST_TOKEN })).status).toBe(403);
  });

  it('a tampered session cookie is not a session', async () => {
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const v = ui.jar.get('__Host-liaison_session')!;
    const payload = Buffer.from(JSON.stringify({ a: 'someone-else', e: Date.now() + 1e9, n: 'x' })).toString('base64url');
    ui.jar.set('__Host-liaison_session', `${payload}.${v.split('.')[1]}`);
    expect((await ui.get('/')).status).toBe(303);
  });

  it('a per-user token signs in as that user and its actions carry their name, in the UI and the API', async () => {
    const { token } = await createUser(h.ctx, { email: 'ann@agency.example', name: 'Ann' });
    const ui = uiClient(h.app);
    expect((await ui.signIn(token)).status).toBe(303);
    expect(await (await ui.get('/')).text()).toContain('ann@agency.example');
    const api = await h.app.request('/api/drafts?status=pending', { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
  });

  it('the queue filters by kind, account and AM, and pages through many drafts', async () => {
    const [acc] = await db.query<{ id: string }>(`INSERT INTO accounts (id, name, slug, am_email) VALUES ('acc_q', 'Queue Co', 'queue-co', 'bo@agency.example') RETURNING id`);
    for (let i = 0; i < 30; i++) {
      await upsertDraft(h.ctx, { kind: i % 2 ? 'ack' : 'handoff', accountId: acc!.id, sourceId: null, itemId: null, title: `Queue draft ${i}`, body: 'b', evidence: [], dedupeKey: `q:${i}` });
    }
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const all = await (await ui.get('/')).text();
    expect(all).toContain('31 draft(s), page 1 of 2');
    expect(all).toContain('rel="next"');
    const page2 = await (await ui.get('/?page=2')).text();
    expect(page2.match(/<tr><td><span class="badge">/g)?.length).toBe(6);
    const acks = await (await ui.get('/?kind=ack')).text();
    expect(acks).toContain('15 draft(s)');
    expect(acks).not.toContain('Recap:');
    const byAm = await (await ui.get('/?am=bo%40agency.example')).text();
    expect(byAm).toContain('30 draft(s)');
    const byAccount = await (await ui.get(`/?account=${accountId}`)).text();
    expect(byAccount).toContain('1 draft(s)');
    expect(byAccount).toContain('Recap:');
  });

  it('the draft page shows the evidence with a link to the call moment, and the recap a mailto and copy button', async () => {
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const html = await (await ui.get(`/drafts/${recapId}`)).text();
    expect(html).toContain('id="evidence"');
    expect(html).toMatch(/<blockquote>[^<]+<\/blockquote>/);
    expect(html).toMatch(/data-copy="draft-body"/);
    expect(html).toMatch(/href="mailto:[^"]*brightlineroofing\.example[^"]*\?subject=/);
  });

  it('edits keep before and after, a reject needs a reason, and approval is final', async () => {
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const page = await (await ui.get(`/drafts/${recapId}`)).text();
    const csrf = ui.csrfOf(page);
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const edited = await ui.request('POST', `/drafts/${recapId}/edit`, { _csrf: csrf, version, title: 'Recap: roofing call', body: 'Hi Dale,\r\n\r\nEdited by the AM.' });
    expect(edited.status).toBe(303);
    const after = await (await ui.get(`/drafts/${recapId}?done=edited`)).text();
    expect(after).toContain('Edit saved.');
    expect(after).toContain('Edited by the AM.');
    const detail = (await (await h.api('GET', `/api/drafts/${recapId}`)).json()) as { body: string; edits: Array<{ before: string; after: string; editor: string }> };
    expect(detail.body).toBe('Hi Dale,\n\nEdited by the AM.');
    expect(detail.edits.at(-1)).toMatchObject({ after: 'Hi Dale,\n\nEdited by the AM.', editor: 'admin' });
    expect(detail.edits.at(-1)!.before).toContain('Hi Dale and Carla');

    const stale = await ui.request('POST', `/drafts/${recapId}/edit`, { _csrf: csrf, version, body: 'lost update' });
    expect(stale.status).toBe(409);

    const noReason = await ui.request('POST', `/drafts/${recapId}/reject`, { _csrf: csrf, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('a rejection needs a reason');

    const approved = await ui.submit(`/drafts/${recapId}`, `/drafts/${recapId}/approve`, { version: String(Number(version) + 1) });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/drafts/${recapId}?done=approved`);
    const final = await (await ui.get(`/drafts/${recapId}`)).text();
    expect(final).toContain('id="draft-status">approved');
    expect(final).not.toContain('id="edit-form"');
    const again = await ui.request('POST', `/drafts/${recapId}/reject`, { _csrf: csrf, reason: 'too late' });
    expect(again.status).toBe(409);
  });

  it('a rejection keeps its reason', async () => {
    const id = await upsertDraft(h.ctx, { kind: 'ack', accountId, sourceId: null, itemId: null, title: 'To reject', body: 'b', evidence: [], dedupeKey: 'reject-me' });
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const res = await ui.submit(`/drafts/${id}`, `/drafts/${id}/reject`, { reason: 'Wrong client name' });
    expect(res.status).toBe(303);
    const d = (await (await h.api('GET', `/api/drafts/${id}`)).json()) as { status: string; rejectReason: string; decidedBy: string };
    expect(d).toMatchObject({ status: 'rejected', rejectReason: 'Wrong client name', decidedBy: 'admin' });
    expect(await (await ui.get(`/drafts/${id}`)).text()).toContain('Rejected: Wrong client name');
  });

  it('every form post needs the session CSRF token and a same-site origin', async () => {
    const id = await upsertDraft(h.ctx, { kind: 'ack', accountId, sourceId: null, itemId: null, title: 'CSRF target', body: 'b', evidence: [], dedupeKey: 'csrf-target' });
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const csrf = ui.csrfOf(await (await ui.get(`/drafts/${id}`)).text());
    expect((await ui.request('POST', `/drafts/${id}/approve`, {})).status).toBe(403);
    expect((await ui.request('POST', `/drafts/${id}/approve`, { _csrf: 'forged' })).status).toBe(403);
    expect((await ui.request('POST', `/drafts/${id}/approve`, { _csrf: csrf }, { origin: 'https://evil.example' })).status).toBe(403);
    // another user's session token does not fit this session
    const other = uiClient(h.app);
    await other.signIn(TEST_TOKEN);
    expect((await other.request('POST', `/drafts/${id}/approve`, { _csrf: csrf })).status).toBe(403);
    expect(((await (await h.api('GET', `/api/drafts/${id}`)).json()) as { status: string }).status).toBe('pending');
    expect((await ui.request('POST', `/drafts/${id}/approve`, { _csrf: csrf })).status).toBe(303);
  });

  it('the account page lists open items, the timeline, and finds text with the search box', async () => {
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const html = await (await ui.get(`/accounts/${accountId}`)).text();
    expect(html).toContain('Brightline Roofing');
    expect(html).toMatch(/id="open-requests"><li>/);
    expect(html).toMatch(/id="timeline"><li>/);
    const search = await (await ui.get(`/accounts/${accountId}?q=gutter`)).text();
    expect(search).toContain('id="search-results"');
    expect(search).toMatch(/<blockquote>[^<]*gutter/i);
  });

  it('an unassigned source is assigned from the sources page, and a failed one retried', async () => {
    const c = loadCase('d06');
    const res = await h.api('POST', '/api/sources', { kind: 'transcript', date: c.date, source: c.source });
    const { id } = (await res.json()) as { id: string };
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const list = await (await ui.get('/sources')).text();
    expect(list).toContain(`/sources/${id}/assign`);
    const assigned = await ui.submit('/sources', `/sources/${id}/assign`, { accountId });
    expect(assigned.status).toBe(303);
    await h.runner.drain();
    expect(((await (await h.api('GET', `/api/sources/${id}`)).json()) as { status: string }).status).toBe('processed');

    await db.query(`UPDATE sources SET status = 'failed', last_error = 'LLM 503 after 5 attempts' WHERE id = $1`, [id]);
    const failed = await (await ui.get('/sources')).text();
    expect(failed).toContain('LLM 503 after 5 attempts');
    const retried = await ui.submit('/sources', `/sources/${id}/retry`);
    expect(retried.status).toBe(303);
    const [row] = await db.query<{ status: string }>('SELECT status FROM sources WHERE id = $1', [id]);
    expect(row!.status).not.toBe('failed');
    await h.runner.drain();
  });

  it('client text is escaped in the HTML and javascript: links are never rendered as links (server side)', async () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const id = await upsertDraft(h.ctx, {
      kind: 'ack', accountId, sourceId, itemId: null, title: `T ${evil}`, body: `B ${evil}`, dedupeKey: 'escape',
      evidence: [{ itemId: null, sourceId, quote: evil, speaker: evil, at: null, url: 'javascript:alert(3)' }, { itemId: null, sourceId, quote: 'q', speaker: null, at: null, url: ' JavaScript:alert(4)' }],
    });
    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    for (const path of [`/drafts/${id}`, '/?kind=ack']) {
      const html = await (await ui.get(path)).text();
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toMatch(/<img[^>]*onerror/i);
      expect(html, path).not.toMatch(/href="\s*javascript:/i);
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});
