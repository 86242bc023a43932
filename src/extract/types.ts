import type { Channel, NormalizedSource, RiskKind, Severity, Side, TokenUsage, Triage } from '../domain/schemas.js';

// What an extractor (rules or LLM) returns before the code-side checks in finalize.ts:
// quotes unverified, dates as phrases, owners possibly diarization labels.

export interface RawRequest {
  text: string;
  quote: string;
  /** Segment index the quote is from, when the extractor knows it. */
  segment: number | null;
  requester: string | null;
  channel: Channel;
  triage: Triage;
  /** The words that set the deadline ("by Friday"), resolved in code; null when none. */
  due_phrase: string | null;
}

export interface RawCommitment {
  text: string;
  quote: string;
  segment: number | null;
  owner: string | null;
  owner_side: Side;
  due_phrase: string | null;
}

export interface RawRisk {
  kind: RiskKind;
  severity: Severity;
  quote: string;
  segment: number | null;
  rationale: string;
}

export interface RawExtractionMeta {
  provider: string;
  model: string;
  promptVersion: string;
  promptHash: string;
  schemaVersion: string;
  usage: TokenUsage;
  latencyMs: number;
}

export interface RawExtraction {
  requests: RawRequest[];
  commitments: RawCommitment[];
  risks: RawRisk[];
  meta: RawExtractionMeta;
}

export interface ExtractInput {
  source: NormalizedSource;
  account: { name: string; tier: number } | null;
  sourceId?: string | null;
}

/** The extract stage's port: the offline rules and every LLM provider implement it. */
export interface Extractor {
  readonly name: string;
  extract(input: ExtractInput): Promise<RawExtraction>;
}
