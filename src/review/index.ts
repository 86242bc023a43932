export { approveDraft, rejectDraft, editDraft, getDraft, listDrafts, listDraftEdits, toDraft, ListDraftsQuery } from './drafts.js';
