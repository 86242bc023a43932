import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createLlmProvider } from '../../src/llm/index.js';
import { createHarness, testConfig, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { useMsw } from '../helpers/msw.js';
import { d03Answer, json, mockEndpoint, OPENAI_RESPONSES, openAiBody } from './mock-llm.js';
import { extractionRows, itemsOf, llmCalls, postCase } from './pipeline.js';

const server = useMsw();
const ENV = { LIAISON_LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test-key' };

// The call log and the extraction record over the wire (the pg driver), as production on Postgres writes them.
describe('LLM call log on the pg driver', () => {
  let db: Db;
  let h: TestHarness;
  beforeAll(async () => {
    db = await createDb('pg');
    h = createHarness(db, { env: ENV, llm: createLlmProvider(testConfig(ENV), { db }) });
  });
  afterAll(async () => db.close());

  it('logs a repaired call as invalid_output (raw kept) then ok, and stores the extraction with its provenance', async () => {
    mockEndpoint(server, OPENAI_RESPONSES, json(openAiBody('{"requests": [], "commitments": []}', { input: 1500, output: 20 })), json(openAiBody(d03Answer(), { input: 400, output: 600, cached: 0 })));
    const id = await postCase(h, 'd03', 'Maplewood on pg');
    await h.runner.drain();
    expect((await itemsOf(h, id)).status).toBe('processed');
    const calls = await llmCalls(db, id);
    expect(calls.map((c) => [c.status, c.raw_output, c.input_tokens])).toEqual([
      ['invalid_output', '{"requests": [], "commitments": []}', 1500],
      ['ok', null, 400],
    ]);
    expect(calls[0]!.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(calls[0]!.request_hash).not.toBe(calls[1]!.request_hash);
    // The extraction counts both attempts' tokens.
    expect(await extractionRows(db, id)).toMatchObject([{ provider: 'openai', input_tokens: 1900, output_tokens: 620, dropped_quotes: 1 }]);
  });
});
