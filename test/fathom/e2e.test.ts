import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';
import { SAMPLE_ID, SAMPLE_NOW, SAMPLE_SECRET, SAMPLE_SIG, SAMPLE_TS, sampleBytes, sampleJson, sampleText, signedHeaders } from './fixtures.js';

interface SourceView {
  status: string; accountId: string | null; title: string; occurredAt: string;
  items: { requests: Array<{ quote: string; text: string }>; commitments: Array<{ quote: string; owner: string | null; owner_side: string }>; risks: unknown[] } | null;
}
interface DraftView { id: string; kind: string; sourceId: string; body: string; evidence: Array<{ url: string | null; at: number | null; speaker: string | null }> }

describe.each(DRIVERS)('a Fathom call end to end on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db, { now: SAMPLE_NOW.toISOString(), env: { FATHOM_WEBHOOK_SECRET: SAMPLE_SECRET, AGENCY_DOMAINS: 'brightlinedigital.com' } });
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  const transcriptText = () => (sampleJson().transcript as Array<{ text: string }>).map((t) => t.text).join('\n');

  it('the shared sample, delivered as Fathom signs it, ends as a processed call with items and a recap to approve', async () => {
    const acc = (await (await h.api('POST', '/api/accounts', { name: 'Redwood Ridge Landscaping', domains: ['redwoodridgelandscaping.com'] })).json()) as { id: string };
    const res = await h.app.request('/webhooks/fathom', {
      method: 'POST',
      headers: { 'Webhook-Id': SAMPLE_ID, 'Webhook-Timestamp': String(SAMPLE_TS), 'Webhook-Signature': SAMPLE_SIG, 'Content-Type': 'application/json', 'User-Agent': 'Svix-Webhooks/1.81.0' },
      body: sampleBytes() as BodyInit,
    });
    expect(res.status).toBe(202);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('received');

    await h.runner.drain();
    const src = (await (await h.api('GET', `/api/sources/${id}`)).json()) as SourceView;
    expect(src).toMatchObject({ status: 'processed', accountId: acc.id, occurredAt: '2026-09-15T16:01:47.000Z' });
    const all = [...src.items!.requests, ...src.items!.commitments];
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) expect(transcriptText()).toContain(item.quote);
    // Fathom's own action items are context, not our items: none of their wording became an item
    const fathomActions = (sampleJson().action_items as Array<{ description: string }>).map((a) => a.description);
    for (const item of all) expect(fathomActions).not.toContain(item.quote);
    const maya = src.items!.commitments.find((c) => c.owner === 'Maya Chen');
    expect(maya?.owner_side).toBe('agency');

    const drafts = ((await (await h.api('GET', '/api/drafts?status=pending')).json()) as { drafts: DraftView[] }).drafts;
    const recap = drafts.find((d) => d.kind === 'recap' && d.sourceId === id)!;
    expect(recap.body).toMatch(/^Hi Daniel and Priya,/);
    expect(recap.body).toContain('Maya Chen');
    expect(recap.evidence.length).toBe(all.length);
    for (const e of recap.evidence) expect(e.url).toBe('https://fathom.video/share/Vq7mR2xKcP9tLw4ZbN8sHd3FjY6uGe1A');
    expect(recap.evidence.every((e) => typeof e.at === 'number')).toBe(true);
    expect((await h.api('POST', `/api/drafts/${recap.id}/approve`)).status).toBe(200);
  });

  it('a call from a client with no account waits as unassigned, listed, and is processed once assigned', async () => {
    const raw = sampleText()
      .replaceAll('redwoodridgelandscaping.com', 'oakhollowfarms.example')
      .replace('"recording_id": 412587331', '"recording_id": 412587999');
    const res = await h.app.request('/webhooks/fathom', { method: 'POST', headers: await signedHeaders(raw, { secret: SAMPLE_SECRET }), body: raw });
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('unassigned');
    await h.runner.drain();
    const listed = ((await (await h.api('GET', '/api/sources?status=unassigned')).json()) as { sources: Array<{ id: string }> }).sources;
    expect(listed.map((s) => s.id)).toContain(id);

    const acc = (await (await h.api('POST', '/api/accounts', { name: 'Oak Hollow Farms', domains: ['oakhollowfarms.example'] })).json()) as { id: string };
    expect((await h.api('POST', `/api/sources/${id}/assign`, { accountId: acc.id })).status).toBe(200);
    await h.runner.drain();
    const after = (await (await h.api('GET', `/api/sources/${id}`)).json()) as SourceView;
    expect(after).toMatchObject({ status: 'processed', accountId: acc.id });
    expect(after.items!.requests.length + after.items!.commitments.length).toBeGreaterThan(0);
  });
});
