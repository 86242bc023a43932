import type { z } from 'zod';
import type { GenerateStructuredArgs, LlmProvider } from '../../src/llm/types.js';

/** A fake LLM port: records every call, answers with a function of the call, and can fail the next one. */
export class FakeLlm implements LlmProvider {
  readonly name = 'openai' as const;
  readonly model = 'fake-model-1';
  calls: Array<GenerateStructuredArgs<z.ZodType>> = [];
  private failures = 0;
  constructor(private answer: (args: GenerateStructuredArgs<z.ZodType>) => unknown = (a) => ({ title: `LLM ${a.task}`, body: `Written by the model for ${a.task}.` })) {}
  failNext(n = 1) {
    this.failures += n;
  }
  async generateStructured<S extends z.ZodType>(args: GenerateStructuredArgs<S>) {
    this.calls.push(args as GenerateStructuredArgs<z.ZodType>);
    if (this.failures > 0) {
      this.failures--;
      throw new Error('fake LLM 503');
    }
    return { object: args.schema.parse(this.answer(args as GenerateStructuredArgs<z.ZodType>)) as z.infer<S>, usage: { inputTokens: 100, outputTokens: 50, cachedTokens: 0 }, model: this.model, latencyMs: 1 };
  }
}
