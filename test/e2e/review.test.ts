import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createHarness, TEST_TOKEN, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { SAMPLE_ID, SAMPLE_NOW, SAMPLE_SECRET, SAMPLE_SIG, SAMPLE_TS, sampleBytes } from '../fathom/fixtures.js';
import { artifact, HAS_CHROMIUM, launchChromium, listen, SKIP_REASON } from './browser.js';

// End to end in real headless Chromium: the shared Fathom sample arrives on the webhook, an AM signs in,
// edits and approves the recap.
// No msw here: the browser talks to a real server on 127.0.0.1.

const XSS = {
  script: `<script>window.__xss = 'script'; alert('xss')</script>`,
  handler: `<img src=x onerror="window.__xss = 'onerror'">`,
  link: `<a href="javascript:window.__xss='link'">click me</a>`,
};

function hostileEmail(): string {
  const text = [
    `Hi Maya, can you please update the homepage banner to read ${XSS.script} by Friday?`,
    `Also the gallery shows ${XSS.handler} and the footer link ${XSS.link} is broken.`,
    '', 'Thanks, Eve',
  ].join('\r\n');
  const html = `<p onclick="window.__xss='click'">Hi Maya,</p>${XSS.script}${XSS.handler}${XSS.link}<iframe src="javascript:alert(1)"></iframe>`;
  return [
    'From: Eve Mallory <eve@hostile-client.example>', 'To: Maya Chen <maya.chen@brightlinedigital.com>',
    `Subject: Banner ${XSS.script}`, 'Date: Tue, 15 Sep 2026 09:00:00 -0400', 'Message-ID: <xss-1@hostile-client.example>',
    'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain; charset=utf-8', '', text, '--b1', 'Content-Type: text/html; charset=utf-8', '', html, '--b1--', '',
  ].join('\r\n');
}

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)(`review UI in headless Chromium${HAS_CHROMIUM ? '' : ` (${SKIP_REASON})`}`, () => {
  let db: Db;
  let h: TestHarness;
  let server: Awaited<ReturnType<typeof listen>>;
  let chrome: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  const consoleErrors: string[] = [];

  const api = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const newPage = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    return page;
  };

  beforeAll(async () => {
    db = await createDb('pglite');
    h = createHarness(db, { now: SAMPLE_NOW.toISOString(), env: { FATHOM_WEBHOOK_SECRET: SAMPLE_SECRET, AGENCY_DOMAINS: 'brightlinedigital.com' } });
    server = await listen(h.app);
    chrome = await launchChromium();
    context = chrome.context;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await h?.runner.stop();
    await db?.close();
  });

  it('ingests a call, signs in, opens the queue, edits and approves the recap', async () => {
    await api('/api/accounts', { name: 'Redwood Ridge Landscaping', domains: ['redwoodridgelandscaping.com'] });
    // the shared Fathom sample, exactly as Fathom signs and delivers it
    const delivered = await fetch(`${server.url}/webhooks/fathom`, {
      method: 'POST', body: sampleBytes() as BodyInit,
      headers: { 'webhook-id': SAMPLE_ID, 'webhook-timestamp': String(SAMPLE_TS), 'webhook-signature': SAMPLE_SIG, 'content-type': 'application/json' },
    });
    expect(delivered.status).toBe(202);
    const { id: sourceId } = (await delivered.json()) as { id: string };
    await h.runner.drain();

    const page = await newPage();
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=token]', TEST_TOKEN);
    await Promise.all([page.waitForURL(`${server.url}/`), page.click('button[type=submit]')]);
    const cookie = (await context.cookies(server.url)).find((c) => c.name === '__Host-liaison_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('liaison_session');

    await page.selectOption('select[name=kind]', 'recap');
    await Promise.all([page.waitForURL(/kind=recap/), page.click('#filters button')]);
    const link = page.locator('#queue a', { hasText: 'Recap: Redwood Ridge x Brightline' });
    await page.screenshot({ path: artifact('e2e-queue.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/drafts\/drf_/), link.click()]);

    // the evidence links play the call at the quote
    const evidenceHrefs = await page.locator('#evidence a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(evidenceHrefs.length).toBeGreaterThan(0);
    for (const href of evidenceHrefs) expect(href).toMatch(/^https:\/\/fathom\.video\/\S+[?&]t=\d+$/);

    const body = page.locator('textarea[name=body]');
    await body.fill(`${await body.inputValue()}\n\nP.S. Edited in the browser.`);
    await Promise.all([page.waitForURL(/done=edited/), page.click('#edit-form button[type=submit]')]);
    expect(await page.locator('[role=status]').textContent()).toBe('Edit saved.');
    expect(await page.locator('textarea[name=body]').inputValue()).toContain('P.S. Edited in the browser.');

    await page.click('button[data-copy=draft-body]');
    await expect.poll(() => page.locator('button[data-copy=draft-body]').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('P.S. Edited in the browser.');
    expect(await page.locator('#mailto').getAttribute('href')).toMatch(/^mailto:(\S+,)?dan%40redwoodridgelandscaping\.com(,\S+)?\?subject=/);

    await Promise.all([page.waitForURL(/done=approved/), page.click('button:has-text("Approve")')]);
    expect(await page.locator('#draft-status').textContent()).toBe('approved');
    expect(await page.locator('#draft-body').textContent()).toContain('P.S. Edited in the browser.');
    await page.screenshot({ path: artifact('e2e-recap-approved.png'), fullPage: true });

    const [row] = await db.query<{ status: string; decided_by: string }>(`SELECT status, decided_by FROM drafts WHERE source_id = $1 AND kind = 'recap'`, [sourceId]);
    expect(row).toMatchObject({ status: 'approved', decided_by: 'admin' });
    expect(consoleErrors).toEqual([]);
  });

  it('an email carrying scripts, event handlers and javascript: links renders as text and runs nothing', async () => {
    const { id: sourceId } = await api('/api/sources', { kind: 'email', account: { name: 'Hostile Client', domain: 'hostile-client.example' }, source: { raw: hostileEmail() } });
    await h.runner.drain();
    // a draft whose evidence link is a javascript: URL, as a hostile transcript link would give
    await h.ctx.db.query(
      `INSERT INTO drafts (id, account_id, source_id, kind, title, body, evidence, dedupe_key)
       SELECT 'drf_xss', account_id, id, 'ack', $2, $3, $4, 'xss' FROM sources WHERE id = $1`,
      [sourceId, `Ack ${XSS.script}`, `Body ${XSS.script} ${XSS.handler} ${XSS.link}`,
        JSON.stringify([{ itemId: null, sourceId, quote: XSS.handler, speaker: XSS.script, at: null, url: "javascript:window.__xss='evidence'" }])],
    );
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const pages = [`/sources/${sourceId}`, '/drafts/drf_xss', '/?kind=ack', '/sources'];
    const drafts = await db.query<{ id: string }>('SELECT id FROM drafts WHERE source_id = $1', [sourceId]);
    pages.push(...drafts.map((d) => `/drafts/${d.id}`));
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
      for (const a of await page.locator('a').all()) await a.click({ trial: true }).catch(() => {});
      const dom = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: string }).__xss ?? null,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        jsLinks: [...document.querySelectorAll('a[href], iframe, img')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '').filter((u) => /^\s*javascript:/i.test(u)),
        text: document.body.innerText,
      }));
      expect(dom, path).toMatchObject({ xss: null, scripts: ['/ui/app.js'], handlers: [], jsLinks: [] });
      if (path.startsWith('/sources/') || path === '/drafts/drf_xss') expect(dom.text, path).toContain("<script>window.__xss = 'script'; alert('xss')</script>");
    }
    // clicking the text that looks like a link does nothing either
    await page.goto(`${server.url}/drafts/drf_xss`);
    await page.getByText('click me').first().click();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
    await page.screenshot({ path: artifact('e2e-xss-email.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
