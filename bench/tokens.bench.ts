import { readFileSync } from 'node:fs';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixedClock } from '../src/clock.js';
import { composeBase } from '../src/compose.js';
import { parseEnv } from '../src/config/env.js';
import type { Ctx } from '../src/ctx.js';
import type { NormalizedSource } from '../src/domain/schemas.js';
import { normalizeMeeting } from '../src/ingest/fathom/normalize-meeting.js';
import { findOrCreateAccount, ingestSource, storeSource } from '../src/ingest/index.js';
import { processSource } from '../src/jobs/index.js';
import { createLlmProvider } from '../src/llm/index.js';
import { silentLogger } from '../src/logger.js';
import { CASES_DIR, FIXTURES_DIR, caseInput, loadCase } from '../test/helpers/cases.js';
import { createPgliteDb } from '../test/helpers/db.js';
import { d03Answer } from '../test/llm/mock-llm.js';
import { longCall } from './fixtures/long-call.js';
import { report } from './lib.js';

// LLM input tokens per processed call, with msw standing in for the provider: every request body the
// SDK sends during processSource (extraction, and any drafting call made through ctx.llm) is counted
// with o200k_base. The static part (instructions + output schema) is the cacheable prefix; the rest
// is per-call data. Divided by the transcript's own tokens ("Speaker: text" lines).

type Body = Record<string, unknown>;
const seen: Body[] = [];

/** A valid (minimal) answer for any strict JSON schema, so drafting calls added later also complete. */
function sample(schema: Record<string, unknown>, defs: Record<string, unknown> = {}): unknown {
  if (schema.$ref) return sample(defs[String(schema.$ref).split('/').pop()!] as Record<string, unknown>, defs);
  if (schema.anyOf) return sample((schema.anyOf as Array<Record<string, unknown>>)[0]!, defs);
  if (schema.enum) return (schema.enum as unknown[])[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sample(v, defs)]));
  }
  return type === 'array' ? [] : type === 'string' ? 'ok' : type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : null;
}

function answerFor(schema: Record<string, unknown>, realistic: boolean): unknown {
  const props = Object.keys((schema.properties ?? {}) as object);
  if (realistic && ['requests', 'commitments', 'risks'].every((k) => props.includes(k))) return d03Answer();
  return sample(schema, (schema.$defs ?? schema.definitions ?? {}) as Record<string, unknown>);
}

let realistic = true;
const server = setupServer(
  http.post('https://api.openai.com/v1/responses', async ({ request }) => {
    const body = (await request.json()) as Body;
    seen.push(body);
    const schema = (body.text as { format: { schema: Record<string, unknown> } }).format.schema;
    return HttpResponse.json({
      id: 'resp_b', object: 'response', created_at: 1773760000, status: 'completed', model: String(body.model), output: [
        { id: 'msg_b', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: JSON.stringify(answerFor(schema, realistic)), annotations: [] }] }],
      usage: { input_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 0 },
    });
  }),
  http.post('https://api.anthropic.com/v1/messages', async ({ request }) => {
    const body = (await request.json()) as Body;
    seen.push(body);
    const schema = (body.output_config as { format: { schema: Record<string, unknown> } }).format.schema;
    return HttpResponse.json({
      id: 'msg_b', type: 'message', role: 'assistant', model: String(body.model), stop_reason: 'end_turn', stop_sequence: null,
      content: [{ type: 'text', text: JSON.stringify(answerFor(schema, realistic)) }],
      usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  }),
);

const text = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.map(text).join('\n') : v && typeof v === 'object' ? text((v as Body).text ?? (v as Body).content ?? '') : '';

/** Static (instructions + schema, identical across calls of a task) and per-call tokens of one request body. */
function split(body: Body): { fixed: number; perCall: number } {
  if ('instructions' in body) return { fixed: countTokens(String(body.instructions)) + countTokens(JSON.stringify((body.text as Body).format)), perCall: countTokens(text(body.input)) };
  return { fixed: countTokens(text(body.system)) + countTokens(JSON.stringify((body.output_config as Body).format)), perCall: countTokens(text(body.messages)) };
}

type Transcript = { date: string; account: { name: string; domain: string; tier: number }; source: { title: string; participants: unknown[]; entries: Array<{ speaker: string; text: string; timestamp?: string }> } };

/** An input to process: an eval case through the API's ingest, or the Fathom fixture through Fathom's normalizer. */
interface BenchSource {
  label: string;
  /** The transcript's own text, "Speaker: text" per turn. */
  transcript: string;
  store(ctx: Ctx): Promise<string>;
}

function evalCase(id: string, label: string): BenchSource {
  const input = caseInput(loadCase(id)) as unknown as Transcript;
  return {
    label,
    transcript: input.source.entries.map((e) => `${e.speaker}: ${e.text}`).join('\n'),
    store: async (ctx) => (await ingestSource(ctx, { kind: 'transcript', ...input })).id,
  };
}

/** A realistic 60-minute call (~9,000 words): the length the ratio matters for. */
function hourLongCall(): BenchSource {
  const call = longCall(9000) as unknown as Transcript;
  return {
    label: `a 60-minute call (${call.source.entries.length} turns, ~9,000 words)`,
    transcript: call.source.entries.map((e) => `${e.speaker}: ${e.text}`).join('\n'),
    store: async (ctx) => (await ingestSource(ctx, { kind: 'transcript', ...call })).id,
  };
}

function fathomFixture(): BenchSource {
  const m = JSON.parse(readFileSync(`${FIXTURES_DIR}fathom/meeting-content-ready.json`, 'utf8'));
  const normalized: NormalizedSource = normalizeMeeting(m, ['brightlinedigital.com']);
  return {
    label: `Fathom fixture meeting (${normalized.segments.length} turns, with its action items as hints)`,
    transcript: normalized.segments.map((s) => `${s.speaker}: ${s.text}`).join('\n'),
    async store(ctx) {
      const account = await findOrCreateAccount(ctx, { name: 'Redwood Ridge Landscaping', domain: 'redwoodridgelandscaping.com', tier: 2 });
      return (await storeSource(ctx, { kind: 'call', origin: 'fathom', externalId: String(m.recording_id), idempotencyKey: `bench:${m.recording_id}`, raw: JSON.stringify(m), rawContentType: 'application/json', normalized, accountId: account.id })).id;
    },
  };
}

async function measure(provider: 'openai' | 'anthropic', input: BenchSource, isD03: boolean) {
  const env = { NODE_ENV: 'production', LIAISON_LOG_LEVEL: 'silent', LIAISON_DATA_DIR: '/nonexistent', LIAISON_LLM_PROVIDER: provider, OPENAI_API_KEY: 'sk-bench', ANTHROPIC_API_KEY: 'sk-ant-bench' };
  const config = parseEnv(env);
  const db = await createPgliteDb();
  const base = composeBase({ config, db, clock: fixedClock('2026-03-20T12:00:00Z'), logger: silentLogger, llm: createLlmProvider(config, { db, maxRetries: 0 }) });
  const ctx: Ctx = { ...base, actor: 'bench', requestId: null };
  const id = await input.store(ctx);
  seen.length = 0;
  realistic = isD03;
  await processSource(ctx, id);
  const calls = seen.map(split);
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE source_id = $1', [id]);
  await db.close();

  const own = countTokens(input.transcript);
  const fixed = calls.reduce((a, c) => a + c.fixed, 0);
  const perCall = calls.reduce((a, c) => a + c.perCall, 0);
  const total = fixed + perCall;
  console.log(`\n  ${provider}, ${input.label}: ${calls.length} LLM call(s) during processSource, ${row?.n ?? 0} items stored`);
  report('transcript tokens (o200k, "Speaker: text")', String(own));
  report('LLM input tokens, total', String(total));
  report('  static prefix (instructions + schema)', String(fixed));
  report('  per-call data (rendered source, items)', String(perCall));
  report('total input / transcript', (total / own).toFixed(2), '<= 1.3', total / own <= 1.3);
  report('per-call input / transcript (reads of the source)', (perCall / own).toFixed(2), '<= 1.3', perCall / own <= 1.3);
  report('cacheable static prefix share of input', `${((fixed / total) * 100).toFixed(0)}%`);
}

server.listen({ onUnhandledRequest: 'error' });
console.log(`cases: ${CASES_DIR.replace(/.*\/shared\//, 'shared/')}, tokenizer: gpt-tokenizer o200k_base`);
for (const provider of ['openai', 'anthropic'] as const) await measure(provider, evalCase('d03', 'eval case d03 (Maplewood Dental, 22 turns)'), true);
await measure('openai', fathomFixture(), false);
for (const provider of ['openai', 'anthropic'] as const) await measure(provider, hourLongCall(), true);
server.close();
