import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBase } from '../../src/compose.js';
import { openPg } from '../../src/db/pg.js';
import type { Db } from '../../src/db/types.js';
import { ingestRawEmail } from '../../src/ingest/index.js';
import { silentLogger } from '../../src/logger.js';
import { caseInput, FIXTURES_DIR, loadCase } from '../helpers/cases.js';
import { testConfig } from '../helpers/ctx.js';
import { servePglite, type PgliteServer } from './db-server.js';
import { ROOT, startDevWorker, type DevWorker } from './dev-server.js';

// The Worker as it deploys (wrangler.toml, nodejs_compat, [define]) run locally in workerd by
// `wrangler dev`: HTTP, the email() handler, the local Queue consumer and the cron trigger, with the
// Hyperdrive binding pointed at PGlite served over the Postgres wire protocol on 127.0.0.1.

const TOKEN = 'worker-test-token-0123456789';
const FATHOM_SECRET = 'whsec_ZmF0aG9tLXNhbXBsZS1zZWNyZXQtZG8tbm90LXVzZS0wMQ==';
const BODY_LIMIT = 200_000;

function workerdProblem(): string | null {
  const bin = join(ROOT, 'node_modules', '@cloudflare', 'workerd-linux-64', 'bin', 'workerd');
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.error) return `workerd cannot run here (${r.error.message})`;
  return r.status === 0 ? null : `workerd --version exited ${r.status}: ${r.stderr}`;
}
const problem = workerdProblem();
if (problem) console.warn(`skipping the workerd integration tests: ${problem}`);

type Items = { requests: Array<{ quote: string }>; commitments: Array<{ id: string; quote: string; due: string | null; status: string }>; risks: unknown[] };
interface SourceView { id: string; status: string; origin: string; accountId: string | null; lastError: string | null; items: Items | null }

function email(opts: { messageId: string; body: string; date?: string; extraBytes?: number }): string {
  const lines = [
    'From: Dale Hutchins <dale@brightlineroofing.example>',
    'To: Nadia Okafor <nadia@copperleaf.example>',
    'Subject: Gutter ads and the price list',
    `Date: ${opts.date ?? 'Tue, 10 Mar 2026 10:00:00 -0500'}`,
    `Message-ID: <${opts.messageId}@brightlineroofing.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body,
  ];
  if (opts.extraBytes) lines.push('', 'x'.repeat(opts.extraBytes));
  return `${lines.join('\r\n')}\r\n`;
}

describe.skipIf(problem !== null)('Liaison in workerd (wrangler dev)', () => {
  let pgServer: PgliteServer;
  let worker: DevWorker;
  let db: Db;
  let accountId: string;

  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${worker.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const source = async (id: string) => (await api('GET', `/api/sources/${id}`)).json as unknown as SourceView;
  const sendEmail = (raw: string, to = 'inbound+brightline@liaison.example') =>
    fetch(`${worker.url}/cdn-cgi/handler/email?from=nadia@copperleaf.example&to=${encodeURIComponent(to)}`, { method: 'POST', body: raw });

  /** Polls until the source reaches a final state (the queue consumer runs on its own schedule). */
  const settled = async (id: string, timeoutMs = 30_000): Promise<SourceView> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await source(id);
      if (['processed', 'failed', 'unassigned'].includes(s.status)) return s;
      if (Date.now() > deadline) throw new Error(`source ${id} still ${s.status} after ${timeoutMs} ms\n${worker.output().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  /** A failure message with the source and the worker's recent output. */
  const why = (s: SourceView) => `${JSON.stringify({ ...s, items: undefined })}\n${worker.output().slice(-3000)}`;
  const sourceIdByMessage = async (messageId: string) => {
    const rows = await db.query<{ id: string }>('SELECT id FROM sources WHERE external_id = $1', [`<${messageId}@brightlineroofing.example>`]);
    return rows[0]?.id;
  };

  beforeAll(async () => {
    pgServer = await servePglite();
    db = openPg(pgServer.url, { max: 2 });
    worker = await startDevWorker({
      databaseUrl: pgServer.url,
      vars: {
        LIAISON_API_TOKEN: TOKEN,
        FATHOM_WEBHOOK_SECRET: FATHOM_SECRET,
        AGENCY_DOMAINS: 'copperleaf.example,brightlinedigital.com',
        LIAISON_BODY_LIMIT: String(BODY_LIMIT),
        LIAISON_LOG_LEVEL: 'info',
      },
      timeoutMs: 90_000,
    });
    const created = await api('POST', '/api/accounts', { name: 'Brightline Roofing', domains: ['brightlineroofing.example'], inboundAlias: 'brightline' });
    expect(created.status).toBe(201);
    accountId = created.json.id as string;
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await db?.close();
    await pgServer?.close();
  });

  it('an email from Email Routing is stored, queued and processed into items with verbatim quotes', async () => {
    const body = 'Hi Nadia,\r\n\r\nCan you pause the gutter cleaning ads?\r\n\r\nI will send you the new price list by Friday.\r\n\r\nThanks,\r\nDale';
    const res = await sendEmail(email({ messageId: 'worker-1', body }));
    expect(res.status, await res.clone().text()).toBe(200);

    const id = await sourceIdByMessage('worker-1');
    expect(id).toBeDefined();
    const s = await settled(id!);
    expect(s, why(s)).toMatchObject({ status: 'processed', origin: 'worker:email', accountId, lastError: null });
    expect(s.items!.requests.map((r) => r.quote)).toContain('Can you pause the gutter cleaning ads?');
    const commitment = s.items!.commitments.find((c) => c.quote.includes('new price list'));
    expect(commitment).toMatchObject({ due: '2026-03-13' });

    // Email Routing redelivers on a temporary failure: the same message again is the same source.
    const again = await sendEmail(email({ messageId: 'worker-1', body }));
    expect(again.status).toBe(200);
    expect((await db.query('SELECT id FROM sources WHERE external_id = $1', ['<worker-1@brightlineroofing.example>'])).length).toBe(1);
  });

  it('a forwarded client email is recovered in workerd (the forward and reply parsers load under [define])', async () => {
    const raw = [
      'From: Nadia Okafor <nadia@copperleaf.example>', 'To: inbound+brightline@liaison.example', 'Subject: Fwd: footer',
      'Date: Thu, 7 May 2026 17:02:00 -0400', 'Message-ID: <fwd-worker-2@mail.copperleaf.example>', 'Content-Type: text/plain; charset=utf-8', '',
      'See below.', '', '---------- Forwarded message ---------', 'From: Dale Hutchins <dale@brightlineroofing.example>',
      'Date: Thu, May 7, 2026 at 4:10 PM', 'Subject: footer', 'To: Nadia Okafor <nadia@copperleaf.example>', '', '',
      'Can you add our new phone number to the website footer?', '', 'Dale', '',
    ].join('\r\n');
    const res = await sendEmail(raw);
    expect(res.status, await res.clone().text()).toBe(200);
    const [row] = await db.query<{ id: string; hints: { forwarded: boolean }; normalized: { segments: Array<{ speakerEmail: string | null; text: string }> } }>(
      "SELECT id, hints, normalized FROM sources WHERE hints->>'subject' = 'Fwd: footer'",
    );
    expect(row!.hints.forwarded).toBe(true);
    expect(row!.normalized.segments.some((x) => x.speakerEmail === 'dale@brightlineroofing.example' && x.text.includes('new phone number'))).toBe(true);
    const s = await settled(row!.id);
    expect(s, why(s)).toMatchObject({ status: 'processed', accountId });
    expect(s.items!.requests.map((r) => r.quote).join('\n')).toContain('new phone number to the website footer');
  });

  it('an oversize email is rejected with an SMTP reason and stores nothing', async () => {
    const res = await sendEmail(email({ messageId: 'worker-big', body: 'Please see the attached list.', extraBytes: BODY_LIMIT + 1000 }));
    const text = await res.text();
    expect(res.status, text + worker.output().slice(-3000)).not.toBe(200);
    expect(text).toContain(`accepts up to ${BODY_LIMIT}`);
    expect(await sourceIdByMessage('worker-big')).toBeUndefined();
  });

  it('a transcript posted to the API is processed by the queue consumer into items and a pending recap', async () => {
    const unauth = await fetch(`${worker.url}/api/sources`, { headers: { authorization: 'Bearer wrong-token-0123456789' } });
    expect(unauth.status).toBe(401);
    expect(((await unauth.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');

    const posted = await api('POST', '/api/sources', caseInput(loadCase('d01')));
    expect(posted.status).toBe(202);
    const s = await settled(posted.json.id as string);
    expect(s.status).toBe('processed');
    expect(s.items!.requests.length + s.items!.commitments.length).toBeGreaterThan(0);
    const drafts = (await api('GET', '/api/drafts?kind=recap')).json.drafts as Array<{ sourceId: string; status: string; body: string }>;
    const recap = drafts.find((d) => d.sourceId === s.id);
    expect(recap).toMatchObject({ status: 'pending' });
    expect(recap!.body.length).toBeGreaterThan(50);
  });

  it('a signed Fathom webhook ends as a processed call with items and a recap draft', async () => {
    const created = await api('POST', '/api/accounts', { name: 'Redwood Ridge Landscaping', domains: ['redwoodridgelandscaping.com'] });
    expect(created.status).toBe(201);
    const raw = readFileSync(`${FIXTURES_DIR}fathom/meeting-content-ready.json`, 'utf8');
    const msgId = `msg_worker_${Date.now()}`;
    const now = new Date();
    const signature = new Webhook(FATHOM_SECRET).sign(msgId, now, raw);
    const res = await fetch(`${worker.url}/webhooks/fathom`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': msgId, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature },
      body: raw,
    });
    const answer = (await res.json()) as { id?: string; error?: { code: string; message: string } };
    expect(res.status, JSON.stringify(answer)).toBeLessThan(300);

    const [row] = await db.query<{ id: string }>("SELECT id FROM sources WHERE origin = 'fathom' ORDER BY created_at DESC LIMIT 1");
    const s = await settled(row!.id);
    expect(s, why(s)).toMatchObject({ status: 'processed', accountId: created.json.id });
    expect(s.items!.requests.length + s.items!.commitments.length).toBeGreaterThan(0);
    const drafts = (await api('GET', `/api/drafts?account=${created.json.id as string}`)).json.drafts as Array<{ sourceId: string; kind: string }>;
    expect(drafts.some((d) => d.sourceId === s.id && d.kind === 'recap')).toBe(true);
  });

  it('the cron run marks a commitment whose due date has passed as overdue', async () => {
    const id = await sourceIdByMessage('worker-1');
    const before = await source(id!);
    const commitment = before.items!.commitments.find((c) => c.quote.includes('new price list'))!;
    expect(commitment.status).toBe('open');

    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`);
    expect(cron.status).toBe(200);
    await cron.arrayBuffer();
    const after = await source(id!);
    expect(after.items!.commitments.find((c) => c.id === commitment.id)!.status).toBe('overdue');
  });

  it('the cron run re-queues a source that was stored without a Queue message', async () => {
    // As if a send failed after the source was stored: stored ten minutes ago, no message sent.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const base = composeBase({ config: testConfig(), db, clock: { now: () => tenMinutesAgo }, logger: silentLogger });
    const stored = await ingestRawEmail({ ...base, actor: 'test', requestId: null }, {
      raw: email({ messageId: 'worker-stranded', body: 'Could you resend the March invoice? Ours got lost in the shuffle.' }),
      origin: 'test',
      envelopeTo: ['inbound+brightline@liaison.example'],
    });
    expect(stored.status).toBe('received');
    await new Promise((r) => setTimeout(r, 2500));
    expect((await source(stored.id)).status).toBe('received');

    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`);
    expect(cron.status).toBe(200);
    await cron.arrayBuffer();
    const s = await settled(stored.id);
    expect(s.status).toBe('processed');
    expect(s.items!.requests.map((r) => r.quote)).toContain('Could you resend the March invoice?');
  });
});
