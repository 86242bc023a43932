import type { Config } from '../config/env.js';
import type { LlmProvider } from '../llm/types.js';
import { createLlmExtractor } from './llm/index.js';
import { createOfflineExtractor } from './offline/index.js';
import type { Extractor } from './types.js';

/** The rule-based extractor offline; the LLM extractor over the configured provider otherwise. */
export function createExtractor(config: Config, llm: LlmProvider | null): Extractor {
  if (!llm) return createOfflineExtractor();
  return createLlmExtractor(llm, { maxInputTokens: config.LIAISON_LLM_MAX_INPUT_TOKENS });
}
