import { z } from 'zod';
import { IsoDate } from '../domain/schemas.js';

// Input shapes accepted by POST /api/sources: exactly the shape of an eval case (SCORING.md section 1).

export const AccountRef = z.object({
  name: z.string().trim().min(1).max(200),
  domain: z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/i, 'expected a domain such as acme.com').optional(),
  tier: z.coerce.number().int().min(1).max(3).default(2),
});
export type AccountRef = z.infer<typeof AccountRef>;

const Timestamp = z.union([
  z.string().regex(/^(\d{1,2}:)?\d{1,2}:\d{2}(\.\d+)?$/, 'expected HH:MM:SS or MM:SS'),
  z.number().nonnegative(),
]);

export const TranscriptEntry = z.object({
  speaker: z.string().trim().min(1),
  timestamp: Timestamp.nullable().optional(),
  text: z.string(),
});

export const TranscriptCase = z.object({
  kind: z.literal('transcript'),
  date: IsoDate,
  account: AccountRef.optional(),
  source: z.object({
    title: z.string().default('Call'),
    participants: z
      .array(z.object({ name: z.string().trim().min(1), email: z.string().trim().nullable().optional(), side: z.enum(['agency', 'client', 'unknown']).default('unknown') }))
      .default([]),
    entries: z.array(TranscriptEntry).min(1, 'a transcript needs at least one entry'),
  }),
});
export type TranscriptCase = z.infer<typeof TranscriptCase>;

export const EmailCase = z.object({
  kind: z.literal('email'),
  account: AccountRef.optional(),
  source: z.object({ raw: z.string().min(1, 'raw must hold the RFC 5322 message') }),
});
export type EmailCase = z.infer<typeof EmailCase>;

export const IngestSourceInput = z.discriminatedUnion('kind', [TranscriptCase, EmailCase]);
export type IngestSourceInput = z.infer<typeof IngestSourceInput>;
