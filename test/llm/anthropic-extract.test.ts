import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import type { ExtractOutput } from '../../src/extract/llm/schema.js';
import { EXTRACT_PROMPT } from '../../src/extract/llm/index.js';
import { createLlmProvider } from '../../src/llm/index.js';
import { loadCase } from '../helpers/cases.js';
import { createHarness, testConfig, type TestHarness } from '../helpers/ctx.js';
import { createPgliteDb } from '../helpers/db.js';
import { useMsw } from '../helpers/msw.js';
import { ANTHROPIC_MESSAGES, anthropicBody, anthropicError, json, mockEndpoint } from './mock-llm.js';
import { extractionRows, itemsOf, llmCalls, occurrences, postCase, sourceRow } from './pipeline.js';

const server = useMsw();
const ENV = { LIAISON_LLM_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'sk-ant-test', LIAISON_JOB_MAX_ATTEMPTS: '3' };

/** A model answer for d07 (Ledgerstone Wine): Callum speaks only as "Speaker 2". */
function d07Answer(owner: string): ExtractOutput {
  return {
    requests: [
      { segment: 5, quote: 'I need it fixed right now.', text: 'Fix the wrong Shopping price', requester: 'Harriet Nakamura', channel: 'google_ads', triage: 'hot', due_phrase: 'right now' },
      { segment: 14, quote: 'could you set it up so out-of-stock wines drop out of Shopping automatically?', text: 'Drop out-of-stock wines from Shopping', requester: owner, channel: 'google_ads', triage: 'complex', due_phrase: null },
    ],
    commitments: [
      { segment: 7, quote: "I'll have the feed rule fixed by end of day.", text: 'Fix the feed rule', owner: 'Sam Ortiz', owner_side: 'agency', due_phrase: 'by end of day' },
      { segment: 18, quote: "I'll send you a proposal for the wine club emails by Friday the 10th.", text: 'Wine club email proposal', owner: 'Nadia Okafor', owner_side: 'agency', due_phrase: 'by Friday the 10th' },
      { segment: 20, quote: "I'll send you our current list size and last year's open rates so you can size it.", text: 'Send list size and open rates', owner, owner_side: 'client', due_phrase: 'Probably by Tuesday' },
    ],
    risks: [
      { segment: 8, quote: "This is the second time this year the feed has put a wrong price on our wines. I'm not happy about it.", kind: 'frustration', severity: 'high', rationale: 'Repeat pricing error.' },
    ],
  };
}

describe('extraction with Anthropic (Messages, native structured output)', () => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createPgliteDb();
    h = createHarness(db, { env: ENV, llm: createLlmProvider(testConfig(ENV), { db, maxRetries: 0 }) });
  });
  afterAll(async () => db.close());

  it('marks the static instructions for caching, sends the schema and the source once, and counts cached tokens', async () => {
    const api = mockEndpoint(server, ANTHROPIC_MESSAGES, json(anthropicBody(d07Answer('Callum Price'), { cacheRead: 1100 })));
    const id = await postCase(h, 'd07', 'Ledgerstone happy path');
    await h.runner.drain();

    expect(api.sent).toHaveLength(1);
    const { body, headers } = api.sent[0]!;
    expect(headers.get('authorization')).toBe('Bearer sk-ant-test'); // SDK 1.12 sends the key as a bearer token
    expect(headers.get('anthropic-beta')).toBeNull();
    expect(body).toMatchObject({
      model: 'claude-haiku-4-5',
      system: [{ type: 'text', text: EXTRACT_PROMPT.system, cache_control: { type: 'ephemeral' } }],
      output_config: { format: { type: 'json_schema', schema: { type: 'object', required: ['requests', 'commitments', 'risks'] } } },
    });
    expect(body.max_tokens).toBeLessThanOrEqual(16_000); // larger needs streaming (stack.md §2)
    const messages = body.messages as Array<{ role: string; content: string }>;
    expect(messages).toHaveLength(1);
    expect(messages[0]!.role).toBe('user');
    for (const e of loadCase('d07').source.entries as Array<{ text: string }>) expect(occurrences(messages[0]!.content, e.text)).toBe(1);

    const { status, items } = await itemsOf(h, id);
    expect(status).toBe('processed');
    expect(items.commitments.find((c) => c.owner === 'Callum Price')).toMatchObject({ owner_side: 'client' });
    expect(items.requests.find((r) => r.triage === 'hot')?.due).toBe('2026-04-02');
    // Dates resolved in code against the call date (Thu 2026-04-02), per SCORING.md.
    expect(items.commitments.find((c) => c.owner === 'Nadia Okafor')?.due).toBe('2026-04-10');
    expect(items.commitments.find((c) => c.owner === 'Sam Ortiz')?.due).toBe('2026-04-02');
    const [ext] = await extractionRows(db, id);
    // Anthropic reports cache reads apart from input_tokens; the row counts every input token.
    expect(ext).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5-20251001', input_tokens: 600 + 1100, cached_tokens: 1100, output_tokens: 380 });
    expect((await llmCalls(db, id)).map((c) => [c.provider, c.status])).toEqual([['anthropic', 'ok']]);
  });

  it('a "Speaker 2" owner is stored as the participant the call identifies (Callum Price), never as the label', async () => {
    mockEndpoint(server, ANTHROPIC_MESSAGES, json(anthropicBody(d07Answer('Speaker 2'))));
    const id = await postCase(h, 'd07', 'Ledgerstone Speaker 2 resolved');
    await h.runner.drain();
    const { items } = await itemsOf(h, id);
    // Harriet hands the floor to Callum ("Callum, you saw the orders first. Tell them.") right before Speaker 2's first turn.
    expect(items.commitments.find((c) => c.quote.startsWith("I'll send you our current list size"))).toMatchObject({ owner: 'Callum Price', owner_side: 'client' });
    expect(items.requests.find((r) => r.quote.includes('out-of-stock wines'))?.requester).toBe('Callum Price');
  });

  it('a diarization label is never stored as a name', async () => {
    mockEndpoint(server, ANTHROPIC_MESSAGES, json(anthropicBody(d07Answer('Speaker 2'))));
    const id = await postCase(h, 'd07', 'Ledgerstone speaker label');
    await h.runner.drain();
    const { items } = await itemsOf(h, id);
    const people = [...items.requests.map((r) => r.requester), ...items.commitments.map((c) => c.owner)];
    expect(people).not.toContain('Speaker 2');
    expect(items.commitments).toHaveLength(3);
  });

  it('an overloaded API (529) is retried later and the source is processed when it recovers', async () => {
    const api = mockEndpoint(server, ANTHROPIC_MESSAGES, () => anthropicError(529, 'overloaded_error', 'Overloaded'));
    const id = await postCase(h, 'd07', 'Ledgerstone overloaded');
    await h.runner.drain();
    expect(await sourceRow(db, id)).toMatchObject({ status: 'received', last_error: expect.stringMatching(/upstream error 529/) });
    api.next(json(anthropicBody(d07Answer('Callum Price'))));
    h.clock.advance(10 * 60_000);
    await h.runner.drain();
    expect(await sourceRow(db, id)).toMatchObject({ status: 'processed', attempts: 2 });
  });

  it('a 429 carries its Retry-After to the job', async () => {
    mockEndpoint(server, ANTHROPIC_MESSAGES, () => anthropicError(429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', { 'retry-after': '45' }));
    const id = await postCase(h, 'd07', 'Ledgerstone rate limited');
    const before = h.clock.now().getTime();
    await h.runner.drain();
    const s = await sourceRow(db, id);
    expect(s.status).toBe('received');
    expect(s.next_attempt_at.getTime() - before).toBeGreaterThanOrEqual(45_000);
  });

  it('a refusal (stop_reason "refusal") is recorded and fails the job', async () => {
    mockEndpoint(server, ANTHROPIC_MESSAGES, json(anthropicBody(null, { stop: 'refusal', text: 'I can’t help with this request.' })));
    const id = await postCase(h, 'd07', 'Ledgerstone refused');
    await h.runner.drain();
    expect(await sourceRow(db, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await llmCalls(db, id)).map((c) => [c.status, c.raw_output])).toEqual([['refused', 'I can’t help with this request.']]);
  });

  it('output cut at max_tokens is invalid: repaired once, else the job fails with the raw output kept', async () => {
    const cut = JSON.stringify(d07Answer('Callum Price')).slice(0, 200);
    mockEndpoint(server, ANTHROPIC_MESSAGES, json(anthropicBody(null, { stop: 'max_tokens', text: cut })));
    const id = await postCase(h, 'd07', 'Ledgerstone truncated');
    await h.runner.drain();
    expect(await sourceRow(db, id)).toMatchObject({ status: 'failed' });
    const calls = await llmCalls(db, id);
    expect(calls.map((c) => [c.status, c.raw_output])).toEqual([['invalid_output', cut], ['invalid_output', cut]]);
    expect(calls[0]!.error).toMatch(/max_tokens/);
  });
});
