import type { Config } from '../config/env.js';
import { createOfflineEmbedder } from './offline-embedder.js';
import type { Embedder } from './types.js';

/** The configured embedder. (The memory issue adds openai.) */
export function createEmbedder(_config: Config): Embedder {
  return createOfflineEmbedder();
}
