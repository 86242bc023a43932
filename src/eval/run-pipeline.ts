import { composeBase } from '../compose.js';
import { parseEnv } from '../config/env.js';
import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { migrate } from '../db/migrate.js';
import { loadMigrations } from '../db/migrations-fs.js';
import { openPglite } from '../db/pglite.js';
import { createExtractor } from '../extract/index.js';
import { getSourceRow, ingestSource } from '../ingest/index.js';
import { createJobRunner } from '../jobs/index.js';
import { createLlmProvider } from '../llm/index.js';
import type { LlmProvider } from '../llm/types.js';
import { createLogger, type Logger } from '../logger.js';
import { listItemsForSource, type GroupedItems } from '../memory/index.js';
import { withResponseCache, type CacheStats, type ResponseStore } from './cached-provider.js';
import type { EvalCase, PredictionInput } from './types.js';

// Runs eval cases through the real pipeline entry, in process: ingestSource on an in-memory PGlite,
// then the job runner, then the stored items read back in the SCORING.md prediction shape.

export type ProviderName = 'offline' | 'openai' | 'anthropic';

export interface PredictOptions {
  provider: ProviderName;
  /** The environment to read provider keys and settings from (process.env in the CLI). */
  env?: Record<string, string | undefined>;
  /** Where real-provider responses are cached; null disables the cache. */
  store?: ResponseStore | null;
  /** Overrides the configured provider (tests). */
  llm?: LlmProvider | null;
  logger?: Logger;
  /** A fresh, migrated database to run in (tests pass their template); an in-memory PGlite otherwise. */
  openDb?: () => Promise<Db>;
}

export interface PredictResult {
  predictions: Map<string, PredictionInput>;
  /** Cases whose source did not end processed, with the reason. */
  errors: Map<string, string>;
  cache: CacheStats | null;
}

/** The input an API user would post: a transcript with its date; an email's raw MIME with no date. */
export function caseInput(c: EvalCase): unknown {
  if ('raw' in c.source) return { kind: 'email', ...(c.account ? { account: c.account } : {}), source: { raw: c.source.raw } };
  return { kind: 'transcript', date: c.date, ...(c.account ? { account: c.account } : {}), source: c.source };
}

export function toPrediction(items: GroupedItems): PredictionInput {
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    requests: items.requests.map((i) => ({ text: i.text, quote: i.quote, requester: s(i.requester), channel: s(i.channel), triage: s(i.triage), due: i.due })),
    commitments: items.commitments.map((i) => ({ text: i.text, quote: i.quote, owner: s(i.owner), owner_side: s(i.owner_side), due: i.due })),
    risks: items.risks.map((i) => ({ kind: s(i.kind), severity: s(i.severity), quote: i.quote, rationale: s(i.rationale) ?? '' })),
  };
}

async function openDb(): Promise<Db> {
  const { db } = await openPglite();
  await migrate(db, loadMigrations());
  return db;
}

export async function predictCases(cases: readonly EvalCase[], opts: PredictOptions): Promise<PredictResult> {
  const env = opts.env ?? {};
  // Embeddings stay offline: they do not shape extraction, and a real embedder would be an uncached cost.
  const config = parseEnv({ ...env, DATABASE_URL: undefined, LIAISON_LLM_PROVIDER: opts.provider, LIAISON_EMBEDDER: 'offline', LIAISON_LOG_LEVEL: env.LIAISON_LOG_LEVEL ?? 'warn' });
  const inner = opts.llm !== undefined ? opts.llm : createLlmProvider(config);
  const cached = inner && opts.store ? withResponseCache(inner, opts.store) : null;
  const db = await (opts.openDb ?? openDb)();
  try {
    // The provider under test extracts; drafting stays offline: drafts are not scored, and LLM drafts would
    // be spend that a cached re-run could not avoid when their prompts carry fresh ids.
    const extractor = createExtractor(config, cached ?? inner);
    const base = composeBase({ config, db, llm: null, extractor, logger: opts.logger ?? createLogger(config.LIAISON_LOG_LEVEL) });
    const ctx: Ctx = { ...base, actor: 'eval', requestId: null };
    const runner = createJobRunner(ctx);
    const predictions = new Map<string, PredictionInput>();
    const errors = new Map<string, string>();
    // Ingest every case, then let the runner process them (LIAISON_JOB_CONCURRENCY at a time), as a server would.
    const sourceIds = new Map<string, string>();
    for (const c of cases) {
      try {
        sourceIds.set(c.id, (await ingestSource(ctx, caseInput(c))).id);
      } catch (err) {
        errors.set(c.id, `ingest failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      }
    }
    await runner.drain();
    for (const c of cases) {
      const id = sourceIds.get(c.id);
      if (!id) { predictions.set(c.id, { requests: [], commitments: [], risks: [] }); continue; }
      const row = await getSourceRow(db, id);
      if (row.status !== 'processed') errors.set(c.id, `source ended ${row.status}${row.last_error ? `: ${row.last_error}` : ''}`);
      predictions.set(c.id, toPrediction(await listItemsForSource(db, id)));
    }
    return { predictions, errors, cache: cached ? cached.stats : null };
  } finally {
    await db.close();
  }
}
