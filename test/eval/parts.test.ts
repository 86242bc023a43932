import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bootstrapIntervals } from '../../src/eval/bootstrap.js';
import { withResponseCache, type ResponseStore } from '../../src/eval/cached-provider.js';
import { decodeEmail } from '../../src/eval/decode-email.js';
import { checkGate, suggestGate } from '../../src/eval/gate.js';
import { maxWeightAssignment } from '../../src/eval/hungarian.js';
import { buildReport } from '../../src/eval/report.js';
import { formatReport } from '../../src/eval/format.js';
import { scoreCase } from '../../src/eval/score-case.js';
import type { LlmProvider } from '../../src/llm/types.js';
import { devCases, EVAL_CASES_DIR } from './helpers.js';

describe('maximum-weight assignment', () => {
  it('finds the best total where greedy would not, and never pairs an ineligible cell', () => {
    expect(maxWeightAssignment([[1.0, 0.9], [0.95, null]])).toEqual([[0, 1], [1, 0]]);
    expect(maxWeightAssignment([[null, null], [0.6, 0.7], [0.8, null]])).toEqual([[1, 1], [2, 0]]);
    expect(maxWeightAssignment([[null], [null]])).toEqual([]);
    expect(maxWeightAssignment([])).toEqual([]);
  });
});

describe('bootstrap intervals', () => {
  // Half the cases predicted perfectly, half empty: a spread the intervals must show.
  const scores = devCases().map((c, i) => scoreCase(c, i % 2 ? c.gold! : {}));

  it('are reproducible run to run, change with the seed, and bracket the point estimate', () => {
    const a = bootstrapIntervals(scores);
    expect(bootstrapIntervals(scores)).toEqual(a);
    expect(bootstrapIntervals(scores, { seed: 7 })).not.toEqual(a);
    const point = buildReport(devCases().map((c, i) => ({ case: c, prediction: i % 2 ? c.gold! : {} })), { provider: 'x' }).quoteOnly.headline.pooledF1!;
    expect(a.pooledF1!.lo).toBeLessThan(point);
    expect(a.pooledF1!.hi).toBeGreaterThan(point);
    expect(a.pooledF1!.lo).toBeGreaterThanOrEqual(0);
    expect(a.pooledF1!.hi).toBeLessThanOrEqual(1);
  });
});

describe('email decoding', () => {
  it('renders every email case exactly as validate.mjs --dump does', () => {
    const emails = devCases().filter((c) => c.kind === 'email');
    expect(emails.length).toBe(8);
    for (const c of emails) {
      const expected = execFileSync(process.execPath, [`${EVAL_CASES_DIR}validate.mjs`, '--dump', c.id], { encoding: 'utf8' });
      const d = decodeEmail((c.source as { raw: string }).raw);
      const ours = d.views.map((v, i) => `===== view ${i + 1}/${d.views.length} =====\n${v}\n`).join('\n') + '\n' +
        d.attachments.map((a) => `===== attachment ${a.filename} (${a.type}) =====\n${a.text}\n`).join('');
      expect(ours, c.id).toBe(expected);
    }
  });
});

describe('regression gate', () => {
  const report = buildReport(devCases().map((c) => ({ case: c, prediction: c.id === 'd09' ? { requests: [{ text: 'x', quote: 'Could you send headshots of your technicians for the LSA profile?' }] } : c.gold! })), { provider: 'x' });

  it('passes above the floors and fails below them or above a ceiling', () => {
    const pass = checkGate(report, { min: { pooledF1: 0.9, 'email:detection.requests.f1': 0.8, injectionPass: 1 }, max: { 'trapHits.signature': 0 } });
    expect(pass.every((c) => c.ok)).toBe(true);
    const fail = checkGate(report, { min: { pooledF1: 0.99 }, max: { 'trapHits.quoted_history': 0, trapHits: 0 } });
    expect(fail.map((c) => [c.metric, c.ok])).toEqual([['pooledF1', false], ['trapHits.quoted_history', false], ['trapHits', false]]);
    expect(() => checkGate(report, { min: { nonsense: 1 }, max: {} })).toThrow(/unknown gate metric/);
  });

  it('suggests a gate that today\'s scores pass and a regression fails', () => {
    const gate = suggestGate(report);
    expect(gate.min.pooledF1).toBeLessThan(report.quoteOnly.headline.pooledF1!);
    expect(gate.max['trapHits.quoted_history']).toBe(1);
    expect(checkGate(report, gate).every((c) => c.ok)).toBe(true);
    const worse = buildReport(devCases().map((c) => ({ case: c, prediction: c.kind === 'email' ? {} : c.gold! })), { provider: 'x' });
    expect(checkGate(worse, gate).filter((c) => !c.ok).map((c) => c.metric)).toEqual(expect.arrayContaining(['pooledF1', 'email:pooledF1']));
  });
});

describe('provider response cache', () => {
  it('answers a repeated request from the store without calling the provider', async () => {
    const memory = new Map<string, unknown>();
    const store: ResponseStore = { get: async (k) => memory.get(k), set: async (k, v) => void memory.set(k, v) };
    let calls = 0;
    const inner: LlmProvider = {
      name: 'openai', model: 'm1',
      async generateStructured(args) {
        calls++;
        return { object: args.schema.parse({ answer: `reply ${calls}` }), usage: { inputTokens: 10, outputTokens: 2, cachedTokens: 0 }, model: 'm1', latencyMs: 5 };
      },
    };
    const cached = withResponseCache(inner, store);
    const schema = z.object({ answer: z.string() });
    const args = { task: 'extract', schema, system: 'sys', input: 'source text' };
    const first = await cached.generateStructured(args);
    const second = await cached.generateStructured(args);
    expect(second.object).toEqual(first.object);
    expect(calls).toBe(1);
    await cached.generateStructured({ ...args, input: 'other source' });
    expect(calls).toBe(2);
    expect(cached.stats).toEqual({ hits: 1, misses: 2 });
  });
});

describe('cases without gold', () => {
  it('are predicted and listed, never scored', () => {
    const [a, b] = [devCases()[0]!, devCases()[9]!];
    const unlabelled = { ...b, id: 'x01', gold: undefined };
    const r = buildReport([{ case: a, prediction: a.gold! }, { case: unlabelled, prediction: { requests: [{ text: 't', quote: 'q' }] } }], { provider: 'x' });
    expect(r.predicted).toEqual([a.id, 'x01']);
    expect(r.scoredCases).toEqual([a.id]);
    expect(r.quoteOnly.headline.pooledF1).toBe(1);
  });
});

describe('printed report', () => {
  it('puts the seven headline numbers first, in SCORING.md order, then per-type, splits and per-case rows', () => {
    const text = formatReport(buildReport(devCases().map((c) => ({ case: c, prediction: c.kind === 'email' ? c.gold! : {} })), { provider: 'x' }));
    const at = (s: string) => text.indexOf(s);
    const order = ['Pooled F1 (M1)', 'Strict commitment F1 (M3)', 'Hot recall (M6)', 'Churn recall (M9)', 'Trap hits (M11)', 'Injection pass (M13)', 'Resolved-date accuracy (M5)', 'all 16 cases', 'transcripts (8)', 'emails (8)', 'per case'];
    for (const s of order) expect(at(s), s).toBeGreaterThan(-1);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
    expect(text).toMatch(/Pooled F1 \(M1\)\s+0\.\d\d\s+\[0\.\d\d, [01]\.\d\d\]/);
    expect(text).toMatch(/transcripts \(8\)\n\s+requests .*F1\s+0\.00/);
    expect(text).toMatch(/emails \(8\)\n\s+requests .*F1\s+1\.00/);
  });
});
