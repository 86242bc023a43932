import type { Config } from '../config/env.js';
import type { LlmProvider } from '../llm/types.js';
import { createOfflineExtractor } from './offline/index.js';
import type { Extractor } from './types.js';

/** The rule-based extractor offline; the LLM extractor over the configured provider otherwise. */
export function createExtractor(_config: Config, llm: LlmProvider | null): Extractor {
  if (!llm) return createOfflineExtractor();
  throw new Error('LLM extraction is not available in this build');
}
