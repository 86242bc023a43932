import OpenAI from 'openai';
import type { Config } from '../config/env.js';
import { UpstreamError } from '../errors.js';
import { EMBEDDING_DIMENSIONS, type Embedder } from './types.js';

const BATCH = 96;

export interface OpenAiEmbedderOptions {
  apiKey?: string;
  baseURL?: string;
  model: string;
  dimensions?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * OpenAI embeddings (text-embedding-3-*), asked for exactly the column's dimension and batched.
 * The client is built on first use and calls globalThis.fetch at request time, so msw sees it in tests.
 */
export function createOpenAiEmbedder(opts: OpenAiEmbedderOptions): Embedder {
  const dimensions = opts.dimensions ?? EMBEDDING_DIMENSIONS;
  let client: OpenAI | null = null;
  const get = () =>
    (client ??= new OpenAI({
      apiKey: opts.apiKey ?? 'unused',
      baseURL: opts.baseURL,
      timeout: opts.timeoutMs ?? 60_000,
      maxRetries: opts.maxRetries ?? 2,
      fetch: (url, init) => globalThis.fetch(url, init),
    }));
  return {
    name: `openai:${opts.model}/${dimensions}`,
    dimensions,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const batch = texts.slice(i, i + BATCH).map((t) => t.trim() || '(empty)');
        let res;
        try {
          res = await get().embeddings.create({ model: opts.model, input: batch, dimensions });
        } catch (err) {
          const status = (err as { status?: number }).status;
          throw new UpstreamError(`embedding request failed: ${(err as Error).message}`, {
            cause: err, retryable: status === undefined || status === 408 || status === 409 || status === 429 || status >= 500,
          });
        }
        const sorted = [...res.data].sort((a, b) => a.index - b.index);
        if (sorted.length !== batch.length) throw new UpstreamError(`embedding response has ${sorted.length} vectors for ${batch.length} inputs`, { retryable: false });
        for (const d of sorted) {
          if (d.embedding.length !== dimensions) {
            throw new UpstreamError(`embedding has ${d.embedding.length} dimensions, expected ${dimensions}`, { retryable: false });
          }
          out.push(d.embedding);
        }
      }
      return out;
    },
  };
}

export function openAiEmbedderFromConfig(config: Config): Embedder {
  return createOpenAiEmbedder({
    apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.LIAISON_EMBEDDING_MODEL, timeoutMs: config.LIAISON_LLM_TIMEOUT_MS,
  });
}
