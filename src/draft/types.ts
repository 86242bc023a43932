import { z } from 'zod';
import type { Evidence } from '../domain/schemas.js';

/** What every draft builder returns: the text an AM reviews and the evidence it rests on. */
export interface DraftText {
  title: string;
  body: string;
  evidence: Evidence[];
}

/** What the LLM writes for a draft: title and body only; evidence is attached in code, never by the model. */
export const DraftOutput = z.object({
  title: z.string().min(1).max(300).describe('A short subject line for the draft'),
  body: z.string().min(1).max(20_000).describe('The draft text, plain text with "- " bullets, ready for the AM to send or file'),
});
export type DraftOutput = z.infer<typeof DraftOutput>;
