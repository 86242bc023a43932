import { z } from 'zod';
import { sha256Hex } from '../ids.js';
import type { GenerateStructuredArgs, GenerateStructuredResult, LlmProvider } from '../llm/types.js';

// Provider responses cached by a hash of the request, so re-running an eval against a real provider
// costs nothing. Used only by `liaison eval`; the store is pluggable (a folder of JSON files there).

export interface ResponseStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const Cached = z.object({
  object: z.unknown(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), cachedTokens: z.number() }),
  model: z.string(),
});

function schemaText(schema: z.ZodType): string {
  try {
    return JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }));
  } catch {
    return '';
  }
}

/** The cache key: everything that shapes the answer (provider, model, task, prompt, input, schema, limit). */
export async function requestKey(provider: Pick<LlmProvider, 'name' | 'model'>, args: GenerateStructuredArgs<z.ZodType>): Promise<string> {
  return sha256Hex(JSON.stringify([provider.name, provider.model, args.task, args.system, args.input, schemaText(args.schema), args.maxOutputTokens ?? null]));
}

export interface CacheStats { hits: number; misses: number }

export function withResponseCache(inner: LlmProvider, store: ResponseStore, stats: CacheStats = { hits: 0, misses: 0 }): LlmProvider & { stats: CacheStats } {
  return {
    name: inner.name,
    model: inner.model,
    stats,
    async generateStructured<S extends z.ZodType>(args: GenerateStructuredArgs<S>): Promise<GenerateStructuredResult<z.infer<S>>> {
      const key = await requestKey(inner, args);
      const hit = Cached.safeParse(await store.get(key));
      if (hit.success) {
        const object = args.schema.safeParse(hit.data.object);
        if (object.success) {
          stats.hits++;
          return { object: object.data as z.infer<S>, usage: hit.data.usage, model: hit.data.model, latencyMs: 0 };
        }
      }
      stats.misses++;
      const res = await inner.generateStructured(args);
      await store.set(key, { object: res.object, usage: res.usage, model: res.model });
      return res;
    },
  };
}
