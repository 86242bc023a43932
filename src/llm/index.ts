export { createLlmProvider, type LlmDeps } from './create-provider.js';
export { LlmInvalidOutputError, LlmRefusalError } from './errors.js';
export { promptBody, promptVersionOf } from './prompt-meta.js';
export { DEFAULT_OPENAI_MODEL, DEFAULT_ANTHROPIC_MODEL } from './create-provider.js';
export type * from './types.js';
