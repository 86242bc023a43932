import type { Config } from '../config/env.js';
import type { Db } from '../db/types.js';
import { silentLogger, type Logger } from '../logger.js';
import { createAnthropicTransport, DEFAULT_ANTHROPIC_MODEL } from './anthropic.js';
import { createOpenAiTransport, DEFAULT_OPENAI_MODEL } from './openai.js';
import { createStructuredProvider } from './structured.js';
import type { LlmProvider } from './types.js';

export interface LlmDeps {
  /** Every call is logged to llm_calls when given. */
  db?: Db | null;
  logger?: Logger;
  /**
   * SDK-level retries of one call; 0 by default. The job runner retries the whole source durably, with
   * backoff and Retry-After, and an SDK retry inside a job would stretch it past the job's lease. (In
   * tests an SDK retry on an msw error body also hangs: reference/stack.md §1.)
   */
  maxRetries?: number;
}

/** The configured LLM provider, or null on the offline defaults. */
export function createLlmProvider(config: Config, deps: LlmDeps = {}): LlmProvider | null {
  const maxRetries = deps.maxRetries ?? 0;
  const structured = { db: deps.db ?? null, logger: deps.logger ?? silentLogger };
  const timeoutMs = config.LIAISON_LLM_TIMEOUT_MS;
  switch (config.llmProvider) {
    case 'offline':
      return null;
    case 'openai':
      return createStructuredProvider(
        createOpenAiTransport({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.LIAISON_LLM_MODEL ?? DEFAULT_OPENAI_MODEL, timeoutMs, maxRetries }),
        structured,
      );
    case 'anthropic':
      return createStructuredProvider(
        createAnthropicTransport({ apiKey: config.ANTHROPIC_API_KEY, model: config.LIAISON_LLM_MODEL ?? DEFAULT_ANTHROPIC_MODEL, timeoutMs, maxRetries }),
        structured,
      );
  }
}
