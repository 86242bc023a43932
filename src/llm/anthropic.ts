import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { mapSdkError } from './errors.js';
import type { Completion, Transport } from './types.js';


export interface AnthropicOptions {
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

function mapError(err: unknown) {
  return mapSdkError('anthropic', err, {
    status: err instanceof Anthropic.APIError ? err.status : undefined,
    headers: err instanceof Anthropic.APIError ? err.headers : undefined,
    timeout: err instanceof Anthropic.APIConnectionTimeoutError,
    connection: err instanceof Anthropic.APIConnectionError,
  });
}

function fromMessage(m: Message, model: string): Completion {
  const u = m.usage;
  const cacheRead = u.cache_read_input_tokens ?? 0;
  return {
    text: m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(''),
    refusal: m.stop_reason === 'refusal' ? (m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('') || 'refused') : null,
    incomplete: m.stop_reason === 'max_tokens' ? 'max_tokens' : null,
    // Anthropic's input_tokens excludes cache reads and writes; ours counts every input token.
    usage: { inputTokens: u.input_tokens + (u.cache_creation_input_tokens ?? 0) + cacheRead, outputTokens: u.output_tokens, cachedTokens: cacheRead },
    model: m.model ?? model,
  };
}

/**
 * Anthropic Messages with the SDK's zod output format (native structured outputs) and the static
 * instructions marked for prompt caching. The request is exactly what messages.parse() sends; the
 * text is parsed by us so that a schema break keeps the raw output for the repair and the call log.
 */
export function createAnthropicTransport(opts: AnthropicOptions): Transport {
  let client: Anthropic | null = null;
  const sdk = () =>
    (client ??= new Anthropic({
      apiKey: opts.apiKey, timeout: opts.timeoutMs, maxRetries: opts.maxRetries,
      fetch: (url, init) => globalThis.fetch(url, init),
    }));
  return {
    provider: 'anthropic',
    model: opts.model,
    async complete(req) {
      try {
        const m = await sdk().messages.create({
          model: opts.model,
          max_tokens: req.maxOutputTokens,
          system: [{ type: 'text', text: req.system, cache_control: { type: 'ephemeral' } }],
          messages: [{ role: 'user', content: req.input }],
          output_config: { format: zodOutputFormat(req.schema) },
        });
        return fromMessage(m, opts.model);
      } catch (err) {
        throw mapError(err);
      }
    },
  };
}
