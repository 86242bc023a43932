import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devCases, EVAL_CASES_DIR } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'liaison-eval-'));

function cli(args: string[]): { code: number; stdout: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eval', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, stdout: e.stdout };
  }
}

describe('liaison eval (CLI)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores predictions on disk, writes the JSON report, and exits non-zero only below the gate', () => {
    for (const c of devCases()) writeFileSync(join(dir, `${c.id}.json`), JSON.stringify(c.id === 'd06' ? { requests: [{ text: 'x', quote: 'x' }] } : c.gold));
    const gate = join(dir, 'gate.json');
    writeFileSync(gate, JSON.stringify({ min: { pooledF1: 0.95 }, max: { trapHits: 0 } }));
    const ok = cli(['--cases', EVAL_CASES_DIR, '--provider', 'offline', '--predictions', dir, '--score-only', '--out', join(dir, 'report.json'), '--gate', gate]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/clean case \(M12\) FAIL \(0\/1\)/);
    expect(ok.stdout).toMatch(/regression gate: all 2 checks pass/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { quoteOnly: { headline: { pooledF1: number } }; scoredCases: string[] };
    expect(report.scoredCases).toHaveLength(16);
    expect(report.quoteOnly.headline.pooledF1).toBeLessThan(1);
    expect(report.quoteOnly.headline.pooledF1).toBeGreaterThan(0.95);

    writeFileSync(gate, JSON.stringify({ min: { pooledF1: 1 } }));
    const below = cli(['--cases', EVAL_CASES_DIR, '--predictions', dir, '--score-only', '--gate', gate, '--only', 'd06,d07']);
    expect(below.code).toBe(1);
    expect(below.stdout).toMatch(/2 cases predicted, 2 scored/);
    expect(below.stdout).toMatch(/FAIL pooledF1/);
  });
});
