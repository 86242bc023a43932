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
