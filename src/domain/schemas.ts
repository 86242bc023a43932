import { z } from 'zod';

// The domain vocabulary, shared by the API, the pipeline stages and the LLM output.
// Enum values and field names follow ../shared/eval-cases/SCORING.md so that what the
// API shows and what the eval scores are the same thing.

export const Side = z.enum(['agency', 'client', 'unknown']);
export type Side = z.infer<typeof Side>;

export const Channel = z.enum([
  'google_ads', 'seo', 'web', 'content', 'social', 'crm', 'analytics', 'email_marketing', 'billing', 'general',
]);
export type Channel = z.infer<typeof Channel>;

export const Triage = z.enum(['simple', 'complex', 'hot']);
export type Triage = z.infer<typeof Triage>;

export const RiskKind = z.enum([
  'churn_risk', 'frustration', 'scope_creep', 'blocked_access', 'missed_deadline', 'billing', 'expansion_opportunity',
  // Signals the system derives from timing rather than from text (memory stage).
  'cadence_missed', 'unacknowledged_request', 'client_commitment_overdue',
]);
export type RiskKind = z.infer<typeof RiskKind>;

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Participant = z.object({
  name: z.string(),
  email: z.string().nullable(),
  side: Side,
});
export type Participant = z.infer<typeof Participant>;

/** Where a piece of evidence sits in its source: a segment index, plus the call time or email part. */
export const Locator = z.object({
  segment: z.number().int().nonnegative(),
  /** Seconds from the start of the call, when the source is a call. */
  at: z.number().nonnegative().nullable(),
  /** Character offset of the quote inside the segment text, when located. */
  offset: z.number().int().nonnegative().nullable(),
});
export type Locator = z.infer<typeof Locator>;

/** One minable unit of a source: a speaker turn of a call, or a paragraph of the client's own email text. */
export const Segment = z.object({
  index: z.number().int().nonnegative(),
  speaker: z.string().nullable(),
  speakerEmail: z.string().nullable(),
  /** Seconds from the start of the call; null for email. */
  at: z.number().nonnegative().nullable(),
  text: z.string(),
});
export type Segment = z.infer<typeof Segment>;

/** Text that travels with a source but is never mined for items (quoted history, signatures, cover notes...). */
export const ContextKind = z.enum([
  'cover_note', 'quoted_history', 'signature', 'third_party', 'attachment_text', 'fathom_summary', 'fathom_action_items', 'other',
]);
export const ContextBlock = z.object({
  kind: ContextKind,
  text: z.string(),
  author: z.string().nullable(),
});
export type ContextBlock = z.infer<typeof ContextBlock>;

export const Attachment = z.object({
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type Attachment = z.infer<typeof Attachment>;

export const SourceKind = z.enum(['call', 'email']);
export type SourceKind = z.infer<typeof SourceKind>;

/** The provider-neutral form every delivery is normalized into at ingest. */
export const NormalizedSource = z.object({
  kind: SourceKind,
  externalId: z.string().nullable(),
  title: z.string(),
  /** ISO 8601 instant of the meeting start or of the client's original message. */
  occurredAt: z.string(),
  /** The local calendar date relative dates resolve against (client message date for email). */
  referenceDate: IsoDate,
  /** IANA zone or a UTC offset such as "-05:00"; null when unknown. */
  timeZone: z.string().nullable(),
  participants: z.array(Participant),
  segments: z.array(Segment),
  context: z.array(ContextBlock),
  attachments: z.array(Attachment),
  /** Links back to the original (Fathom playback URL, share URL, mail message id). */
  links: z.object({ url: z.string().nullable(), messageId: z.string().nullable() }),
});
export type NormalizedSource = z.infer<typeof NormalizedSource>;

export const SourceStatus = z.enum([
  'received', 'processing', 'processed', 'failed', 'unassigned', 'needs_transcript',
]);
export type SourceStatus = z.infer<typeof SourceStatus>;

// ---- items, as stored and shown (SCORING.md names) ----

export const RequestItem = z.object({
  text: z.string(),
  quote: z.string(),
  requester: z.string().nullable(),
  channel: Channel,
  triage: Triage,
  due: IsoDate.nullable(),
});
export type RequestItem = z.infer<typeof RequestItem>;

export const CommitmentItem = z.object({
  text: z.string(),
  quote: z.string(),
  owner: z.string().nullable(),
  owner_side: Side,
  due: IsoDate.nullable(),
});
export type CommitmentItem = z.infer<typeof CommitmentItem>;

export const RiskItem = z.object({
  kind: RiskKind,
  severity: Severity,
  quote: z.string(),
  rationale: z.string(),
});
export type RiskItem = z.infer<typeof RiskItem>;

/** An item as the extract stage hands it on: verified quote, resolved date, locator. */
export const ExtractedRequest = RequestItem.extend({ locator: Locator, due_phrase: z.string().nullable() });
export const ExtractedCommitment = CommitmentItem.extend({ locator: Locator, due_phrase: z.string().nullable() });
export const ExtractedRisk = RiskItem.extend({ locator: Locator });
export type ExtractedRequest = z.infer<typeof ExtractedRequest>;
export type ExtractedCommitment = z.infer<typeof ExtractedCommitment>;
export type ExtractedRisk = z.infer<typeof ExtractedRisk>;

export const TokenUsage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

export const Extraction = z.object({
  requests: z.array(ExtractedRequest),
  commitments: z.array(ExtractedCommitment),
  risks: z.array(ExtractedRisk),
  meta: z.object({
    provider: z.string(),
    model: z.string(),
    promptVersion: z.string(),
    promptHash: z.string(),
    schemaVersion: z.string(),
    usage: TokenUsage,
    latencyMs: z.number().nonnegative(),
    /** Items the model gave whose quote could not be found in the source. */
    droppedQuotes: z.number().int().nonnegative(),
  }),
});
export type Extraction = z.infer<typeof Extraction>;

export const ItemType = z.enum(['request', 'commitment', 'risk']);
export type ItemType = z.infer<typeof ItemType>;

export const ItemStatus = z.enum(['open', 'acknowledged', 'done', 'overdue', 'dismissed', 'merged']);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const DraftKind = z.enum(['recap', 'ack', 'handoff', 'flag', 'writeup', 'chaser']);
export type DraftKind = z.infer<typeof DraftKind>;

export const DraftStatus = z.enum(['pending', 'approved', 'rejected', 'published', 'publish_failed']);
export type DraftStatus = z.infer<typeof DraftStatus>;

export const Evidence = z.object({
  itemId: z.string().nullable(),
  sourceId: z.string(),
  quote: z.string(),
  speaker: z.string().nullable(),
  at: z.number().nullable(),
  url: z.string().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Draft = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  sourceId: z.string().nullable(),
  itemId: z.string().nullable(),
  kind: DraftKind,
  status: DraftStatus,
  title: z.string(),
  body: z.string(),
  evidence: z.array(Evidence),
  version: z.number().int(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  publishError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;
