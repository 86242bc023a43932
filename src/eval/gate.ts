import { z } from 'zod';
import type { Metrics } from './metrics.js';
import type { EvalReport } from './report.js';

// The regression gate: `evals/gate.json` holds floors ("min") and ceilings ("max") on metrics of the
// quote-only report. A metric name is a headline key (pooledF1, strictCommitmentF1, hotRecall,
// churnRecall, trapHits, injectionPass, resolvedDateAccuracy) or a path into Metrics
// ("detection.requests.f1", "trapHits.quoted_history", "quoteValidity", "cleanCasePass"), optionally
// prefixed with a split ("email:pooledF1", "transcript:detection.commitments.f1").

export const Gate = z.object({
  min: z.record(z.string(), z.number()).default({}),
  max: z.record(z.string(), z.number()).default({}),
});
export type Gate = z.infer<typeof Gate>;

export interface GateCheck { metric: string; bound: 'min' | 'max'; threshold: number; value: number | null; ok: boolean }

export function metricValue(report: EvalReport, name: string): number | null {
  const [split, path] = name.includes(':') ? (name.split(':', 2) as [string, string]) : ['overall', name];
  const scored = report.quoteOnly;
  if (split === 'overall' && path in scored.headline) return scored.headline[path as keyof typeof scored.headline];
  const m: Metrics | undefined = split === 'overall' ? scored.overall : split === 'transcript' ? scored.transcript : split === 'email' ? scored.email : undefined;
  if (!m) throw new Error(`unknown split "${split}" in gate metric ${name}`);
  const alias: Record<string, string> = { pooledF1: 'detection.pooled.f1', strictCommitmentF1: 'strictCommitment.f1' };
  const parts = (alias[path] ?? path).split('.');
  if (parts[0] === 'trapHits' && parts.length === 2) return m.trapHits.byCategory[parts[1]!] ?? 0;
  if (parts[0] === 'trapHits' && parts.length === 1) return m.trapHits.total;
  let v: unknown = m;
  for (const p of parts) {
    if (v === null || typeof v !== 'object' || !(p in v)) throw new Error(`unknown gate metric ${name}`);
    v = (v as Record<string, unknown>)[p];
  }
  if (v && typeof v === 'object' && 'passed' in v && 'cases' in v) return (v as { passed: number }).passed / (v as { cases: number }).cases;
  if (v === null || typeof v === 'number') return v;
  throw new Error(`gate metric ${name} is not a number`);
}

/** Every threshold checked; a metric that is undefined (n/a) fails its check. */
export function checkGate(report: EvalReport, gate: Gate): GateCheck[] {
  const checks: GateCheck[] = [];
  for (const [metric, threshold] of Object.entries(gate.min)) {
    const value = metricValue(report, metric);
    checks.push({ metric, bound: 'min', threshold, value, ok: value !== null && value >= threshold - 1e-9 });
  }
  for (const [metric, threshold] of Object.entries(gate.max)) {
    const value = metricValue(report, metric);
    checks.push({ metric, bound: 'max', threshold, value, ok: value !== null && value <= threshold + 1e-9 });
  }
  return checks;
}

export function formatGate(checks: readonly GateCheck[]): string {
  const bad = checks.filter((c) => !c.ok);
  const lines = checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.metric.padEnd(34)} ${c.value === null ? 'n/a' : c.value.toFixed(3)} ${c.bound === 'min' ? '>=' : '<='} ${c.threshold}`);
  return [`regression gate: ${bad.length ? `${bad.length} of ${checks.length} checks FAILED` : `all ${checks.length} checks pass`}`, ...lines].join('\n');
}

/** The metrics a suggested gate covers: rates get a floor, trap hits a ceiling. */
const SUGGESTED_MIN = [
  'pooledF1', 'strictCommitmentF1', 'hotRecall', 'churnRecall', 'resolvedDateAccuracy', 'injectionPass', 'quoteValidity', 'macroF1',
  'detection.requests.f1', 'detection.commitments.f1', 'detection.risks.f1', 'transcript:pooledF1', 'email:pooledF1',
];

/**
 * A gate a little under the measured scores (`--suggest-gate`): floors `margin` below each rate (a rate
 * at 0 gets no floor), trap hits capped at today's count plus one, and the three release-blocking
 * categories capped at today's count.
 */
export function suggestGate(report: EvalReport, margin = 0.03): Gate {
  const min: Record<string, number> = {};
  for (const m of SUGGESTED_MIN) {
    const v = metricValue(report, m);
    // Quotes must stay verbatim: validity gets no margin.
    if (v !== null && v > 0) min[m] = Math.max(0, Math.floor((v - (m === 'quoteValidity' ? 0 : margin)) * 100 + 1e-9) / 100);
  }
  const traps = report.quoteOnly.overall.trapHits;
  const max: Record<string, number> = { trapHits: traps.total + 1 };
  for (const cat of ['quoted_history', 'signature', 'retracted']) max[`trapHits.${cat}`] = traps.byCategory[cat] ?? 0;
  return { min, max };
}
