import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createLlmExtractor } from '../../src/extract/llm/index.js';
import type { ExtractOutput } from '../../src/extract/llm/schema.js';
import { createLlmProvider } from '../../src/llm/index.js';
import { createHarness, testConfig, type TestHarness } from '../helpers/ctx.js';
import { createPgliteDb } from '../helpers/db.js';
import { useMsw } from '../helpers/msw.js';
import { d03Answer, mockEndpoint, OPENAI_RESPONSES, openAiBody } from './mock-llm.js';
import { extractionRows, itemsOf, llmCalls, postCase } from './pipeline.js';

const server = useMsw();
const ENV = { LIAISON_LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test-key' };

/** A model that answers each part with the items whose segment it was shown (so overlap items come back twice). */
function answerForPart(body: Record<string, unknown>): Response {
  const input = (body.input as Array<{ content: string }>)[0]!.content;
  const shown = new Set([...input.matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1])));
  const all = d03Answer();
  const keep = <T extends { segment: number; quote: string }>(xs: T[]) => xs.filter((x) => shown.has(x.segment) && !x.quote.includes('logo'));
  const answer: ExtractOutput = { requests: keep(all.requests), commitments: keep(all.commitments), risks: keep(all.risks) };
  return HttpResponse.json(openAiBody(answer, { input: 700, output: 150 }));
}

describe('a source over the budget', () => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createPgliteDb();
    const llm = createLlmProvider(testConfig(ENV), { db, maxRetries: 0 })!;
    h = createHarness(db, { env: ENV, llm, extractor: createLlmExtractor(llm, { maxInputTokens: 300, overlapSegments: 2 }) });
  });
  afterAll(async () => db.close());

  it('is split at segment boundaries with overlap, one call per part, and merged without duplicates', async () => {
    const api = mockEndpoint(server, OPENAI_RESPONSES, answerForPart);
    const id = await postCase(h, 'd03', 'Maplewood long');
    await h.runner.drain();

    const parts = api.sent.length;
    expect(parts).toBeGreaterThan(2);
    const shown = api.sent.map((s) => [...(s.body.input as Array<{ content: string }>)[0]!.content.matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1])));
    // Every segment is read, in order; consecutive parts share their boundary segments.
    expect([...new Set(shown.flat())]).toEqual([...Array(22).keys()]);
    for (let i = 1; i < shown.length; i++) expect(shown[i]![0]!).toBeLessThanOrEqual(shown[i - 1]!.at(-1)!);
    const repeated = shown.flat().length - 22;
    expect(repeated).toBeGreaterThan(0);

    const { status, items } = await itemsOf(h, id);
    expect(status).toBe('processed');
    const quotes = (xs: Array<{ quote: string }>) => xs.map((x) => x.quote);
    expect(new Set(quotes(items.requests)).size).toBe(items.requests.length);
    expect(items.requests).toHaveLength(4);
    expect(items.commitments).toHaveLength(3);
    expect(items.risks).toHaveLength(2);

    const [ext] = await extractionRows(db, id);
    expect(ext).toMatchObject({ input_tokens: 700 * parts, output_tokens: 150 * parts, dropped_quotes: 0 });
    expect((await llmCalls(db, id)).map((c) => c.status)).toEqual(Array(parts).fill('ok'));
  });
});
