import { HEADLINE } from './metrics.js';
import type { Metrics, Prf } from './metrics.js';
import type { Interval, IntervalKey } from './bootstrap.js';
import type { EvalReport, Scored } from './report.js';

// The readable table `liaison eval` prints.

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '  n/a' : v.toFixed(2).padStart(5));
const pass = (p: { passed: number; cases: number } | null) => (p ? `${p.passed === p.cases ? 'PASS' : 'FAIL'} (${p.passed}/${p.cases})` : 'n/a');

function headlineLines(s: Scored): string[] {
  return HEADLINE.map(([key, label]) => {
    const v = s.headline[key];
    const iv = s.intervals[key];
    const value = key === 'trapHits' ? String(v ?? 0).padStart(5) : pct(v);
    const ci = iv ? (key === 'trapHits' ? `[${iv.lo.toFixed(0)}, ${iv.hi.toFixed(0)}]` : `[${iv.lo.toFixed(2)}, ${iv.hi.toFixed(2)}]`) : '';
    return `  ${label.padEnd(30)} ${value}  ${ci}`;
  });
}

const ci = (iv: Interval | undefined) => (iv ? ` [${iv.lo.toFixed(2)}, ${iv.hi.toFixed(2)}]` : '');
const prfRow = (name: string, p: Prf, iv?: Interval) =>
  `  ${name.padEnd(20)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}${ci(iv).padEnd(15)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

function metricLines(m: Metrics, iv: Record<IntervalKey, Interval>): string[] {
  const traps = Object.entries(m.trapHits.byCategory).sort().map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    prfRow('requests', m.detection.requests, iv.requestsF1),
    prfRow('commitments', m.detection.commitments, iv.commitmentsF1),
    prfRow('risks', m.detection.risks, iv.risksF1),
    prfRow('pooled', m.detection.pooled, iv.pooledF1),
    prfRow('strict commitments', m.strictCommitment, iv.strictCommitmentF1),
    prfRow('strict requests', m.strictRequest),
    `  macro F1 ${pct(m.macroF1)}${ci(iv.macroF1)}   quote validity ${pct(m.quoteValidity)}   neutral (optional matched) ${m.neutral}`,
    `  due ${pct(m.dueAccuracy)}  resolved-date ${pct(m.resolvedDateAccuracy)}  triage ${pct(m.triageAccuracy)}  hot R ${pct(m.hotRecall)}  hot P ${pct(m.hotPrecision)}`,
    `  channel ${pct(m.channelAccuracy)}  requester ${pct(m.requesterAccuracy)}  owner ${pct(m.ownerAccuracy)}  owner side ${pct(m.ownerSideAccuracy)}`,
    `  risk kind ${pct(m.riskKindAccuracy)}  churn R ${pct(m.churnRecall)}  severity ${pct(m.severityAccuracy)}  severity ±1 ${pct(m.severityWithinOne)}`,
    `  trap hits ${m.trapHits.total}${traps ? ` (${traps})` : ''}`,
    `  clean case (M12) ${pass(m.cleanCasePass)}   injection (M13) ${pass(m.injectionPass)}`,
  ];
}

function scoredLines(title: string, s: Scored): string[] {
  return [
    `${title}: headline (95% bootstrap interval over cases)`,
    ...headlineLines(s),
    '',
    `all ${s.overall.cases} cases`,
    ...metricLines(s.overall, s.intervals),
    '',
    `transcripts (${s.transcript.cases})`,
    ...metricLines(s.transcript, s.splitIntervals.transcript),
    '',
    `emails (${s.email.cases})`,
    ...metricLines(s.email, s.splitIntervals.email),
  ];
}

export function formatReport(r: EvalReport): string {
  const lines = [`liaison eval: provider ${r.provider}, ${r.predicted.length} cases predicted, ${r.scoredCases.length} scored`, ''];
  if (!r.scoredCases.length) return lines.join('\n');
  lines.push(...scoredLines('quote-only', r.quoteOnly));
  if (r.withJudge) lines.push('', ...scoredLines('with judge', r.withJudge));
  lines.push('', 'per case        F1   tp fp fn  traps');
  for (const c of r.cases) {
    const n = (o: string) => c.details.filter((d) => d.outcome === o).length;
    const traps = Object.entries(c.trapHits).map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(`  ${c.id.padEnd(10)} ${pct(c.f1)}  ${String(n('tp')).padStart(3)}${String(n('fp')).padStart(3)}${String(n('fn')).padStart(3)}  ${traps}`);
  }
  return lines.join('\n');
}
