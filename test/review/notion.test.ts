import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { upsertDraft } from '../../src/draft/index.js';
import { createHarness, TEST_TOKEN, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { useMsw } from '../helpers/msw.js';
import { uiClient } from './ui-client.js';

// Publishing on approval, against Notion's real SDK code path with msw at the network edge.

const API = 'https://api.notion.com/v1';
const PARENT = 'parent-page-0001';
const LEADERSHIP_DB = 'leadership-db-0001';

interface Sent { method: string; path: string; body: Record<string, unknown> | null; headers: Record<string, string> }

describe('publishing approved drafts to Notion', () => {
  const server = useMsw();
  let db: Db;
  let h: TestHarness;
  let sent: Sent[];
  let pageSeq = 0;
  let failNextCreates: Array<{ status: number; code: string }> = [];
  let accountId: string;

  const record = async (request: Request, path: string) => {
    const body = request.method === 'GET' ? null : ((await request.json()) as Record<string, unknown>);
    sent.push({ method: request.method, path, body, headers: Object.fromEntries(request.headers) });
  };
  const error = (status: number, code: string) =>
    HttpResponse.json({ object: 'error', status, code, message: `${code} from the test` }, { status, headers: status === 429 ? { 'retry-after': '0' } : {} });

  beforeAll(async () => {
    db = await createDb('pglite');
    h = createHarness(db, { env: { NOTION_TOKEN: 'secret_notion_test', NOTION_ACCOUNTS_PARENT_PAGE_ID: PARENT, NOTION_LEADERSHIP_DATABASE_ID: LEADERSHIP_DB } });
    [{ id: accountId }] = (await db.query<{ id: string }>(`INSERT INTO accounts (id, name, slug) VALUES ('acc_n', 'Northwind Dental', 'northwind') RETURNING id`)) as [{ id: string }];
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });
  beforeEach(() => {
    sent = [];
    failNextCreates = [];
    server.use(
      http.post(`${API}/pages`, async ({ request }) => {
        await record(request, '/pages');
        const f = failNextCreates.shift();
        if (f) return error(f.status, f.code);
        return HttpResponse.json({ object: 'page', id: `page-${++pageSeq}`, url: `https://www.notion.so/page-${pageSeq}` });
      }),
      http.patch(`${API}/pages/:id`, async ({ request, params }) => {
        await record(request, `/pages/${String(params.id)}`);
        return HttpResponse.json({ object: 'page', id: params.id });
      }),
      http.patch(`${API}/blocks/:id/children`, async ({ request, params }) => {
        await record(request, `/blocks/${String(params.id)}/children`);
        return HttpResponse.json({ object: 'list', results: [] });
      }),
      http.get(`${API}/databases/:id`, async ({ request, params }) => {
        await record(request, `/databases/${String(params.id)}`);
        return HttpResponse.json({ object: 'database', id: params.id, data_sources: [{ id: 'ds-lead-1', name: 'Flags' }] });
      }),
      http.get(`${API}/data_sources/:id`, async ({ request, params }) => {
        await record(request, `/data_sources/${String(params.id)}`);
        return HttpResponse.json({ object: 'data_source', id: params.id, properties: { Status: { id: 's', type: 'select', name: 'Status' }, Flag: { id: 'title', type: 'title', name: 'Flag' } } });
      }),
    );
  });

  const newDraft = (kind: 'recap' | 'flag' | 'writeup', key: string, body = 'Hi Ana,\n\nThanks for the call.\n\n- Fix the booking form (by 2026-03-20)') =>
    upsertDraft(h.ctx, {
      kind, accountId, sourceId: null, itemId: null, title: `${kind} ${key}`, body, dedupeKey: key,
      evidence: [{ itemId: null, sourceId: 'src_x', quote: 'the booking form is broken', speaker: 'Ana Ruiz', at: 754, url: 'https://fathom.video/calls/1?t=754' }],
    });
  const approve = async (id: string) => (await h.api('POST', `/api/drafts/${id}/approve`)).json() as Promise<{ status: string; publishError: string | null }>;
  const creates = () => sent.filter((s) => s.method === 'POST' && s.path === '/pages');

  it('the first recap creates the account page and an entry under it; the next recap reuses the page', async () => {
    const first = await approve(await newDraft('recap', 'r1'));
    expect(first.status).toBe('published');
    const [accountPage, entry] = creates();
    expect(accountPage!.body).toMatchObject({ parent: { type: 'page_id', page_id: PARENT }, properties: { title: { title: [{ text: { content: 'Northwind Dental' } }] } } });
    expect(entry!.body).toMatchObject({ parent: { type: 'page_id', page_id: 'page-1' }, properties: { title: { title: [{ text: { content: 'recap r1' } }] } } });
    const children = JSON.stringify(entry!.body!.children);
    expect(children).toContain('Fix the booking form');
    expect(children).toContain('https://fathom.video/calls/1?t=754');
    expect(entry!.headers['notion-version']).toBe('2025-09-03');
    expect(entry!.headers.authorization).toBe('Bearer secret_notion_test');

    sent = [];
    expect((await approve(await newDraft('recap', 'r2'))).status).toBe('published');
    expect(creates()).toHaveLength(1);
    expect(creates()[0]!.body).toMatchObject({ parent: { page_id: 'page-1' } });
    const [row] = await db.query<{ external_ref: string; published_at: Date }>(`SELECT external_ref, published_at FROM drafts WHERE dedupe_key = 'r2'`);
    expect(row!.external_ref).toBe(`page-${pageSeq}`);
  });

  it('the write-up updates the account page itself rather than creating another', async () => {
    expect((await approve(await newDraft('writeup', 'w1', 'Health: amber.\n\nShipped:\n- New landing page'))).status).toBe('published');
    expect(creates()).toHaveLength(0);
    const append = sent.find((s) => s.path === '/blocks/page-1/children')!;
    expect(JSON.stringify(append.body)).toContain('New landing page');
    expect(sent.some((s) => s.method === 'PATCH' && s.path === '/pages/page-1')).toBe(true);
  });

  it('a flag goes to the leadership database through its data source (2025-09-03 model)', async () => {
    expect((await approve(await newDraft('flag', 'f1', 'What happened: churn threat.'))).status).toBe('published');
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([`GET /databases/${LEADERSHIP_DB}`, 'GET /data_sources/ds-lead-1', 'POST /pages']);
    expect(creates()[0]!.body).toMatchObject({ parent: { type: 'data_source_id', data_source_id: 'ds-lead-1' }, properties: { Flag: { title: [{ text: { content: 'flag f1' } }] } } });
  });

  it('a 429 rate_limited is retried and then succeeds', async () => {
    failNextCreates = [{ status: 429, code: 'rate_limited' }];
    const d = await approve(await newDraft('recap', 'r429'));
    expect(d.status).toBe('published');
    expect(creates()).toHaveLength(2);
    expect(creates()[0]!.body).toEqual(creates()[1]!.body);
  });

  it('a 401 leaves the draft approved-but-unpublished with the error, and the UI retry publishes it once', async () => {
    failNextCreates = [{ status: 401, code: 'unauthorized' }];
    const id = await newDraft('recap', 'r401');
    const d = await approve(id);
    expect(d.status).toBe('publish_failed');
    expect(d.publishError).toContain('unauthorized');
    expect(creates()).toHaveLength(1); // a 401 is not retried

    const ui = uiClient(h.app);
    await ui.signIn(TEST_TOKEN);
    const page = await (await ui.get(`/drafts/${id}`)).text();
    expect(page).toContain('Approved, but publishing failed: Notion unauthorized');
    expect(page).toContain(`action="/drafts/${id}/publish"`);
    const retried = await ui.submit(`/drafts/${id}`, `/drafts/${id}/publish`);
    expect(retried.headers.get('location')).toBe(`/drafts/${id}?done=published`);
    expect(await (await ui.get(`/drafts/${id}`)).text()).toContain(`href="https://www.notion.so/page${pageSeq}"`);
    expect(creates()).toHaveLength(2);
    const again = await ui.submit(`/drafts/${id}`, `/drafts/${id}/publish`);
    expect(again.status).toBe(409);
    expect(creates()).toHaveLength(2);
    const audit = ((await (await h.api('GET', `/api/drafts/${id}`)).json()) as { audit: Array<{ action: string }> }).audit.map((a) => a.action);
    expect(audit).toEqual(['draft.approve', 'draft.publish_failed', 'draft.publish_retry', 'draft.publish']);
  });
});

describe('without Notion configured', () => {
  useMsw(); // any outbound request would fail the test
  it('approval leaves the draft approved, for the AM to send from their own mailbox', async () => {
    const db = await createDb('pglite');
    const h = createHarness(db);
    const id = await upsertDraft(h.ctx, { kind: 'recap', accountId: null, sourceId: null, itemId: null, title: 't', body: 'b', evidence: [], dedupeKey: 'k' });
    const d = (await (await h.api('POST', `/api/drafts/${id}/approve`)).json()) as { status: string };
    expect(d.status).toBe('approved');
    await db.close();
  });
});
