import type { Config } from '../config/env.js';
import type { Db } from '../db/types.js';
import { silentLogger, type Logger } from '../logger.js';
import { createStructuredProvider } from './structured.js';
import type { LlmProvider, Transport } from './types.js';

// Kept here, not imported from the SDK modules, so that choosing a provider loads no SDK.
export const DEFAULT_OPENAI_MODEL = 'gpt-5-mini';
export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';

/**
 * A transport whose SDK module is imported on the first call: the SDKs cost ~300 ms to load, and the
 * offline shape and a server's start-up should not pay for them.
 */
function lazyTransport(provider: Transport['provider'], model: string, load: () => Promise<Transport>): Transport {
  let loaded: Promise<Transport> | null = null;
  return {
    provider,
    model,
    complete: async (req) => (await (loaded ??= load())).complete(req),
  };
}

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
    {
      const model = config.LIAISON_LLM_MODEL ?? DEFAULT_OPENAI_MODEL;
      const load = async () => (await import('./openai.js')).createOpenAiTransport({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model, timeoutMs, maxRetries });
      return createStructuredProvider(lazyTransport('openai', model, load), structured);
    }
    case 'anthropic':
    {
      const model = config.LIAISON_LLM_MODEL ?? DEFAULT_ANTHROPIC_MODEL;
      const load = async () => (await import('./anthropic.js')).createAnthropicTransport({ apiKey: config.ANTHROPIC_API_KEY, model, timeoutMs, maxRetries });
      return createStructuredProvider(lazyTransport('anthropic', model, load), structured);
    }
  }
}
