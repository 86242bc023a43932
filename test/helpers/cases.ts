import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CASES_DIR = `${SHARED}eval-cases/`;
export const FIXTURES_DIR = `${SHARED}fixtures/`;

export interface EvalCase {
  id: string;
  kind: 'transcript' | 'email';
  date: string;
  account: { name: string; domain: string; tier: number };
  source: Record<string, unknown>;
  gold?: Record<string, unknown[]>;
}

export function loadCase(id: string): EvalCase {
  return JSON.parse(readFileSync(`${CASES_DIR}${id}.json`, 'utf8')) as EvalCase;
}

export function caseIds(): string[] {
  return readdirSync(CASES_DIR).filter((f) => /^d\d+\.json$/.test(f)).map((f) => f.replace('.json', '')).sort();
}

/** The input an API user would post: the case without gold, notes or id. */
export function caseInput(c: EvalCase) {
  return c.kind === 'transcript'
    ? { kind: c.kind, date: c.date, account: c.account, source: c.source }
    : { kind: c.kind, account: c.account, source: c.source };
}
