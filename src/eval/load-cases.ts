import { readdirSync, readFileSync } from 'node:fs';
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
