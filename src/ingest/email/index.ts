// The email verbs: one raw-MIME path, the provider adapters that end in it, and the parse it runs.
export { ingestRawEmail, type IngestRawEmailInput } from './ingest-email.js';
export { ingestPostmark } from './providers/postmark.js';
export { ingestSendgrid } from './providers/sendgrid.js';
export { ingestMailgun } from './providers/mailgun.js';
export { type FormPayload } from './providers/form.js';
export { verifyMailgunSignature } from './verify-mailgun.js';
export { parseEmail, type ParsedEmail, type ParseEmailOptions } from './parse-email.js';
