import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { UpstreamError } from '../../src/errors.js';
import { backfillFathom, fetchFathomTranscript, type BackfillProgress } from '../../src/ingest/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { useMsw } from '../helpers/msw.js';
import { SAMPLE_NOW, SAMPLE_SECRET, sampleJson, signedHeaders } from './fixtures.js';

const API = 'https://api.fathom.test/external/v1';
const KEY = 'fathom-test-key-123';

const meeting = (id: number, extra: Record<string, unknown> = {}) => ({ ...sampleJson(), recording_id: id, title: `Call ${id}`, ...extra });

describe('Fathom API: transcript fetch and backfill (msw at the network edge)', () => {
  const server = useMsw();
  let db: Db;
  let h: TestHarness;
  let seen: URL[];
  let keys: Array<string | null>;
  const record = (request: Request) => {
    seen.push(new URL(request.url));
    keys.push(request.headers.get('x-api-key'));
  };

  beforeAll(async () => {
    db = await createDb('pglite');
    h = createHarness(db, {
      now: SAMPLE_NOW.toISOString(),
      env: { FATHOM_WEBHOOK_SECRET: SAMPLE_SECRET, FATHOM_API_KEY: KEY, FATHOM_API_URL: API, AGENCY_DOMAINS: 'brightlinedigital.com' },
    });
    await h.api('POST', '/api/accounts', { name: 'Redwood Ridge Landscaping', domains: ['redwoodridgelandscaping.com'] });
  });
  beforeEach(() => {
    seen = [];
    keys = [];
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  /** Delivers a meeting without its transcript through the real webhook route. */
  async function deliverWithoutTranscript(id: number) {
    const body = JSON.stringify(meeting(id, { transcript: null }));
    const res = await h.app.request('/webhooks/fathom', { method: 'POST', headers: await signedHeaders(body, { secret: SAMPLE_SECRET }), body });
    const out = (await res.json()) as { id: string; status: string };
    expect(out.status).toBe('needs_transcript');
    return out.id;
  }
  const sourceRow = async (id: string) =>
    (await db.query<{ status: string; attempts: number; next_attempt_at: Date; last_error: string | null }>('SELECT status, attempts, next_attempt_at, last_error FROM sources WHERE id = $1', [id]))[0]!;

  it('the runner fetches a missing transcript with X-Api-Key, then processes the call', async () => {
    const id = await deliverWithoutTranscript(700001);
    server.use(http.get(`${API}/recordings/:id/transcript`, ({ request, params }) => {
      record(request);
      expect(params.id).toBe('700001');
      return HttpResponse.json({ transcript: sampleJson().transcript });
    }));
    await h.runner.drain();
    expect(keys).toEqual([KEY]);
    const src = (await (await h.api('GET', `/api/sources/${id}`)).json()) as { status: string; items: { requests: unknown[]; commitments: unknown[] } };
    expect(src.status).toBe('processed');
    expect(src.items.requests.length + src.items.commitments.length).toBeGreaterThan(0);
  });

  it('a 429 puts the source back to needs_transcript until its Retry-After has passed', async () => {
    const id = await deliverWithoutTranscript(700002);
    server.use(http.get(`${API}/recordings/:id/transcript`, () => HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'Retry-After': '120' } })));
    await h.runner.drain();
    const row = await sourceRow(id);
    expect(row.status).toBe('needs_transcript');
    expect(row.last_error).toContain('retry after 120 s');
    expect(new Date(row.next_attempt_at).getTime() - SAMPLE_NOW.getTime()).toBeGreaterThanOrEqual(120_000);

    // Fathom still has nothing: another retry later, not a failure
    h.clock.advance(121_000);
    server.use(http.get(`${API}/recordings/:id/transcript`, () => HttpResponse.json({ transcript: [] })));
    await h.runner.drain();
    expect(await sourceRow(id)).toMatchObject({ status: 'needs_transcript', attempts: 2, last_error: expect.stringContaining('no transcript') });
  });

  it('a refused API key fails the source at once with a message that names FATHOM_API_KEY', async () => {
    const id = await deliverWithoutTranscript(700003);
    server.use(http.get(`${API}/recordings/:id/transcript`, () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 })));
    h.clock.advance(1000);
    await h.runner.drain();
    expect(await sourceRow(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('FATHOM_API_KEY') });
  });

  it('`fathom fetch` gets the transcript now and queues an unassigned call for assignment', async () => {
    const body = JSON.stringify(meeting(700004, { transcript: null, calendar_invitees: [] , recorded_by: { name: 'Maya Chen', email: 'maya.chen@brightlinedigital.com', email_domain: 'brightlinedigital.com', team: null } }));
    await h.app.request('/webhooks/fathom', { method: 'POST', headers: await signedHeaders(body, { secret: SAMPLE_SECRET }), body });
    server.use(http.get(`${API}/recordings/:id/transcript`, ({ request }) => {
      record(request);
      return HttpResponse.json({ transcript: sampleJson().transcript });
    }));
    const r = await fetchFathomTranscript(h.ctx, { recordingId: '700004' });
    expect(r).toMatchObject({ recordingId: 700004, segments: 41, status: 'unassigned', fetched: true });
    // a second call has nothing to do
    expect(await fetchFathomTranscript(h.ctx, { recordingId: 700004 })).toMatchObject({ fetched: false, segments: 41 });
    expect(seen).toHaveLength(1);
    await expect(fetchFathomTranscript(h.ctx, { recordingId: 123 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('backfill', () => {
    const sleeps: number[] = [];
    let t = 0;
    const clockOpts = () => ({ sleep: async (ms: number) => { sleeps.push(ms); t += ms; }, now: () => t });
    beforeEach(() => { sleeps.length = 0; });

    function pages() {
      server.use(http.get(`${API}/meetings`, ({ request }) => {
        record(request);
        const cursor = new URL(request.url).searchParams.get('cursor');
        if (!cursor) return HttpResponse.json({ items: [meeting(800001), meeting(800002)], limit: 2, next_cursor: 'c2' });
        if (cursor === 'c2') return HttpResponse.json({ items: [meeting(800003), { recording_id: 'not-a-meeting' }], limit: 2, next_cursor: null });
        return HttpResponse.json({ error: 'bad cursor' }, { status: 400 });
      }));
    }

    it('pages by cursor with transcripts, stays under the rate limit, and a rerun skips what is stored', async () => {
      pages();
      const progress: BackfillProgress[] = [];
      const r = await backfillFathom(h.ctx, { since: '2026-09-01', perMinute: 6 }, { ...clockOpts(), onProgress: (p) => progress.push(p) });
      expect(r).toEqual({ pages: 2, seen: 4, stored: 3, skipped: 0, invalid: 1 });
      expect(progress.map((p) => p.stored)).toEqual([2, 3]);
      expect(seen.map((u) => u.searchParams.get('cursor'))).toEqual([null, 'c2']);
      for (const u of seen) {
        expect(u.searchParams.get('include_transcript')).toBe('true');
        expect(u.searchParams.get('created_after')).toBe('2026-09-01T00:00:00.000Z');
      }
      expect(keys).toEqual([KEY, KEY]);
      expect(sleeps).toEqual([10_000]); // 6 per minute: one request every 10 s
      const stored = await db.query<{ status: string; account_id: string | null }>(`SELECT status, account_id FROM sources WHERE external_id IN ('800001', '800002', '800003')`);
      expect(stored).toHaveLength(3);
      for (const s of stored) expect(s).toMatchObject({ status: 'received', account_id: expect.any(String) });

      const again = await backfillFathom(h.ctx, { since: '2026-09-01' }, clockOpts());
      expect(again).toMatchObject({ stored: 0, skipped: 3, invalid: 1 });
    });

    it('waits out a 429 for its Retry-After, then carries on', async () => {
      let calls = 0;
      server.use(http.get(`${API}/meetings`, () => {
        calls++;
        if (calls === 1) return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '7' } });
        return HttpResponse.json({ items: [meeting(800010)], next_cursor: null, limit: null }, { headers: { 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' } });
      }));
      const progress: BackfillProgress[] = [];
      const r = await backfillFathom(h.ctx, { since: '2026-09-01', perMinute: 30 }, { ...clockOpts(), onProgress: (p) => progress.push(p) });
      expect(r).toMatchObject({ pages: 1, stored: 1 });
      expect(calls).toBe(2);
      expect(sleeps).toEqual([7000]);
      expect(progress[0]).toMatchObject({ waitingSeconds: 7 });
    });

    it('stops with a clear error on a refused key, and gives up after too many 429s', async () => {
      server.use(http.get(`${API}/meetings`, () => HttpResponse.json({ error: 'nope' }, { status: 401 })));
      const err = await backfillFathom(h.ctx, { since: '2026-09-01' }, clockOpts()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect(err).toMatchObject({ retryable: false, message: expect.stringContaining('FATHOM_API_KEY') });

      server.use(http.get(`${API}/meetings`, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '5' } })));
      await expect(backfillFathom(h.ctx, { since: '2026-09-01', maxRateLimitWaits: 2 }, clockOpts())).rejects.toMatchObject({ retryAfterSeconds: 5 });
      expect(sleeps).toEqual([5000, 5000]);
    });
  });
});
