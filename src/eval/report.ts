import { bootstrapIntervals, BOOTSTRAP_DRAWS, BOOTSTRAP_SEED, type Interval, type IntervalKey } from './bootstrap.js';
import { computeMetrics, headline, type HeadlineKey, type Metrics } from './metrics.js';
import { scoreCase, type CaseScore } from './score-case.js';
import type { Judge } from './match-type.js';
import type { EvalCase, PredictionInput } from './types.js';

// The full report: headline numbers first (quote-only), every metric overall and split by kind,
// bootstrap intervals, per-case outcomes for reading errors. Deterministic for the same inputs.

export interface Scored {
  headline: Record<HeadlineKey, number | null>;
  /** 95% bootstrap intervals over cases, overall and per kind. */
  intervals: Record<IntervalKey, Interval>;
  overall: Metrics;
  transcript: Metrics;
  email: Metrics;
  splitIntervals: { transcript: Record<IntervalKey, Interval>; email: Record<IntervalKey, Interval> };
}

export interface EvalReport {
  provider: string;
  bootstrap: { draws: number; seed: number };
  predicted: string[];
  scoredCases: string[];
  quoteOnly: Scored;
  /** Present only when a judge was supplied: every metric again with judge-made matches. */
  withJudge?: Scored;
  cases: Array<Pick<CaseScore, 'id' | 'kind' | 'f1' | 'details' | 'injectionFailures'> & { trapHits: Record<string, number> }>;
}

export function summarize(scores: readonly CaseScore[]): Scored {
  const overall = computeMetrics(scores);
  const transcripts = scores.filter((s) => s.kind === 'transcript');
  const emails = scores.filter((s) => s.kind === 'email');
  return {
    headline: headline(overall),
    intervals: bootstrapIntervals(scores),
    overall,
    transcript: computeMetrics(transcripts),
    email: computeMetrics(emails),
    splitIntervals: { transcript: bootstrapIntervals(transcripts), email: bootstrapIntervals(emails) },
  };
}

export interface ScoreInput {
  case: EvalCase;
  prediction: PredictionInput;
}

/** Scores every case that carries gold; cases without gold are listed as predicted only. */
export function buildReport(inputs: readonly ScoreInput[], opts: { provider: string; judge?: Judge }): EvalReport {
  const withGold = inputs.filter((x) => x.case.gold);
  const scores = withGold.map((x) => scoreCase(x.case, x.prediction));
  const report: EvalReport = {
    provider: opts.provider,
    bootstrap: { draws: BOOTSTRAP_DRAWS, seed: BOOTSTRAP_SEED },
    predicted: inputs.map((x) => x.case.id),
    scoredCases: scores.map((s) => s.id),
    quoteOnly: summarize(scores),
    cases: scores.map((s) => ({ id: s.id, kind: s.kind, f1: s.f1, trapHits: s.counts.trapHits, details: s.details, injectionFailures: s.injectionFailures })),
  };
  if (opts.judge) report.withJudge = summarize(withGold.map((x) => scoreCase(x.case, x.prediction, { judge: opts.judge })));
  return report;
}
