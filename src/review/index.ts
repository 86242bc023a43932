export { approveDraft, rejectDraft, editDraft, getDraft, listDrafts, listDraftEdits, toDraft, ListDraftsQuery } from './drafts.js';
export { publishDraft, approveAndPublish, retryPublish } from './publish-draft.js';
export { listQueue, listAms, QUEUE_PAGE_SIZE, type QueuePage } from './queue.js';
export { getAccountOverview, accountTimeline, type AccountOverview } from './account-overview.js';
export { createUser, rotateUserToken, resolveUserToken, isActiveActor, CreateUserInput } from './users.js';
export { notionConfigured } from './notion/client.js';
export { getDraftView, sourceCounts, type DraftView } from './draft-view.js';
