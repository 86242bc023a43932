import type { Db } from '../../src/db/types.js';
import { caseInput, loadCase } from '../helpers/cases.js';
import type { TestHarness } from '../helpers/ctx.js';

/** Posts an eval case as a new source (a distinct title makes it a distinct delivery). */
export async function postCase(h: TestHarness, caseId: string, title: string): Promise<string> {
  const input = caseInput(loadCase(caseId));
  (input.source as { title: string }).title = title;
  const res = await h.api('POST', '/api/sources', input);
  if (res.status !== 202) throw new Error(`POST /api/sources: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function sourceRow(db: Db, id: string) {
  const [row] = await db.query<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>(
    'SELECT status, attempts, last_error, next_attempt_at FROM sources WHERE id = $1', [id]);
  return row!;
}

export interface CallRow {
  task: string; provider: string; model: string; status: string; prompt_version: string | null; prompt_hash: string | null;
  request_hash: string | null; input_tokens: number; output_tokens: number; cached_tokens: number; error: string | null; raw_output: string | null;
}

export function llmCalls(db: Db, sourceId: string) {
  return db.query<CallRow>('SELECT * FROM llm_calls WHERE source_id = $1 ORDER BY created_at, id', [sourceId]);
}

export function extractionRows(db: Db, sourceId: string) {
  return db.query<{ provider: string; model: string; prompt_version: string; prompt_hash: string; schema_version: string; input_tokens: number; output_tokens: number; cached_tokens: number; dropped_quotes: number }>(
    'SELECT * FROM extractions WHERE source_id = $1', [sourceId]);
}

export interface ApiItems {
  requests: Array<{ text: string; quote: string; requester: string | null; channel: string; triage: string; due: string | null }>;
  commitments: Array<{ text: string; quote: string; owner: string | null; owner_side: string; due: string | null }>;
  risks: Array<{ kind: string; severity: string; quote: string }>;
}

export async function itemsOf(h: TestHarness, id: string): Promise<{ status: string; items: ApiItems }> {
  return (await (await h.api('GET', `/api/sources/${id}`)).json()) as { status: string; items: ApiItems };
}

/** How many times `needle` occurs in `hay`. */
export const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
