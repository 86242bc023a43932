import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { ExtractOutput } from '../../src/extract/llm/schema.js';

// Realistic provider bodies (the shapes verified in reference/stack.md) and a recorder of what was sent.

export const OPENAI_RESPONSES = 'https://api.openai.com/v1/responses';
export const ANTHROPIC_MESSAGES = 'https://api.anthropic.com/v1/messages';

let seq = 0;

export function openAiBody(output: unknown, opts: { model?: string; input?: number; cached?: number; output?: number; refusal?: string; incomplete?: string } = {}) {
  seq++;
  const content = opts.refusal
    ? [{ type: 'refusal', refusal: opts.refusal }]
    : [{ type: 'output_text', text: typeof output === 'string' ? output : JSON.stringify(output), annotations: [], logprobs: [] }];
  return {
    id: `resp_${seq}`, object: 'response', created_at: 1773760000 + seq, status: opts.incomplete ? 'incomplete' : 'completed',
    incomplete_details: opts.incomplete ? { reason: opts.incomplete } : null, error: null,
    model: opts.model ?? 'gpt-5-mini-2025-08-07', instructions: null, parallel_tool_calls: true, tools: [], tool_choice: 'auto',
    output: [
      { id: `rs_${seq}`, type: 'reasoning', summary: [] },
      { id: `msg_${seq}`, type: 'message', role: 'assistant', status: 'completed', content },
    ],
    usage: {
      input_tokens: opts.input ?? 1800, input_tokens_details: { cached_tokens: opts.cached ?? 0 },
      output_tokens: opts.output ?? 420, output_tokens_details: { reasoning_tokens: 128 }, total_tokens: (opts.input ?? 1800) + (opts.output ?? 420),
    },
  };
}

export function chatBody(output: unknown, opts: { model?: string } = {}) {
  seq++;
  return {
    id: `chatcmpl-${seq}`, object: 'chat.completion', created: 1773760000 + seq, model: opts.model ?? 'llama3.1:8b', system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(output), refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1500, completion_tokens: 300, total_tokens: 1800 },
  };
}

export function anthropicBody(output: unknown, opts: { model?: string; stop?: string; text?: string; cacheRead?: number; cacheWrite?: number } = {}) {
  seq++;
  return {
    id: `msg_01${seq}`, type: 'message', role: 'assistant', model: opts.model ?? 'claude-haiku-4-5-20251001',
    content: [{ type: 'text', text: opts.text ?? JSON.stringify(output) }],
    stop_reason: opts.stop ?? 'end_turn', stop_sequence: null,
    usage: {
      input_tokens: 600, output_tokens: 380, cache_creation_input_tokens: opts.cacheWrite ?? 0, cache_read_input_tokens: opts.cacheRead ?? 1100,
      cache_creation: { ephemeral_5m_input_tokens: opts.cacheWrite ?? 0, ephemeral_1h_input_tokens: 0 }, service_tier: 'standard',
    },
  };
}

/** An error body as the providers send it; body-less bodies are not needed with maxRetries: 0. */
export function openAiError(status: number, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code: null } }, { status, headers });
}
export function anthropicError(status: number, type: string, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ type: 'error', error: { type, message } }, { status, headers });
}

export interface Recorded {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

/**
 * Answers POSTs to `url` from a queue of responders (the last one repeats) and records every request.
 * Swap the queue with `next()` to model a provider that recovers.
 */
export function mockEndpoint(server: SetupServer, url: string, ...responders: Array<(body: Record<string, unknown>) => Response | Promise<Response>>) {
  const sent: Recorded[] = [];
  let queue = responders;
  server.use(http.post(url, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    sent.push({ url: request.url, headers: request.headers, body });
    const respond = queue.length > 1 ? queue.shift()! : queue[0]!;
    return respond(body);
  }));
  return { sent, next: (...r: typeof responders) => { queue = r; } };
}

export const json = (body: object) => () => HttpResponse.json(body as Record<string, unknown>);

/** A model answer for case d03 (Maplewood Dental), as a good model would give it, plus one invented quote. */
export function d03Answer(): ExtractOutput {
  return {
    requests: [
      { segment: 6, quote: "If that page isn't live by Friday, we're going to rethink whether we keep the retainer at all.", text: 'Get the new-patient landing page live', requester: 'Anand Rao', channel: 'web', triage: 'hot', due_phrase: 'by Friday' },
      { segment: 9, quote: 'The Cedar Street location page on our website still shows the old phone number.', text: 'Fix the phone number on the Cedar Street page', requester: 'Yvonne Castellanos', channel: 'web', triage: 'hot', due_phrase: null },
      // Models sometimes wrap the span in quote marks or keep the rendering's speaker prefix.
      { segment: 11, quote: '“Check the Google listing for Cedar Street too.”', text: 'Check the Cedar Street Google listing', requester: 'Yvonne Castellanos', channel: 'seo', triage: 'simple', due_phrase: null },
      { segment: 13, quote: 'Anand Rao: I want it on page one.', text: 'Get the Invisalign page to page one of Google', requester: 'Anand Rao', channel: 'seo', triage: 'complex', due_phrase: null },
      // Not in the call: must be dropped and counted, never stored.
      { segment: 13, quote: 'Please also redesign our logo by Monday.', text: 'Redesign the logo', requester: 'Anand Rao', channel: 'content', triage: 'complex', due_phrase: 'by Monday' },
    ],
    commitments: [
      { segment: 7, quote: 'He will have the page live by Thursday.', text: 'Have the landing page live', owner: 'Ravi', owner_side: 'agency', due_phrase: 'by Thursday' },
      { segment: 10, quote: "I'll correct it within the hour.", text: 'Correct the Cedar Street phone number', owner: 'Grace Whitfield', owner_side: 'agency', due_phrase: 'within the hour' },
      { segment: 14, quote: "I'll have Ines on our SEO team put together a plan for that page.", text: 'SEO plan for the Invisalign page', owner: 'Ines', owner_side: 'agency', due_phrase: null },
    ],
    risks: [
      { segment: 3, quote: "The new-patient landing page was promised for March 1st. It's the 17th.", kind: 'missed_deadline', severity: 'high', rationale: 'The landing page is 16 days late.' },
      { segment: 6, quote: "we're going to rethink whether we keep the retainer at all.", kind: 'churn_risk', severity: 'high', rationale: 'Ultimatum on the retainer.' },
    ],
  };
}
