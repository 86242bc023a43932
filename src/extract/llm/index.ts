import { sha256Hex } from '../../ids.js';
import type { LlmProvider } from '../../llm/types.js';
import type { ExtractInput, Extractor, RawExtraction } from '../types.js';
import { mergeParts } from './merge-parts.js';
import { EXTRACT_PROMPT } from './prompt.js';
import { renderSource } from './render-source.js';
import { EXTRACT_SCHEMA_VERSION, ExtractOutput } from './schema.js';
import { planParts, type SplitOptions } from './split-source.js';
import { sumUsage, toRawExtraction } from './to-raw.js';

export { renderSource, type SourcePart } from './render-source.js';
export { planParts, estimateTokens } from './split-source.js';
export { mergeParts } from './merge-parts.js';
export { ExtractOutput, EXTRACT_SCHEMA_VERSION } from './schema.js';
export { EXTRACT_PROMPT } from './prompt.js';

export const DEFAULT_SPLIT: SplitOptions = { maxInputTokens: 48_000, overlapSegments: 3 };

/**
 * The LLM extractor: one structured call per source (per part when a source is over the budget)
 * returning requests, commitments and risks together, each with its quote, segment and date phrase.
 * Quotes, dates and names are checked in code afterwards (finalizeExtraction), not trusted.
 */
export function createLlmExtractor(llm: LlmProvider, split: Partial<SplitOptions> = {}): Extractor {
  const opts = { ...DEFAULT_SPLIT, ...split };
  return {
    name: `llm:${llm.name}`,
    async extract({ source, account, sourceId }: ExtractInput): Promise<RawExtraction> {
      const promptHash = await sha256Hex(EXTRACT_PROMPT.system);
      const meta = { provider: llm.name, model: llm.model, promptVersion: EXTRACT_PROMPT.version, promptHash, schemaVersion: EXTRACT_SCHEMA_VERSION };
      // Nothing minable (an email that is all cover note and history): no call, no items.
      if (!source.segments.length) {
        return toRawExtraction(source, { requests: [], commitments: [], risks: [] }, { ...meta, usage: sumUsage([]), latencyMs: 0 });
      }
      const results = [];
      for (const part of planParts(source, account, opts)) {
        results.push(await llm.generateStructured({
          task: 'extract', schema: ExtractOutput, system: EXTRACT_PROMPT.system, promptVersion: EXTRACT_PROMPT.version,
          input: renderSource(source, account, part), sourceId: sourceId ?? null,
        }));
      }
      const merged = mergeParts(results.map((r) => r.object));
      return toRawExtraction(source, merged, {
        ...meta,
        model: results.at(-1)!.model,
        usage: sumUsage(results.map((r) => r.usage)),
        latencyMs: results.reduce((a, r) => a + r.latencyMs, 0),
      });
    },
  };
}
