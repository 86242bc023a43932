import type { Ctx } from '../ctx.js';
import type { NormalizedSource } from '../domain/schemas.js';
import type { GroupedItems, ItemView } from '../memory/index.js';
import { accountTier, openContext, shippedSincePreviousCall } from './account-context.js';
import { evidenceOf } from './evidence.js';
import { buildRecap } from './recap.js';
import { buildAck, buildFlag, buildHandoff, etaFor } from './request-drafts.js';
import { upsertDraft } from './store-draft.js';
import { compactItem, writeDrafts, type DraftPlan } from './write-draft.js';

export interface DraftForSourceInput {
  sourceId: string;
  accountId: string | null;
  accountName: string;
  source: NormalizedSource;
  items: GroupedItems;
}

export function turnaroundFor(ctx: Pick<Ctx, 'config'>) {
  const t = ctx.config.LIAISON_TURNAROUND_DAYS ?? { default: 3 };
  return (channel: unknown) => t[String(channel)] ?? t.default ?? 3;
}

/**
 * The drafts a processed source calls for, written from its stored items and account memory:
 * a recap per call, an acknowledgement per email with new requests, a handoff per complex request,
 * a leadership flag per hot request and high-severity risk. Returns the ids created or refreshed.
 */
export async function draftForSource(ctx: Ctx, input: DraftForSourceInput): Promise<string[]> {
  const { source, items, sourceId, accountId, accountName } = input;
  const am = source.participants.find((p) => p.side === 'agency')?.name ?? null;
  const ev = (i: ItemView) => evidenceOf(sourceId, source, i);
  // Plan every draft first, then write them together (one LLM call for all of them).
  const plans: Array<DraftPlan & { itemId: string | null }> = [];
  const save = (kind: DraftPlan['kind'], key: string, itemId: string | null, llmInput: Record<string, unknown>, template: DraftPlan['template']) => {
    plans.push({ kind, key, itemId, input: llmInput, template });
  };
  const tier = await accountTier(ctx.db, accountId);

  if (source.kind === 'call') {
    const shipped = accountId ? await shippedSincePreviousCall(ctx.db, accountId, sourceId) : [];
    const recap = buildRecap({ ...input, amName: am, shipped });
    const llmInput = {
      account: accountName, title: source.title, date: source.referenceDate, am,
      clients: source.participants.filter((p) => p.side === 'client').map((p) => p.name),
      // No risks: the recap goes to the client, and our reading of churn or frustration must not.
      requests: items.requests.map((i) => compactItem(i)), commitments: items.commitments.map((i) => compactItem(i)),
      shipped: shipped.map((s) => s.text),
    };
    save('recap', `recap:${sourceId}`, null, llmInput, recap);
  }

  const fresh = items.requests.filter((r) => r.sourceId === sourceId && r.status === 'open');
  const turnaround = turnaroundFor(ctx);
  if (source.kind === 'email' && fresh.length) {
    const ack = buildAck({ accountName, amName: am, requests: fresh, evidence: fresh.map(ev), turnaround });
    const llmInput = { account: accountName, am, requests: fresh.map((r) => ({ ...compactItem(r), eta: etaFor(r.triage, turnaround(r.channel)) })) };
    save('ack', `ack:${sourceId}`, fresh.length === 1 ? fresh[0]!.id : null, llmInput, ack);
  }

  for (const r of items.requests.filter((x) => x.triage === 'complex')) {
    const context = accountId ? await openContext(ctx.db, accountId, r.id) : [];
    const handoff = buildHandoff({ accountName, tier, request: r, evidence: [ev(r)], context, amName: am });
    save('handoff', `handoff:${r.id}`, r.id, { account: accountName, tier, am, request: compactItem(r, { quote: true }), context }, handoff);
  }

  const flagged = [...items.requests.filter((r) => r.triage === 'hot'), ...items.risks.filter((r) => r.severity === 'high')];
  for (const i of flagged) {
    const flag = buildFlag({ accountName, item: i, evidence: [ev(i)], amName: am });
    save('flag', `flag:${i.id}`, i.id, { account: accountName, tier, am, item: { type: i.type, ...compactItem(i, { quote: true }) } }, flag);
  }
  const written = await writeDrafts(ctx, plans, sourceId);
  const ids: string[] = [];
  for (const p of plans) {
    const d = written.get(p.key)!;
    ids.push(await upsertDraft(ctx, { kind: p.kind, accountId, sourceId, itemId: p.itemId, title: d.title, body: d.body, evidence: d.evidence, dedupeKey: p.key, meta: d.meta }));
  }
  return ids;
}
