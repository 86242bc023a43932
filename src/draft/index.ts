export { draftForSource, type DraftForSourceInput } from './draft-for-source.js';
export { upsertDraft, type NewDraft } from './store-draft.js';
export { buildRecap } from './recap.js';
