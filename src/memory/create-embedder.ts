import type { Config } from '../config/env.js';
import { createOfflineEmbedder } from './offline-embedder.js';
import { openAiEmbedderFromConfig } from './openai-embedder.js';
import type { Embedder } from './types.js';

/** The configured embedder: LIAISON_EMBEDDER=offline (default, feature hashing) or openai. */
export function createEmbedder(config: Config): Embedder {
  return config.embedder === 'openai' ? openAiEmbedderFromConfig(config) : createOfflineEmbedder();
}
