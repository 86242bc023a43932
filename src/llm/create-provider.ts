import type { Config } from '../config/env.js';
import type { LlmProvider } from './types.js';

/** The configured LLM provider, or null on the offline defaults. (The extraction issue adds openai/anthropic.) */
export function createLlmProvider(config: Config): LlmProvider | null {
  if (config.llmProvider === 'offline') return null;
  throw new Error(`LLM provider ${config.llmProvider} is not available in this build`);
}
