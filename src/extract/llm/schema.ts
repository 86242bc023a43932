import { z } from 'zod';
import { Channel, Side, Triage, type RiskKind } from '../../domain/schemas.js';

// The one structured answer per source (or per part of a long source). Strict-mode friendly:
// every key required, absence as null, no numeric bounds (ranges are checked in code).

export const EXTRACT_SCHEMA_VERSION = 'llm-extract-1';

/** Only the kinds a text can show; the timing signals are derived by the memory stage. */
export const TextRiskKind = z.enum([
  'churn_risk', 'frustration', 'missed_deadline', 'blocked_access', 'billing', 'scope_creep', 'expansion_opportunity',
] satisfies RiskKind[]);

const segment = z.number().describe('Segment [n] of the quote');
const quote = z.string().describe('Verbatim span of that segment');
const duePhrase = z.string().nullable().describe('Deadline words, or null');

export const LlmRequest = z.object({
  segment,
  quote,
  text: z.string().describe('The ask, briefly'),
  requester: z.string().nullable().describe('Who asks'),
  channel: Channel,
  triage: Triage,
  due_phrase: duePhrase,
});

export const LlmCommitment = z.object({
  segment,
  quote,
  text: z.string().describe('The promise, briefly'),
  owner: z.string().nullable().describe('Who will do it'),
  owner_side: Side,
  due_phrase: duePhrase,
});

export const LlmRisk = z.object({
  segment,
  quote,
  kind: TextRiskKind,
  severity: z.enum(['low', 'medium', 'high']),
  rationale: z.string().describe('Why, in one short sentence'),
});

export const ExtractOutput = z.object({
  requests: z.array(LlmRequest),
  commitments: z.array(LlmCommitment),
  risks: z.array(LlmRisk),
});
export type ExtractOutput = z.infer<typeof ExtractOutput>;
