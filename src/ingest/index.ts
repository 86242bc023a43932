export { ingestSource } from './ingest-source.js';
export { ingestRawEmail } from './email/ingest-email.js';
export { storeSource, type StoreSourceInput, type StoredSource } from './store-source.js';
export { normalizeTranscript, parseTimestamp } from './normalize-transcript.js';
export * from './accounts.js';
export * from './sources.js';
export { IngestSourceInput, AccountRef } from './schemas.js';
export { receiveFathomWebhook, completeMissingTranscript, fetchFathomTranscript, backfillFathom, type BackfillProgress } from './fathom/index.js';
