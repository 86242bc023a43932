import OpenAI from 'openai';
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import type { Response as OpenAiResponse } from 'openai/resources/responses/responses';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { mapSdkError } from './errors.js';
import type { Completion, CompletionRequest, Transport } from './types.js';


export interface OpenAiOptions {
  apiKey: string | undefined;
  /** An OpenAI-compatible server (Ollama, vLLM, LM Studio); enables the chat-completions fallback. */
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

function mapError(err: unknown) {
  return mapSdkError('openai', err, {
    status: err instanceof OpenAI.APIError ? err.status : undefined,
    headers: err instanceof OpenAI.APIError ? err.headers : undefined,
    timeout: err instanceof OpenAI.APIConnectionTimeoutError,
    connection: err instanceof OpenAI.APIConnectionError,
  });
}

/** OpenAI names a response format with [a-zA-Z0-9_-], at most 64 characters. */
const formatName = (task: string) => task.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'output';

/** A server without the Responses API answers 404 (or 405/501) on /responses. */
const lacksResponsesApi = (err: unknown) => err instanceof OpenAI.APIError && [404, 405, 501].includes(err.status ?? 0);

function fromResponse(r: OpenAiResponse, model: string): Completion {
  let refusal: string | null = null;
  for (const item of r.output ?? []) {
    if (item.type !== 'message') continue;
    for (const c of item.content) if (c.type === 'refusal') refusal = c.refusal;
  }
  const u = r.usage;
  return {
    text: r.output_text ?? '',
    refusal,
    incomplete: r.status === 'incomplete' ? (r.incomplete_details?.reason ?? 'incomplete') : null,
    usage: { inputTokens: u?.input_tokens ?? 0, outputTokens: u?.output_tokens ?? 0, cachedTokens: u?.input_tokens_details?.cached_tokens ?? 0 },
    model: r.model ?? model,
  };
}

function fromChat(r: ChatCompletion, model: string): Completion {
  const choice = r.choices[0];
  const u = r.usage;
  return {
    text: choice?.message.content ?? '',
    refusal: choice?.message.refusal ?? null,
    incomplete: choice?.finish_reason === 'length' || choice?.finish_reason === 'content_filter' ? choice.finish_reason : null,
    usage: { inputTokens: u?.prompt_tokens ?? 0, outputTokens: u?.completion_tokens ?? 0, cachedTokens: u?.prompt_tokens_details?.cached_tokens ?? 0 },
    model: r.model ?? model,
  };
}

/**
 * OpenAI through the Responses API with the SDK's zod text format (strict JSON schema). With a custom
 * base URL, a server that has no /responses is remembered and served through chat completions.
 */
export function createOpenAiTransport(opts: OpenAiOptions): Transport {
  let client: OpenAI | null = null;
  // Built on first use, and fetch looked up per call: msw (tests) and Workers patch globalThis.fetch.
  const sdk = () =>
    (client ??= new OpenAI({
      apiKey: opts.apiKey ?? 'not-needed', baseURL: opts.baseURL, timeout: opts.timeoutMs, maxRetries: opts.maxRetries,
      fetch: (url, init) => globalThis.fetch(url, init),
    }));
  let mode: 'responses' | 'chat' = 'responses';
  const official = !opts.baseURL || /^https:\/\/api\.openai\.com\b/.test(opts.baseURL);
  // Reasoning models take an effort and no temperature; the others extract best at temperature 0.
  const sampling = /^(gpt-5|o\d)/.test(opts.model) ? (official ? { reasoning: { effort: 'low' as const } } : {}) : { temperature: 0 };
  // A local server's context may be smaller than our output cap (vLLM rejects such a request): let it decide.
  const cap = (n: number) => (official ? n : undefined);

  const viaResponses = async (req: CompletionRequest) =>
    fromResponse(
      await sdk().responses.create({
        model: opts.model,
        instructions: req.system,
        input: [{ role: 'user', content: req.input }],
        text: { format: zodTextFormat(req.schema, formatName(req.task)) },
        max_output_tokens: cap(req.maxOutputTokens),
        // Client data is not kept at the provider; the static prefix is routed to the same cache.
        store: false,
        ...sampling,
        ...(official ? { prompt_cache_key: `liaison-${formatName(req.task)}` } : {}),
      }),
      opts.model,
    );
  const viaChat = async (req: CompletionRequest) =>
    fromChat(
      await sdk().chat.completions.create({
        model: opts.model,
        messages: [{ role: 'system', content: req.system }, { role: 'user', content: req.input }],
        response_format: zodResponseFormat(req.schema, formatName(req.task)),
        max_tokens: cap(req.maxOutputTokens),
        ...('temperature' in sampling ? sampling : {}),
      }),
      opts.model,
    );

  return {
    provider: 'openai',
    model: opts.model,
    async complete(req) {
      try {
        if (mode === 'chat') return await viaChat(req);
        try {
          return await viaResponses(req);
        } catch (err) {
          if (official || !lacksResponsesApi(err)) throw err;
          mode = 'chat';
          return await viaChat(req);
        }
      } catch (err) {
        throw mapError(err);
      }
    },
  };
}
