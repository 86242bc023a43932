import { fileURLToPath } from 'node:url';
import { loadCases } from '../../src/eval/load-cases.js';
import { EvalCase } from '../../src/eval/types.js';

export const EVAL_CASES_DIR = fileURLToPath(new URL('../../evals/cases/', import.meta.url));

let cached: EvalCase[] | null = null;
export function devCases(): EvalCase[] {
  cached ??= loadCases(EVAL_CASES_DIR);
  return cached;
}
export const devCase = (id: string) => devCases().find((c) => c.id === id)!;

/** A small hand-made transcript case: one speaker turn per line. */
export function transcriptCase(lines: Array<[speaker: string, text: string]>, gold: Record<string, unknown>, participants?: Array<{ name: string; side: string }>): EvalCase {
  const people = participants ?? [...new Set(lines.map(([s]) => s))].map((name) => ({ name, side: 'client' }));
  return EvalCase.parse({
    id: 'hand',
    kind: 'transcript',
    date: '2026-04-06',
    account: { name: 'Hand Made Co', domain: 'handmade.example', tier: 2 },
    source: { title: 'Call', participants: people.map((p) => ({ ...p, email: `${p.name.split(' ')[0]!.toLowerCase()}@x.example` })), entries: lines.map(([speaker, text]) => ({ speaker, timestamp: '00:00:01', text })) },
    gold: { requests: [], commitments: [], risks: [], traps: [], ...gold },
  });
}

export const req = (quote: string, extra: Record<string, unknown> = {}) => ({
  text: quote, quote, requester: 'Ann Lee', channel: 'web', triage: 'simple', due: null, ...extra,
});
export const com = (quote: string, extra: Record<string, unknown> = {}) => ({
  text: quote, quote, owner: 'Ann Lee', owner_side: 'client', due: null, ...extra,
});
export const risk = (quote: string, extra: Record<string, unknown> = {}) => ({
  kind: 'frustration', severity: 'medium', quote, rationale: '', ...extra,
});
