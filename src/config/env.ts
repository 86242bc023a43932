import { z } from 'zod';
import { describeIssues } from '../errors.js';

// One schema over the environment, parsed once at the edge (the Node entry, the CLI, the Worker).
// Config is passed into factories; no handler reads process.env.

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean));

const optionalString = z.string().trim().min(1).optional().catch(undefined);
const secret = z.string().trim().min(1).optional();

const intInRange = (min: number, max: number, dflt: number) =>
  z.coerce.number().int().min(min).max(max).default(dflt);

export const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: intInRange(0, 65535, 8787),
  HOST: z.string().default('0.0.0.0'),
  /** Public URL used in links (review UI, mailto); defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  LIAISON_DATA_DIR: z.string().default('./.liaison'),
  DATABASE_URL: z.string().url().optional(),
  LIAISON_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LIAISON_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest delivery accepted, in bytes (JSON, MIME, webhook). */
  LIAISON_BODY_LIMIT: intInRange(1024, 100 * 1024 * 1024, 10 * 1024 * 1024),
  LIAISON_JOB_CONCURRENCY: intInRange(1, 32, 2),
  LIAISON_JOB_MAX_ATTEMPTS: intInRange(1, 50, 5),
  LIAISON_JOB_LEASE_SECONDS: intInRange(5, 3600, 120),
  /**
   * The embedded database's buffer cache. At ~100k chunks the search index alone is ~156 MB: with PGlite's
   * 128MB default a sixth of its page reads missed and search p95 was 36 ms; with 320MB, 28 ms (+220 MB RSS).
   */
  LIAISON_PGLITE_SHARED_BUFFERS: z.string().trim().regex(/^\d+(kB|MB|GB)$/, 'a size such as 320MB').default('320MB'),
  /** The in-process runner starts no job until deliveries have been quiet this long (0: never waits). */
  LIAISON_JOB_QUIET_MS: intInRange(0, 60_000, 250),
  /** ...but a due job never waits longer than this for a quiet moment. */
  LIAISON_JOB_MAX_DEFER_SECONDS: intInRange(1, 3600, 30),
  /** The agency's own email domains (participants on them are agency side). */
  AGENCY_DOMAINS: csv.default([]),

  // extraction and drafting
  LIAISON_LLM_PROVIDER: z.enum(['offline', 'openai', 'anthropic']).optional(),
  LIAISON_LLM_MODEL: optionalString,
  LIAISON_LLM_TIMEOUT_MS: intInRange(1000, 600_000, 120_000),
  /** Largest rendered source per extraction call (estimated tokens); longer sources are split with overlap. */
  LIAISON_LLM_MAX_INPUT_TOKENS: intInRange(2_000, 1_000_000, 48_000),
  OPENAI_API_KEY: secret,
  OPENAI_BASE_URL: z.string().url().optional(),
  ANTHROPIC_API_KEY: secret,
  LIAISON_EMBEDDER: z.enum(['offline', 'openai']).optional(),
  LIAISON_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  /** Minutes between the periodic checks (overdue, cadence, unacknowledged) in the Node shape. */
  LIAISON_CHECK_INTERVAL_MINUTES: intInRange(1, 1440, 15),

  // ingest
  FATHOM_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
  FATHOM_API_KEY: secret,
  FATHOM_API_URL: z.string().url().default('https://api.fathom.ai/external/v1'),
  INBOUND_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Basic-auth credentials for inbound webhooks (Postmark, SendGrid): "user:password". */
  INBOUND_BASIC_AUTH: z.string().regex(/^[^:]+:.+$/, 'expected user:password').optional(),
  MAILGUN_SIGNING_KEY: secret,
  /** Inbound address domain; `<alias>@domain` and `inbound+<alias>@domain` route to an account. */
  INBOUND_DOMAIN: optionalString,

  // drafting and review
  /** Who writes drafts when an LLM provider is configured: the LLM (from prompts/<kind>.md) or the templates. */
  LIAISON_DRAFT_WRITER: z.enum(['llm', 'template']).default('llm'),
  /** Business days promised for a complex request, per channel: "default=3,seo=5,web=5". */
  LIAISON_TURNAROUND_DAYS: z
    .string()
    .regex(/^\s*[a-z_]+=\d{1,3}(\s*,\s*[a-z_]+=\d{1,3})*\s*$/, 'expected channel=days pairs, e.g. default=3,seo=5')
    .transform((s) => Object.fromEntries(s.split(',').map((p) => p.split('=').map((x) => x.trim())).map(([k, v]) => [k!, Number(v)])) as Record<string, number>)
    .default({ default: 3 }),

  // publishing
  NOTION_TOKEN: secret,
  NOTION_ACCOUNTS_PARENT_PAGE_ID: optionalString,
  NOTION_LEADERSHIP_DATABASE_ID: optionalString,
});
export type Env = z.infer<typeof Env>;

export interface Config extends Env {
  llmProvider: 'offline' | 'openai' | 'anthropic';
  embedder: 'offline' | 'openai';
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: string) {
    super(`invalid environment: ${issues}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment record. Empty strings count as unset, as in most dotenv tooling. */
export function parseEnv(raw: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues));
  const env = parsed.data;
  const llmProvider =
    env.LIAISON_LLM_PROVIDER ?? (env.ANTHROPIC_API_KEY ? 'anthropic' : env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'offline');
  const embedder = env.LIAISON_EMBEDDER ?? 'offline';
  if (llmProvider === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    throw new ConfigError('OPENAI_API_KEY: required when LIAISON_LLM_PROVIDER=openai (or set OPENAI_BASE_URL)');
  }
  if (llmProvider === 'anthropic' && !env.ANTHROPIC_API_KEY) {
    throw new ConfigError('ANTHROPIC_API_KEY: required when LIAISON_LLM_PROVIDER=anthropic');
  }
  if (embedder === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    throw new ConfigError('OPENAI_API_KEY: required when LIAISON_EMBEDDER=openai');
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return { ...env, llmProvider, embedder, publicUrl };
}
