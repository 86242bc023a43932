export { draftForSource, turnaroundFor, type DraftForSourceInput } from './draft-for-source.js';
export { draftPeriodic, DraftPeriodicInput, WRITEUP_CADENCE_DAYS } from './draft-periodic.js';
export { upsertDraft, type NewDraft } from './store-draft.js';
export { buildRecap, findNextMeeting } from './recap.js';
export { buildAck, buildHandoff, buildFlag, etaFor } from './request-drafts.js';
export { buildWriteup, buildChaser } from './account-drafts.js';
export { playbackUrl } from './evidence.js';
export { DraftOutput } from './types.js';
