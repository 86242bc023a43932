import type { z } from 'zod';
import type { TokenUsage } from '../domain/schemas.js';

export interface GenerateStructuredArgs<S extends z.ZodType> {
  /** The task name (extract, recap, flag, ...): logged, and names the schema on the wire. */
  task: string;
  schema: S;
  /** The static instructions (a prompt file): sent first so providers can cache it. */
  system: string;
  /** The per-call, untrusted data (the rendered source or items). */
  input: string;
  /** Links the call log row to a source. */
  sourceId?: string | null;
  maxOutputTokens?: number;
  /** Logged with the call; read from the prompt's `version:` line when not given. */
  promptVersion?: string | null;
}

export interface GenerateStructuredResult<T> {
  object: T;
  usage: TokenUsage;
  model: string;
  latencyMs: number;
}

/** One small module per provider implements this, each with its SDK's own structured output. */
export interface LlmProvider {
  readonly name: 'openai' | 'anthropic';
  readonly model: string;
  generateStructured<S extends z.ZodType>(args: GenerateStructuredArgs<S>): Promise<GenerateStructuredResult<z.infer<S>>>;
}

// ---- the seam between the shared structured-output logic and one provider's SDK ----

export interface CompletionRequest {
  task: string;
  schema: z.ZodType;
  system: string;
  input: string;
  maxOutputTokens: number;
}

/** What one provider call gave back, before our own parsing: the raw text is kept for the call log. */
export interface Completion {
  text: string;
  /** The model declined to answer (its words), or null. */
  refusal: string | null;
  /** Why the output stopped early (max tokens, content filter), or null when it finished. */
  incomplete: string | null;
  usage: TokenUsage;
  model: string;
}

/** One provider's SDK call. Throws UpstreamError (mapped from the SDK's errors) on I/O failure. */
export interface Transport {
  readonly provider: 'openai' | 'anthropic';
  readonly model: string;
  complete(req: CompletionRequest): Promise<Completion>;
}
