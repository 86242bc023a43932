export { finalizeExtraction, locateQuote, resolvePerson, SCHEMA_VERSION } from './finalize.js';
export { resolveDue } from './due-date.js';
export { normalizeText } from './normalize-text.js';
export { createOfflineExtractor } from './offline/index.js';
export type * from './types.js';
export { createExtractor } from './create-extractor.js';
