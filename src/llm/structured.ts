import { z } from 'zod';
import type { Db } from '../db/types.js';
import type { TokenUsage } from '../domain/schemas.js';
import { describeIssues, UpstreamError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import type { Logger } from '../logger.js';
import { recordCall, type CallRecord } from './call-log.js';
import { LlmInvalidOutputError, LlmRefusalError } from './errors.js';
import { promptVersionOf } from './prompt-meta.js';
import type { Completion, GenerateStructuredArgs, GenerateStructuredResult, LlmProvider, Transport } from './types.js';

export interface StructuredDeps {
  /** Where every call is logged (llm_calls); null logs nothing (tools without a database). */
  db: Db | null;
  logger: Logger;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 16_000;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseOutput<S extends z.ZodType>(schema: S, text: string): Parsed<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: describeIssues(r.error.issues) };
}

/** The repair turn: the broken answer and what is wrong with it, not the source again (the schema is re-sent). */
function repairInput(raw: string, error: string): string {
  return [
    'Your previous answer did not match the required JSON schema.',
    `Problems: ${error}`,
    'Previous answer:',
    '<previous_answer>',
    raw.slice(0, 60_000),
    '</previous_answer>',
    'Return the same content as valid JSON that matches the schema exactly. Keep every quote unchanged.',
  ].join('\n');
}

/** The schema's JSON form for the request hash; a schema JSON Schema cannot express hashes by its description. */
function schemaText(schema: z.ZodType): string {
  try {
    return JSON.stringify(z.toJSONSchema(schema));
  } catch {
    return schema.description ?? 'unrepresentable';
  }
}

const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens, cachedTokens: a.cachedTokens + b.cachedTokens,
});
const ZERO: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };

/**
 * generateStructured over one provider's transport: the call, our own zod parse of the raw text
 * (so a schema break keeps the raw output), one repair attempt, refusals, and a call-log row for
 * every attempt, whatever its outcome.
 */
export function createStructuredProvider(transport: Transport, deps: StructuredDeps): LlmProvider {
  return {
    name: transport.provider,
    model: transport.model,
    async generateStructured<S extends z.ZodType>(args: GenerateStructuredArgs<S>): Promise<GenerateStructuredResult<z.infer<S>>> {
      const promptHash = await sha256Hex(args.system);
      const base = {
        sourceId: args.sourceId ?? null, task: args.task, provider: transport.provider,
        promptVersion: args.promptVersion ?? promptVersionOf(args.system), promptHash,
      };
      // Identifies the exact request (an eval cache key): provider, model, task, instructions, schema, input.
      const schemaJson = schemaText(args.schema);
      let usage = ZERO;
      let latencyMs = 0;
      const attempt = async (input: string): Promise<{ completion: Completion; parsed: Parsed<z.infer<S>> }> => {
        const requestHash = await sha256Hex(JSON.stringify([transport.provider, transport.model, args.task, args.system, schemaJson, input]));
        const started = performance.now();
        let completion: Completion;
        try {
          completion = await transport.complete({ task: args.task, schema: args.schema, system: args.system, input, maxOutputTokens: args.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS });
        } catch (err) {
          const rec: CallRecord = { ...base, model: transport.model, requestHash, status: 'error', usage: ZERO, latencyMs: performance.now() - started, error: err instanceof Error ? err.message : String(err), rawOutput: null };
          await recordCall(deps.db, deps.logger, rec);
          throw err instanceof UpstreamError ? err : new UpstreamError(`${transport.provider}: ${rec.error}`, { retryable: false, cause: err });
        }
        const elapsed = performance.now() - started;
        usage = addUsage(usage, completion.usage);
        latencyMs += elapsed;
        const common = { ...base, model: completion.model, requestHash, usage: completion.usage, latencyMs: elapsed };
        if (completion.refusal !== null) {
          await recordCall(deps.db, deps.logger, { ...common, status: 'refused', error: 'refusal', rawOutput: completion.refusal });
          throw new LlmRefusalError(completion.refusal);
        }
        const parsed: Parsed<z.infer<S>> = completion.incomplete
          ? { ok: false, error: `output stopped early (${completion.incomplete})` }
          : parseOutput(args.schema, completion.text);
        await recordCall(deps.db, deps.logger, parsed.ok
          ? { ...common, status: 'ok', error: null, rawOutput: null }
          : { ...common, status: 'invalid_output', error: parsed.error, rawOutput: completion.text });
        return { completion, parsed };
      };

      const first = await attempt(args.input);
      if (first.parsed.ok) return { object: first.parsed.value, usage, model: first.completion.model, latencyMs };
      deps.logger.warn('LLM output broke the schema, asking once for a repair', { task: args.task, error: first.parsed.error });
      const second = await attempt(repairInput(first.completion.text, first.parsed.error));
      if (second.parsed.ok) return { object: second.parsed.value, usage, model: second.completion.model, latencyMs };
      throw new LlmInvalidOutputError(
        `${transport.provider} ${args.task}: output broke the schema twice (${second.parsed.error.slice(0, 300)}); raw output kept in llm_calls`,
        second.completion.text,
      );
    },
  };
}
