import { describe, expect, it } from 'vitest';
import { caseInput, predictCases } from '../../src/eval/run-pipeline.js';
import { buildReport } from '../../src/eval/report.js';
import { caseSourceText } from '../../src/eval/source-text.js';
import { normalizeText } from '../../src/eval/normalize.js';
import { Prediction } from '../../src/eval/types.js';
import { createPgliteDb } from '../helpers/db.js';
import { devCase } from './helpers.js';

describe('eval runner', () => {
  it('never gives an email its case date: the pipeline must find the reference date itself', () => {
    const input = caseInput(devCase('d10')) as Record<string, unknown>;
    expect(input).not.toHaveProperty('date');
    expect(Object.keys(input.source as object)).toEqual(['raw']);
    expect(caseInput(devCase('d01'))).toMatchObject({ kind: 'transcript', date: devCase('d01').date });
  });

  it('runs a transcript and an email through ingest, the job runner and memory, and scores what comes back', async () => {
    const cases = [devCase('d01'), devCase('d09')];
    const res = await predictCases(cases, { provider: 'offline', env: { LIAISON_LOG_LEVEL: 'silent' }, openDb: createPgliteDb });
    expect([...res.errors]).toEqual([]);
    expect(res.cache).toBeNull();
    for (const c of cases) {
      const p = Prediction.parse(res.predictions.get(c.id));
      const items = [...p.requests, ...p.commitments, ...p.risks];
      expect(items.length, c.id).toBeGreaterThan(0);
      // every predicted quote is read back from the store as evidence from this case's own source
      const src = caseSourceText(c);
      for (const it of items) expect(src, c.id).toContain(normalizeText(it.quote));
    }
    const report = buildReport(cases.map((c) => ({ case: c, prediction: res.predictions.get(c.id)! })), { provider: 'offline' });
    expect(report.scoredCases).toEqual(['d01', 'd09']);
    expect(report.quoteOnly.transcript.cases).toBe(1);
    expect(report.quoteOnly.email.cases).toBe(1);
    expect(report.quoteOnly.overall.detection.pooled.tp).toBeGreaterThan(0);
  });
});
