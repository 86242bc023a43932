import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from '../../src/ingest/normalize-transcript.js';
import type { TranscriptCase } from '../../src/ingest/schemas.js';
import { loadCase } from '../helpers/cases.js';
import { extract } from './sources.js';

// Behaviour on the development transcripts that should hold for any call of the same shape.

async function run(id: string) {
  const c = loadCase(id);
  return { c, out: await extract(normalizeTranscript(c as unknown as TranscriptCase)) };
}

const all = (out: Awaited<ReturnType<typeof run>>['out']) => [...out.requests, ...out.commitments, ...out.risks];

describe('offline extractor on the development calls', () => {
  it('a call of small talk and a report walkthrough yields nothing (d06)', async () => {
    const { out } = await run('d06');
    expect(all(out)).toEqual([]);
  });

  it('every quote is verbatim text of one entry, and no agency ask becomes a client request', async () => {
    for (const id of ['d01', 'd02', 'd03', 'd04', 'd05', 'd07', 'd08']) {
      const { c, out } = await run(id);
      const entries = c.source.entries as Array<{ speaker: string; text: string }>;
      for (const item of all(out)) expect(entries.some((e) => e.text.includes(item.quote))).toBe(true);
      const agency = new Set((c.source.participants as Array<{ name: string; side: string }>).filter((p) => p.side === 'agency').map((p) => p.name));
      for (const r of out.requests) expect(agency.has(r.requester ?? '')).toBe(false);
    }
  });

  it('a diarization label is replaced by the participant the call hands over to (d07)', async () => {
    const { out } = await run('d07');
    const names = [...out.requests.map((r) => r.requester), ...out.commitments.map((c) => c.owner)];
    expect(names).not.toContain('Speaker 2');
    const lists = out.commitments.find((c) => c.quote.includes('current list size'));
    expect(lists).toMatchObject({ owner: 'Callum Price', owner_side: 'client', due: '2026-04-07' });
    const wine = out.requests.find((r) => r.quote.includes('out-of-stock'));
    expect(wine?.requester).toBe('Callum Price');
  });

  it('an ask withdrawn later in the call, and the promise made in reply, produce nothing (d05, d08)', async () => {
    const d05 = (await run('d05')).out;
    expect(d05.requests.some((r) => /remove those/i.test(r.quote))).toBe(false);
    expect(d05.commitments.some((c) => /clear those out/i.test(c.quote))).toBe(false);
    const d08 = (await run('d08')).out;
    expect(d08.requests.some((r) => /retargeting/i.test(r.quote))).toBe(false);
    expect(d08.commitments.some((c) => /park it/i.test(c.quote))).toBe(false);
  });

  it('owners are the performers: reported, delegated and named third parties (d02, d03, d08)', async () => {
    const d08 = (await run('d08')).out;
    expect(d08.commitments.find((c) => c.quote.includes('said she'))).toMatchObject({ owner: 'Wen', owner_side: 'client', due: '2026-04-09' });
    const d03 = (await run('d03')).out;
    expect(d03.commitments.find((c) => c.quote.startsWith('He will'))).toMatchObject({ owner: 'Ravi', owner_side: 'agency', due: '2026-03-19' });
    expect(d03.commitments.find((c) => c.quote.includes('Ines'))).toMatchObject({ owner: 'Ines', owner_side: 'agency', due: null });
    const d02 = (await run('d02')).out;
    expect(d02.commitments.find((c) => c.quote.includes('logo files'))).toMatchObject({ owner: 'Theo', owner_side: 'client', due: '2026-03-16' });
  });

  it('a recap and closing reassurance repeat promises without adding any (d02, d03)', async () => {
    const d02 = (await run('d02')).out;
    expect(d02.commitments.filter((c) => c.owner === 'Ben Tran')).toHaveLength(2);
    expect(d02.commitments.some((c) => /recap/i.test(c.quote))).toBe(false);
    const d03 = (await run('d03')).out;
    expect(d03.commitments.some((c) => /You'll have the update/.test(c.quote))).toBe(false);
  });

  it('an ultimatum is a hot request with a high churn risk; a wrong price customers see is hot (d03, d05, d07)', async () => {
    const d03 = (await run('d03')).out;
    expect(d03.requests.find((r) => r.quote.startsWith('If that page'))).toMatchObject({ triage: 'hot', channel: 'web', due: '2026-03-20' });
    expect(d03.risks.find((k) => k.kind === 'churn_risk')?.severity).toBe('high');
    const d05 = (await run('d05')).out;
    expect(d05.requests.find((r) => r.quote.includes('SPRING25'))?.triage).toBe('hot');
    const d07 = (await run('d07')).out;
    expect(d07.requests.find((r) => r.quote === 'I need it fixed right now.')).toMatchObject({ triage: 'hot', channel: 'google_ads', due: '2026-04-02' });
  });

  it('anaphoric deadlines resolve to the date they point at (d02, d04, d05)', async () => {
    expect((await run('d02')).out.requests.find((r) => /preorder/.test(r.quote))?.due).toBe('2026-04-26');
    expect((await run('d04')).out.requests.find((r) => /battery line/.test(r.quote))?.due).toBe('2026-04-05');
    expect((await run('d05')).out.requests.find((r) => /landing page for each/.test(r.quote))?.due).toBe('2026-03-31');
  });
});
