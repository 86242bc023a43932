import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBase } from '../../src/compose.js';
import { openPg } from '../../src/db/pg.js';
import type { Db } from '../../src/db/types.js';
import worker from '../../src/entry/worker.js';
import { ingestRawEmail } from '../../src/ingest/index.js';
import { silentLogger } from '../../src/logger.js';
import { testConfig } from '../helpers/ctx.js';
import { freePort } from './dev-server.js';
import { servePglite, type PgliteServer } from './db-server.js';

// The Worker's handlers called directly in Node, with fake platform objects (message, batch, queue),
// against PGlite over the wire: the ack/retry/reject decisions, quickly. workerd.test.ts runs the same
// handlers inside workerd.

const TOKEN = 'handler-test-token-0123456789';
const LIMIT = 50_000;

interface Recorded { sent: unknown[]; waits: Promise<unknown>[] }

function fakePlatform(extra: Record<string, unknown> = {}, dbUrl?: string) {
  const rec: Recorded = { sent: [], waits: [] };
  const env = {
    LIAISON_API_TOKEN: TOKEN,
    LIAISON_LOG_LEVEL: 'silent',
    LIAISON_BODY_LIMIT: String(LIMIT),
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
    JOBS: { send: async (body: unknown) => { rec.sent.push(body); }, sendBatch: async () => {} },
    ...extra,
  };
  const ectx = { waitUntil: (p: Promise<unknown>) => { rec.waits.push(p); }, passThroughOnException: () => {}, props: {} };
  const settle = () => Promise.all(rec.waits);
  return { env, ectx, rec, settle };
}

function fakeEmail(raw: string, opts: { rawSize?: number; to?: string } = {}) {
  const bytes = new TextEncoder().encode(raw);
  const state: { rejected: string | null } = { rejected: null };
  const message = {
    from: 'nadia@copperleaf.example',
    to: opts.to ?? 'inbound+brightline@liaison.example',
    headers: new Headers(),
    rawSize: opts.rawSize ?? bytes.byteLength,
    raw: new Blob([bytes]).stream(),
    setReject: (reason: string) => { state.rejected = reason; },
    forward: async () => ({ messageId: 'x' }),
    reply: async () => ({ messageId: 'x' }),
  };
  return { message, state };
}

function fakeMessage(body: unknown, attempts = 1) {
  const state: { acked: boolean; retried: { delaySeconds?: number } | null } = { acked: false, retried: null };
  const message = {
    id: `m${Math.random()}`, timestamp: new Date(), body, attempts,
    ack: () => { state.acked = true; },
    retry: (o?: { delaySeconds?: number }) => { state.retried = o ?? {}; },
  };
  return { message, state };
}

function batchOf(...messages: unknown[]) {
  const batch = {
    messages, queue: 'liaison-jobs', metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } },
    retriedAll: null as { delaySeconds?: number } | null,
    retryAll: (o?: { delaySeconds?: number }) => { batch.retriedAll = o ?? {}; },
    ackAll: () => {},
  };
  return batch;
}

const mail = (id: string, body: string) =>
  [
    'From: Dale Hutchins <dale@brightlineroofing.example>', 'To: nadia@copperleaf.example', 'Subject: Footer',
    'Date: Tue, 10 Mar 2026 10:00:00 -0500', `Message-ID: <${id}@brightlineroofing.example>`, 'Content-Type: text/plain; charset=utf-8', '', body, '',
  ].join('\r\n');

// The handlers take the Workers types; the fakes have the members they use.
const call = worker as unknown as {
  fetch(r: Request, env: unknown, ctx: unknown): Promise<Response>;
  email(m: unknown, env: unknown, ctx: unknown): Promise<void>;
  queue(b: unknown, env: unknown, ctx: unknown): Promise<void>;
  scheduled(c: unknown, env: unknown, ctx: unknown): Promise<void>;
};

describe('Worker handlers', () => {
  let server: PgliteServer;
  let db: Db;

  beforeAll(async () => {
    server = await servePglite();
    db = openPg(server.url, { max: 2 });
    await db.query(`INSERT INTO accounts (id, name, slug, domains, inbound_alias) VALUES ('acc_brightline', 'Brightline Roofing', 'brightline-roofing', '{brightlineroofing.example}', 'brightline')`);
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  const statusOf = async (id: string) => (await db.query<{ status: string }>('SELECT status FROM sources WHERE id = $1', [id]))[0]?.status;

  describe('fetch', () => {
    it('answers 500 BAD_ENVIRONMENT, naming each bad field, when the environment is invalid', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ LIAISON_API_TOKEN: undefined, DATABASE_URL: server.url }, 'LIAISON_API_TOKEN'],
        [{ DATABASE_URL: server.url, LIAISON_BODY_LIMIT: 'lots' }, 'LIAISON_BODY_LIMIT'],
        [{}, 'HYPERDRIVE'],
      ];
      for (const [extra, field] of cases) {
        const p = fakePlatform(extra);
        const res = await call.fetch(new Request('http://w/healthz'), p.env, p.ectx);
        expect(res.status).toBe(500);
        const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
        expect(body.error.code).toBe('BAD_ENVIRONMENT');
        expect(body.error.message).toContain(field);
        expect(body.error.message).not.toContain(server.url);
      }
    });

    it('serves the app over the Hyperdrive binding, and closes the pool after the response', async () => {
      const p = fakePlatform({ HYPERDRIVE: { connectionString: server.url } });
      const res = await call.fetch(new Request('http://w/healthz'), p.env, p.ectx);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, db: 'pg' });
      expect(p.rec.waits.length).toBe(1);
      await p.settle();

      const denied = await call.fetch(new Request('http://w/api/sources'), p.env, p.ectx);
      expect(denied.status).toBe(401);
      const listed = await call.fetch(new Request('http://w/api/sources', { headers: { authorization: `Bearer ${TOKEN}` } }), p.env, p.ectx);
      expect(listed.status).toBe(200);
      await p.settle();
    });
  });

  describe('email', () => {
    it('stores a delivery on the account named by the envelope recipient and sends one Queue message', async () => {
      const p = fakePlatform({}, server.url);
      const { message, state } = fakeEmail(mail('h-1', 'Could you add our new phone number to the footer?'));
      await call.email(message, p.env, p.ectx);
      await p.settle();
      expect(state.rejected).toBeNull();
      const [row] = await db.query<{ id: string; account_id: string; status: string; origin: string }>(
        "SELECT id, account_id, status, origin FROM sources WHERE external_id = '<h-1@brightlineroofing.example>'",
      );
      expect(row).toMatchObject({ account_id: 'acc_brightline', status: 'received', origin: 'worker:email' });
      expect(p.rec.sent).toEqual([{ sourceId: row!.id }]);
    });

    it('rejects oversize mail by its size, or by its stream when the size understates it, storing nothing', async () => {
      const big = mail('h-big', 'x'.repeat(LIMIT + 10));
      for (const rawSize of [undefined, 100]) {
        const p = fakePlatform({}, server.url);
        const { message, state } = fakeEmail(big, { rawSize });
        await call.email(message, p.env, p.ectx);
        await p.settle();
        expect(state.rejected).toContain(`up to ${LIMIT}`);
        expect(p.rec.sent).toEqual([]);
      }
      expect(await db.query("SELECT 1 FROM sources WHERE external_id = '<h-big@brightlineroofing.example>'")).toEqual([]);
    });

    it('rejects what is not an email, and throws (a temporary failure, retried by the sender) when the database is down', async () => {
      const p = fakePlatform({}, server.url);
      const junk = fakeEmail('\r\n\r\n');
      await call.email(junk.message, p.env, p.ectx);
      expect(junk.state.rejected).toMatch(/could not read/);

      const down = fakePlatform({}, `postgres://postgres:postgres@127.0.0.1:${await freePort()}/postgres`);
      const ok = fakeEmail(mail('h-down', 'Please call me back.'));
      await expect(call.email(ok.message, down.env, down.ectx)).rejects.toThrow();
      expect(ok.state.rejected).toBeNull();
      await down.settle();
    });
  });

  describe('queue', () => {
    const stored = async (id: string, at = new Date()) => {
      const base = composeBase({ config: testConfig(), db, clock: { now: () => at }, logger: silentLogger });
      return ingestRawEmail({ ...base, actor: 'test', requestId: null }, { raw: mail(id, 'Can you pause the gutter ads?'), origin: 'test', envelopeTo: ['brightline@x.example'] });
    };

    it('processes the source of a message and acks it; a duplicate message is acked without processing again', async () => {
      const src = await stored('q-1');
      const p = fakePlatform({}, server.url);
      const first = fakeMessage({ sourceId: src.id });
      const dup = fakeMessage({ sourceId: src.id });
      await call.queue(batchOf(first.message), p.env, p.ectx);
      expect(first.state).toEqual({ acked: true, retried: null });
      expect(await statusOf(src.id)).toBe('processed');
      await call.queue(batchOf(dup.message), p.env, p.ectx);
      expect(dup.state).toEqual({ acked: true, retried: null });
      const [{ attempts }] = (await db.query<{ attempts: number }>('SELECT attempts FROM sources WHERE id = $1', [src.id])) as [{ attempts: number }];
      expect(attempts).toBe(1);
      await p.settle();
    });

    it('acks malformed and unknown messages; retries a not-yet-due source when it becomes due', async () => {
      const later = await stored('q-later', new Date(Date.now() + 90_000));
      const p = fakePlatform({}, server.url);
      const bad = fakeMessage({ nope: 1 });
      const unknown = fakeMessage({ sourceId: 'src_missing' });
      const early = fakeMessage({ sourceId: later.id });
      await call.queue(batchOf(bad.message, unknown.message, early.message), p.env, p.ectx);
      expect(bad.state.acked).toBe(true);
      expect(unknown.state.acked).toBe(true);
      expect(early.state.acked).toBe(false);
      expect(early.state.retried!.delaySeconds).toBeGreaterThanOrEqual(85);
      expect(early.state.retried!.delaySeconds).toBeLessThanOrEqual(91);
      expect(await statusOf(later.id)).toBe('received');
      await p.settle();
    });

    it('holds the whole batch back for minutes, without throwing, while the environment is invalid', async () => {
      const p = fakePlatform({ LIAISON_API_TOKEN: undefined }, server.url);
      const m = fakeMessage({ sourceId: 'src_any' });
      const batch = batchOf(m.message);
      await call.queue(batch, p.env, p.ectx);
      expect(batch.retriedAll).toEqual({ delaySeconds: 300 });
      expect(m.state).toEqual({ acked: false, retried: null });
    });

    it('retries with growing backoff, never acking, while the database is unreachable', async () => {
      const down = fakePlatform({}, `postgres://postgres:postgres@127.0.0.1:${await freePort()}/postgres`);
      const delays: number[] = [];
      for (const attempts of [1, 4]) {
        const m = fakeMessage({ sourceId: 'src_any' }, attempts);
        await call.queue(batchOf(m.message), down.env, down.ectx);
        expect(m.state.acked).toBe(false);
        delays.push(m.state.retried!.delaySeconds!);
      }
      expect(delays[1]!).toBeGreaterThan(delays[0]!);
      await down.settle();
    });
  });

  describe('scheduled', () => {
    it('re-queues a source left due without a message, and not one that was just stored', async () => {
      const base = (at: Date) => ({ ...composeBase({ config: testConfig(), db, clock: { now: () => at }, logger: silentLogger }), actor: 'test', requestId: null });
      const old = await ingestRawEmail(base(new Date(Date.now() - 10 * 60_000)), { raw: mail('s-old', 'Can we move the meeting?'), origin: 'test', envelopeTo: ['brightline@x.example'] });
      const fresh = await ingestRawEmail(base(new Date()), { raw: mail('s-new', 'Can we add a page?'), origin: 'test', envelopeTo: ['brightline@x.example'] });
      const p = fakePlatform({}, server.url);
      await call.scheduled({ cron: '*/15 * * * *', scheduledTime: Date.now(), noRetry: () => {} }, p.env, p.ectx);
      await p.settle();
      const ids = p.rec.sent.map((b) => (b as { sourceId: string }).sourceId);
      expect(ids).toContain(old.id);
      expect(ids).not.toContain(fresh.id);
    });
  });
});
