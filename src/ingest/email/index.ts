export { ingestRawEmail, contentKey, type IngestRawEmailInput } from './ingest-email.js';
export { parseEmail, type ParsedEmail, type ParseEmailOptions } from './parse-email.js';
