import type { Db } from '../db/types.js';
import type { TokenUsage } from '../domain/schemas.js';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';

export type CallStatus = 'ok' | 'error' | 'refused' | 'invalid_output';

export interface CallRecord {
  sourceId: string | null;
  task: string;
  provider: string;
  model: string;
  promptVersion: string | null;
  promptHash: string;
  requestHash: string;
  status: CallStatus;
  usage: TokenUsage;
  latencyMs: number;
  error: string | null;
  /** Kept when the call failed (invalid output, refusal) so it can be inspected. */
  rawOutput: string | null;
}

/**
 * Writes one llm_calls row. A failed write is logged and swallowed: the call log must never turn
 * a good extraction into a failed job (e.g. an eval run whose source has no row).
 */
export async function recordCall(db: Db | null, logger: Logger, rec: CallRecord): Promise<void> {
  if (!db) return;
  try {
    await db.query(
      `INSERT INTO llm_calls (id, source_id, task, provider, model, prompt_version, prompt_hash, request_hash, status,
         input_tokens, output_tokens, cached_tokens, latency_ms, error, raw_output)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [newId('llm'), rec.sourceId, rec.task, rec.provider, rec.model, rec.promptVersion, rec.promptHash, rec.requestHash, rec.status,
        rec.usage.inputTokens, rec.usage.outputTokens, rec.usage.cachedTokens, Math.round(rec.latencyMs),
        rec.error?.slice(0, 4000) ?? null, rec.rawOutput],
    );
  } catch (err) {
    logger.warn('could not record the LLM call', { task: rec.task, status: rec.status, error: String(err) });
  }
}
