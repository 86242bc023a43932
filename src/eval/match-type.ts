import { nameCorrect, valueCorrect } from './fields.js';
import { maxWeightAssignment } from './hungarian.js';
import { jaccard } from './normalize.js';
import { quoteScore } from './quote-score.js';
import type { GoldItem, ItemTypeKey, PredItem } from './types.js';

// One type in one case: eligibility (q >= 0.5, or the judge), then the maximum-weight assignment with
// w = q + 0.25·[key field agrees] + 0.10·jaccard(text tokens).

/** The optional judge hook (SCORING.md semantic fallback): consulted only for pairs with q < 0.5. */
export interface JudgeArgs { caseId: string; type: ItemTypeKey; pred: PredItem; gold: GoldItem; predIndex: number; goldIndex: number }
export type Judge = (args: JudgeArgs) => boolean;

export interface Match {
  pred: number;
  gold: number;
  q: number;
  weight: number;
  semanticOnly: boolean;
}

export const ELIGIBLE_Q = 0.5;

const textOf = (item: PredItem | GoldItem) => ('text' in item ? item.text : item.rationale) ?? '';

export function keyFieldAgrees(type: ItemTypeKey, pred: PredItem, gold: GoldItem, people: readonly string[]): boolean {
  const p = pred as Record<string, string | null>;
  const g = gold as unknown as Parameters<typeof valueCorrect>[0];
  if (type === 'requests') return valueCorrect(g, 'channel', p.channel);
  if (type === 'commitments') return nameCorrect(g, 'owner', p.owner, people);
  return valueCorrect(g, 'kind', p.kind);
}

export function goldQuotes(g: GoldItem): string[] {
  return [g.quote, ...(g.alt_quotes ?? [])];
}

export function matchType(
  type: ItemTypeKey, source: string, preds: readonly PredItem[], golds: readonly GoldItem[], people: readonly string[],
  judge?: { caseId: string; fn: Judge },
): Match[] {
  const info: Array<Array<{ q: number; semanticOnly: boolean } | null>> = preds.map((p, i) =>
    golds.map((g, j) => {
      const q = quoteScore(source, p.quote, goldQuotes(g));
      if (q >= ELIGIBLE_Q) return { q, semanticOnly: false };
      if (judge?.fn({ caseId: judge.caseId, type, pred: p, gold: g, predIndex: i, goldIndex: j })) return { q, semanticOnly: true };
      return null;
    }),
  );
  const weights = info.map((row, i) =>
    row.map((cell, j) => {
      if (!cell) return null;
      const w = cell.q + (keyFieldAgrees(type, preds[i]!, golds[j]!, people) ? 0.25 : 0) + 0.1 * jaccard(textOf(preds[i]!), textOf(golds[j]!));
      return Math.max(w, 1e-6);
    }),
  );
  return maxWeightAssignment(weights).map(([i, j]) => ({
    pred: i, gold: j, q: info[i]![j]!.q, weight: weights[i]![j]!, semanticOnly: info[i]![j]!.semanticOnly,
  }));
}
