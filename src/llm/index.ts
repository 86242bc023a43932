export { createLlmProvider, type LlmDeps } from './create-provider.js';
export { LlmInvalidOutputError, LlmRefusalError } from './errors.js';
export { promptBody, promptVersionOf } from './prompt-meta.js';
export { DEFAULT_OPENAI_MODEL } from './openai.js';
export { DEFAULT_ANTHROPIC_MODEL } from './anthropic.js';
export type * from './types.js';
