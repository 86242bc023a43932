export { createLlmProvider } from './create-provider.js';
export type * from './types.js';
