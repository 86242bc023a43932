import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvalCase } from './types.js';

/** Every *.json case in a folder, parsed, in id order. */
export function loadCases(dir: string): EvalCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = EvalCase.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${f}: not an eval case: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

/**
 * SCORING.md: `node validate.mjs` must pass before any scoring run. Runs the folder's validator when it
 * has one; returns its summary line ("16 cases ok"), or null when there is no validator.
 */
export function validateCases(dir: string): string | null {
  const script = join(dir, 'validate.mjs');
  if (!existsSync(script)) return null;
  try {
    return execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`${script} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`.trim());
  }
}
