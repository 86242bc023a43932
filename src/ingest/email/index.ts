export { ingestRawEmail, contentKey, type IngestRawEmailInput } from './ingest-email.js';
export { parseEmail, type ParsedEmail, type ParseEmailOptions } from './parse-email.js';
export { ingestPostmark, PostmarkInbound } from './providers/postmark.js';
export { ingestSendgrid } from './providers/sendgrid.js';
export { ingestMailgun } from './providers/mailgun.js';
export { FormPayload } from './providers/form.js';
export { EMAIL_LIMITS } from './limits.js';
export { verifyMailgunSignature, MAILGUN_REPLAY_WINDOW_S } from './verify-mailgun.js';
