import { headline, computeMetrics, type HeadlineKey, type Metrics } from './metrics.js';
import type { CaseScore } from './score-case.js';

// 95% intervals by resampling cases with replacement (SCORING.md section 6), seeded so that the same
// scores always give the same intervals.

export const BOOTSTRAP_DRAWS = 1000;
export const BOOTSTRAP_SEED = 20260401;

/** mulberry32: a small, fast, seedable PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Interval = { lo: number; hi: number } | null;

function percentile(sorted: readonly number[], p: number): number {
  const idx = (sorted.length - 1) * p;
  const lo = Math.floor(idx);
  const hi = Math.ceil(idx);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (idx - lo);
}

/** The numbers that get intervals: the headline, plus per-type and macro F1. */
export type IntervalKey = HeadlineKey | 'requestsF1' | 'commitmentsF1' | 'risksF1' | 'macroF1';

export function intervalValues(m: Metrics): Record<IntervalKey, number | null> {
  return {
    ...headline(m),
    requestsF1: m.detection.requests.f1,
    commitmentsF1: m.detection.commitments.f1,
    risksF1: m.detection.risks.f1,
    macroF1: m.macroF1,
  };
}

/** Percentile intervals (2.5%, 97.5%); draws where a number is undefined (e.g. no hot item drawn) are skipped. */
export function bootstrapIntervals(
  scores: readonly CaseScore[], opts: { draws?: number; seed?: number } = {},
): Record<IntervalKey, Interval> {
  const draws = opts.draws ?? BOOTSTRAP_DRAWS;
  const rand = seededRandom(opts.seed ?? BOOTSTRAP_SEED);
  const samples = new Map<string, number[]>();
  for (let d = 0; scores.length && d < draws; d++) {
    const sample = Array.from({ length: scores.length }, () => scores[Math.floor(rand() * scores.length)]!);
    for (const [k, v] of Object.entries(intervalValues(computeMetrics(sample)))) {
      if (v === null) continue;
      if (!samples.has(k)) samples.set(k, []);
      samples.get(k)!.push(v);
    }
  }
  const keys = Object.keys(intervalValues(computeMetrics([]))) as IntervalKey[];
  return Object.fromEntries(keys.map((k) => {
    const s = (samples.get(k) ?? []).sort((a, b) => a - b);
    return [k, s.length ? { lo: percentile(s, 0.025), hi: percentile(s, 0.975) } : null];
  })) as Record<IntervalKey, Interval>;
}
