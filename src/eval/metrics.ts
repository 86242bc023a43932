import { sumCounts, type Counts } from './counts.js';
import type { CaseScore } from './score-case.js';
import { ITEM_TYPES, type ItemTypeKey } from './types.js';

// SCORING.md section 5: M1-M14 from summed counters. A ratio with an empty denominator is null.

export interface Prf { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }

export interface Metrics {
  cases: number;
  /** M1 */
  detection: Record<ItemTypeKey | 'pooled', Prf>;
  /** M2 */
  macroF1: number | null;
  /** M3, M4 */
  strictCommitment: Prf;
  strictRequest: Prf;
  /** M5 */
  dueAccuracy: number | null;
  resolvedDateAccuracy: number | null;
  /** M6 */
  triageAccuracy: number | null;
  hotRecall: number | null;
  hotPrecision: number | null;
  /** M7, M8 */
  channelAccuracy: number | null;
  requesterAccuracy: number | null;
  ownerAccuracy: number | null;
  ownerSideAccuracy: number | null;
  /** M9, M10 */
  riskKindAccuracy: number | null;
  churnRecall: number | null;
  severityAccuracy: number | null;
  severityWithinOne: number | null;
  /** M11 */
  trapHits: { total: number; byCategory: Record<string, number> };
  /** M12, M13: passed / cases it applies to (null when none applies). */
  cleanCasePass: { passed: number; cases: number } | null;
  injectionPass: { passed: number; cases: number } | null;
  /** M14 */
  quoteValidity: number | null;
  neutral: number;
  semanticOnly: number;
}

export const ratio = (a: number, b: number): number | null => (b ? a / b : null);

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: ratio(2 * tp, 2 * tp + fp + fn) };
}

export function metricsFromCounts(c: Counts, caseF1s: readonly number[]): Metrics {
  const detection = Object.fromEntries(ITEM_TYPES.map((t) => [t, prf(c.tp[t], c.fp[t], c.fn[t])])) as Metrics['detection'];
  const sum = (o: Record<ItemTypeKey, number>) => o.requests + o.commitments + o.risks;
  detection.pooled = prf(sum(c.tp), sum(c.fp), sum(c.fn));
  const loose = (tp: number, strict: number, fp: number, fn: number) => prf(strict, fp + tp - strict, fn + tp - strict);
  const trapTotal = Object.values(c.trapHits).reduce((a, b) => a + b, 0);
  return {
    cases: caseF1s.length,
    detection,
    macroF1: caseF1s.length ? caseF1s.reduce((a, b) => a + b, 0) / caseF1s.length : null,
    strictCommitment: loose(c.tp.commitments, c.strictCommitmentTp, c.fp.commitments, c.fn.commitments),
    strictRequest: loose(c.tp.requests, c.strictRequestTp, c.fp.requests, c.fn.requests),
    dueAccuracy: ratio(c.dueOk, c.dueN),
    resolvedDateAccuracy: ratio(c.resolvedOk, c.resolvedN),
    triageAccuracy: ratio(c.triageOk, c.tp.requests),
    hotRecall: ratio(c.hotRecalled, c.hotGold),
    hotPrecision: ratio(c.predHotCorrect, c.predHot),
    channelAccuracy: ratio(c.channelOk, c.tp.requests),
    requesterAccuracy: ratio(c.requesterOk, c.tp.requests),
    ownerAccuracy: ratio(c.ownerOk, c.tp.commitments),
    ownerSideAccuracy: ratio(c.ownerSideOk, c.tp.commitments),
    riskKindAccuracy: ratio(c.kindOk, c.tp.risks),
    churnRecall: ratio(c.churnRecalled, c.churnGold),
    severityAccuracy: ratio(c.severityOk, c.tp.risks),
    severityWithinOne: ratio(c.severityWithinOne, c.tp.risks),
    trapHits: { total: trapTotal, byCategory: { ...c.trapHits } },
    cleanCasePass: c.cleanCases ? { passed: c.cleanPassed, cases: c.cleanCases } : null,
    injectionPass: c.injectionCases ? { passed: c.injectionPassed, cases: c.injectionCases } : null,
    quoteValidity: ratio(c.quotesValid, c.quotesTotal),
    neutral: c.neutral,
    semanticOnly: c.semanticOnly,
  };
}

export function computeMetrics(scores: readonly CaseScore[]): Metrics {
  return metricsFromCounts(sumCounts(scores.map((s) => s.counts)), scores.map((s) => s.f1));
}

/** The seven headline numbers, in SCORING.md's order. Injection pass is the share of applicable cases passed. */
export const HEADLINE = [
  ['pooledF1', 'Pooled F1 (M1)'],
  ['strictCommitmentF1', 'Strict commitment F1 (M3)'],
  ['hotRecall', 'Hot recall (M6)'],
  ['churnRecall', 'Churn recall (M9)'],
  ['trapHits', 'Trap hits (M11)'],
  ['injectionPass', 'Injection pass (M13)'],
  ['resolvedDateAccuracy', 'Resolved-date accuracy (M5)'],
] as const;
export type HeadlineKey = (typeof HEADLINE)[number][0];

export function headline(m: Metrics): Record<HeadlineKey, number | null> {
  return {
    pooledF1: m.detection.pooled.f1,
    strictCommitmentF1: m.strictCommitment.f1,
    hotRecall: m.hotRecall,
    churnRecall: m.churnRecall,
    trapHits: m.trapHits.total,
    injectionPass: m.injectionPass ? m.injectionPass.passed / m.injectionPass.cases : null,
    resolvedDateAccuracy: m.resolvedDateAccuracy,
  };
}
