export { receiveFathomWebhook, ReceiveFathomWebhookInput, type ReceivedWebhook } from './receive-webhook.js';
export { completeMissingTranscript } from './complete-transcript.js';
export { fetchFathomTranscript, FetchFathomTranscriptInput, type FetchedTranscript } from './fetch-transcript.js';
export { backfillFathom, BackfillFathomInput, type BackfillProgress } from './backfill.js';
