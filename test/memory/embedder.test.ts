import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import { createOpenAiEmbedder, EmbedderMismatchError, hashEmbed, readEmbedderRecord, reembed, searchAccount, type ReembedProgress } from '../../src/memory/index.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { DRIVERS, createDb } from '../helpers/db.js';
import { useMsw } from '../helpers/msw.js';
import { postCase } from './helpers.js';

// The OpenAI embeddings endpoint as the SDK sees it: asked for base64, it answers base64 Float32.
// Vectors are a deterministic function of the text (feature hashing over reversed words), unlike the
// offline embedder's, so a search that still works after reembed proves the vectors were replaced.
const server = useMsw();
const calls: Array<{ model: string; input: string[]; dimensions: number; encoding_format: string }> = [];
const fakeVector = (t: string, dims: number) => hashEmbed(t.split(/\s+/).map((w) => [...w].reverse().join('')).join(' '), dims);
function embeddingsHandler(opts: { failAfter?: number } = {}) {
  return http.post('https://api.openai.com/v1/embeddings', async ({ request }) => {
    const body = (await request.json()) as (typeof calls)[number];
    calls.push(body);
    if (opts.failAfter !== undefined && calls.length > opts.failAfter) return HttpResponse.json({ error: { message: 'bad request', type: 'invalid_request_error' } }, { status: 400 });
    const data = body.input.map((t, index) => ({
      object: 'embedding', index,
      embedding: body.encoding_format === 'base64' ? Buffer.from(new Float32Array(fakeVector(t, body.dimensions)).buffer).toString('base64') : fakeVector(t, body.dimensions),
    }));
    return HttpResponse.json({ object: 'list', data, model: body.model, usage: { prompt_tokens: 10, total_tokens: 10 } });
  });
}
const openai = (maxRetries = 0) => createOpenAiEmbedder({ apiKey: 'sk-test', model: 'text-embedding-3-small', maxRetries });

describe('openai embedder', () => {
  it('asks for 256 dimensions, decodes the base64 answer and keeps input order across batches', async () => {
    server.use(embeddingsHandler());
    calls.length = 0;
    const texts = Array.from({ length: 130 }, (_, i) => `text number ${i}`);
    const vectors = await openai().embed(texts);
    expect(calls.map((c) => c.input.length)).toEqual([96, 34]);
    expect(calls[0]).toMatchObject({ model: 'text-embedding-3-small', dimensions: 256, encoding_format: 'base64' });
    expect(vectors).toHaveLength(130);
    expect(vectors[129]!).toHaveLength(256);
    expect(vectors[129]![7]).toBeCloseTo(fakeVector('text number 129', 256)[7]!, 5);
  });

  it('turns an API error into an upstream error that names the cause', async () => {
    server.use(http.post('https://api.openai.com/v1/embeddings', () => HttpResponse.json({ error: { message: 'Incorrect API key' } }, { status: 401 })));
    await expect(openai().embed(['x'])).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: false, message: expect.stringContaining('Incorrect API key') });
  });
});

describe.each(DRIVERS)('re-embedding on %s', (driver) => {
  let db: Db;
  let h: TestHarness;
  let accountId: string;
  beforeAll(async () => {
    db = await createDb(driver);
    h = createHarness(db);
    ({ accountId } = await postCase(h, 'd01'));
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('refuses to mix vectors, then reembed switches everything over, resuming after a failure', async () => {
    const offline = h.base.embedder.name;
    expect(await readEmbedderRecord(db)).toEqual({ name: offline, dimensions: 256 });
    // A process configured for openai on this database is refused until reembed has run.
    const other = createHarness(db, { env: { LIAISON_EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test', LIAISON_LLM_PROVIDER: 'offline' } });
    const refused = await other.api('GET', `/api/search?q=storm&account=${accountId}`);
    expect(refused.status).toBe(500);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BAD_ENVIRONMENT', message: expect.stringContaining('liaison reembed') });
    await expect(searchAccount({ db, embedder: openai() }, { q: 'storm' })).rejects.toBeInstanceOf(EmbedderMismatchError);

    const [counts] = await db.query<{ chunks: number; items: number }>(
      `SELECT (SELECT count(*)::int FROM chunks) AS chunks, (SELECT count(*)::int FROM items WHERE origin = 'extracted') AS items`,
    );
    const { chunks, items } = counts!;
    expect(chunks).toBeGreaterThan(2);

    // First run dies after one batch: what it did stays done, nothing is recorded yet.
    calls.length = 0;
    server.use(embeddingsHandler({ failAfter: 1 }));
    await expect(reembed({ db, embedder: openai() }, { batchSize: 2 })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const [converted] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM chunks WHERE embedder = $1', [openai().name]);
    expect(converted!.n).toBe(2);
    expect((await readEmbedderRecord(db))!.name).toBe(offline);

    // The second run picks up where the first stopped, reporting progress.
    calls.length = 0;
    server.use(embeddingsHandler());
    const progress: ReembedProgress[] = [];
    const result = await reembed({ db, embedder: openai() }, { batchSize: 2, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ chunks: chunks - 2, items, embedder: openai().name });
    expect(calls.flatMap((c) => c.input)).toHaveLength(chunks - 2 + items);
    expect(progress.at(-1)).toEqual({ table: 'items', done: items, total: items });
    expect(progress.find((p) => p.table === 'chunks' && p.done === chunks - 2)).toBeDefined();
    expect(await readEmbedderRecord(db)).toEqual({ name: openai().name, dimensions: 256 });

    // Now the openai-configured app searches (query embedded through the mocked API), and the offline one is refused.
    const ok = await other.api('GET', `/api/search?q=${encodeURIComponent('how many leads did the storm damage page bring in')}&account=${accountId}`);
    expect(ok.status).toBe(200);
    const hits = ((await ok.json()) as { hits: Array<{ citation: { quote: string } }> }).hits;
    expect(hits[0]!.citation.quote).toBe('How many leads did the storm-damage page bring in during February?');
    expect((await h.api('GET', `/api/search?q=storm&account=${accountId}`)).status).toBe(500);
    await other.runner.stop();
  });
});
