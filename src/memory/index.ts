export { storeExtraction, type StoredExtraction } from './store-extraction.js';
export { chunkSource, type Chunk } from './chunk.js';
export { createOfflineEmbedder, hashEmbed } from './offline-embedder.js';
export { getItem, listItemsForSource, groupItems, toItemView, ITEM_COLUMNS, type ItemView, type ItemRow, type GroupedItems } from './items.js';
export { EMBEDDING_DIMENSIONS, type Embedder } from './types.js';
export { createEmbedder } from './create-embedder.js';
