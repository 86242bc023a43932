import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpstreamError } from '../../src/errors.js';
import { createExtractor } from '../../src/extract/index.js';
import { createLlmProvider } from '../../src/llm/index.js';
import { retryAfterSeconds } from '../../src/llm/errors.js';
import { testConfig } from '../helpers/ctx.js';
import { useMsw } from '../helpers/msw.js';
import { chatBody, mockEndpoint, openAiBody } from './mock-llm.js';

const server = useMsw();
const BASE = 'http://127.0.0.1:11434/v1';
const Answer = z.object({ title: z.string().describe('A short title'), tags: z.array(z.string()).describe('Tags') });
const args = { task: 'note', schema: Answer, system: 'version: note-v3\nName the note.', input: 'Call notes: website and ads.' };

describe('OpenAI-compatible servers (OPENAI_BASE_URL)', () => {
  it('falls back to chat completions when the server has no /responses, and remembers it', async () => {
    const responses = mockEndpoint(server, `${BASE}/responses`, () => HttpResponse.json({ error: { message: '404 page not found' } }, { status: 404 }));
    const chat = mockEndpoint(server, `${BASE}/chat/completions`, () => HttpResponse.json(chatBody({ title: 'Web and ads', tags: ['web'] })));
    const llm = createLlmProvider(testConfig({ LIAISON_LLM_PROVIDER: 'openai', OPENAI_BASE_URL: BASE, LIAISON_LLM_MODEL: 'llama3.1:8b' }))!;

    const first = await llm.generateStructured(args);
    expect(first).toMatchObject({ object: { title: 'Web and ads', tags: ['web'] }, model: 'llama3.1:8b', usage: { inputTokens: 1500, outputTokens: 300, cachedTokens: 0 } });
    await llm.generateStructured(args);
    expect(responses.sent).toHaveLength(1);
    expect(chat.sent).toHaveLength(2);
    expect(chat.sent[0]!.body).toMatchObject({
      model: 'llama3.1:8b',
      messages: [{ role: 'system', content: args.system }, { role: 'user', content: args.input }],
      response_format: { type: 'json_schema', json_schema: { name: 'note', strict: true } },
      temperature: 0,
    });
    // The server's own context decides the output length (vLLM rejects a cap larger than it).
    expect(chat.sent[0]!.body).not.toHaveProperty('max_tokens');
    // A local server gets no OpenAI-only parameters.
    expect(responses.sent[0]!.body).not.toHaveProperty('prompt_cache_key');
  });

  it('uses the Responses API when the compatible server has it', async () => {
    const responses = mockEndpoint(server, `${BASE}/responses`, () => HttpResponse.json(openAiBody({ title: 'T', tags: [] }, { model: 'qwen3' })));
    const llm = createLlmProvider(testConfig({ OPENAI_BASE_URL: BASE, LIAISON_LLM_MODEL: 'qwen3' }))!;
    expect(llm.name).toBe('openai');
    expect((await llm.generateStructured(args)).object).toEqual({ title: 'T', tags: [] });
    expect(responses.sent[0]!.body).toMatchObject({ model: 'qwen3', instructions: args.system, text: { format: { name: 'note', strict: true } } });
    // A task name outside OpenAI's format-name alphabet is made safe.
    await llm.generateStructured({ ...args, task: 'draft:recap v2' });
    expect(responses.sent[1]!.body).toMatchObject({ text: { format: { name: 'draft_recap_v2' } } });
  });

  it('a connection failure is a retryable upstream error', async () => {
    server.use(http.post(`${BASE}/responses`, () => HttpResponse.error()));
    const llm = createLlmProvider(testConfig({ OPENAI_BASE_URL: BASE }))!;
    const err = await llm.generateStructured(args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ retryable: true, message: expect.stringMatching(/connection failed/) });
  });
});

describe('Retry-After', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    const now = Date.parse('2026-03-10T15:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': '30' }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(2);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Tue, 10 Mar 2026 15:02:00 GMT' }), now)).toBe(120);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterSeconds(new Headers(), now)).toBeUndefined();
  });
});

describe('choosing the provider from the environment', () => {
  it('defaults to current models, honours LIAISON_LLM_MODEL, and stays offline without keys', () => {
    expect(createLlmProvider(testConfig({ OPENAI_API_KEY: 'sk-x' }))).toMatchObject({ name: 'openai', model: 'gpt-5-mini' });
    expect(createLlmProvider(testConfig({ ANTHROPIC_API_KEY: 'sk-ant-x' }))).toMatchObject({ name: 'anthropic', model: 'claude-haiku-4-5' });
    expect(createLlmProvider(testConfig({ LIAISON_LLM_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k', LIAISON_LLM_MODEL: 'claude-sonnet-4-6' }))?.model).toBe('claude-sonnet-4-6');
    expect(createLlmProvider(testConfig())).toBeNull();
    const config = testConfig({ OPENAI_API_KEY: 'sk-x' });
    expect(createExtractor(config, createLlmProvider(config)).name).toBe('llm:openai');
    expect(createExtractor(testConfig(), null).name).toBe('offline');
  });
});
