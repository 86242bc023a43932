import type { Ctx } from '../ctx.js';
import type { NormalizedSource } from '../domain/schemas.js';
import type { GroupedItems } from '../memory/index.js';
import { buildRecap } from './recap.js';
import { upsertDraft } from './store-draft.js';

export interface DraftForSourceInput {
  sourceId: string;
  accountId: string | null;
  accountName: string;
  source: NormalizedSource;
  items: GroupedItems;
}

/** The drafts a processed source calls for. Returns the ids of the drafts created or refreshed. */
export async function draftForSource(ctx: Ctx, input: DraftForSourceInput): Promise<string[]> {
  const ids: string[] = [];
  if (input.source.kind === 'call') {
    const am = input.source.participants.find((p) => p.side === 'agency')?.name ?? null;
    const recap = buildRecap({ ...input, amName: am });
    ids.push(await upsertDraft(ctx, { kind: 'recap', accountId: input.accountId, sourceId: input.sourceId, itemId: null, ...recap, dedupeKey: `recap:${input.sourceId}` }));
  }
  return ids;
}
