import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toVector, type Db } from '../../src/db/types.js';
import { hashEmbed, type SearchHit } from '../../src/memory/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';
import { email, post, postCase } from './helpers.js';

describe.each(DRIVERS)('hybrid search on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  let brightline: string;
  let call: string;
  let mail: string;
  let maplewood: string;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db);
    ({ sourceId: call, accountId: brightline } = await postCase(h, 'd01'));
    ({ accountId: maplewood } = await postCase(h, 'd03'));
    ({ sourceId: mail } = await post(h, {
      kind: 'email', account: { name: 'Brightline Roofing', domain: 'brightlineroofing.example' },
      source: { raw: email({
        from: 'Dale Hutchins <dale@brightlineroofing.example>', subject: 'Insurance adjusters', date: 'Thu, 12 Mar 2026 08:30:00 -0500',
        messageId: 'adjusters-7@brightlineroofing.example',
        body: 'Hi Nadia,\n\nThe insurance adjusters keep asking for drone inspection footage of the hail damage.\n\nCan we add a drone inspection section to the website?\n\nDale',
      }) },
    }));
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  const search = async (q: string, account?: string) => {
    const res = await h.api('GET', `/api/search?q=${encodeURIComponent(q)}${account ? `&account=${account}` : ''}&limit=5`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { hits: SearchHit[] }).hits;
  };

  it('ranks the passage that answers the question first, citing the speaker, the time in the call and the quote', async () => {
    const hits = await search('how many leads did the storm damage page bring in', brightline);
    expect(hits[0]!.citation).toMatchObject({
      sourceId: call, sourceKind: 'call', speaker: 'Dale Hutchins',
      quote: 'How many leads did the storm-damage page bring in during February?',
    });
    expect(hits[0]!.citation.timestamp).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(hits[0]!.vectorRank).not.toBeNull();
    expect(hits[0]!.textRank).not.toBeNull();
    expect(hits.map((x) => x.rank)).toEqual(hits.map((_, i) => i + 1));
  });

  it('finds email passages across the account timeline and cites the message id', async () => {
    const hits = await search('drone inspection footage for adjusters', brightline);
    expect(hits[0]!.citation).toMatchObject({
      sourceId: mail, sourceKind: 'email', speaker: 'Dale Hutchins', at: null, timestamp: null,
      messageId: expect.stringContaining('adjusters-7@brightlineroofing.example'),
      quote: 'The insurance adjusters keep asking for drone inspection footage of the hail damage.',
    });
  });

  it('keeps to the account asked about, and searches every account without one', async () => {
    const scoped = await search('new-patient landing page promised for March', brightline);
    expect(scoped.every((x) => x.accountId === brightline)).toBe(true);
    const all = await search('new-patient landing page promised for March');
    expect(all[0]!.accountId).toBe(maplewood);
    expect(all[0]!.citation.quote).toContain('new-patient landing page was promised for March 1st');
  });

  it('can answer the all-accounts vector query from the HNSW index (a redefined index must still match the query)', async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('enable_seqscan', 'off', true)`);
      return tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM chunks WHERE ($2::text IS NULL OR account_id = $2) ORDER BY embedding <=> $1::vector LIMIT 40`,
        [toVector(hashEmbed('storm damage page leads')), null],
      );
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using chunks_embedding_idx/);
  });

  it('answers a bad query with a 400 and the one error body', async () => {
    const res = await h.api('GET', '/api/search?q=');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('q') });
  });
});
