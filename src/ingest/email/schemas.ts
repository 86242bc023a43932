import { z } from 'zod';
import { AccountRef } from '../schemas.js';

const Raw = z.union([z.string(), z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)]);

/** One delivered raw RFC 5322 message, from any channel (API, provider webhook, Email Worker). */
export const IngestRawEmailInput = z.object({
  raw: Raw.refine((r) => (typeof r === 'string' ? r.trim().length : r.byteLength) > 0, 'the email is empty'),
  /** api, inbound:raw, inbound:postmark, inbound:sendgrid, inbound:mailgun, worker:email */
  origin: z.string().min(1),
  /** An account named by the caller (API): it wins over every routing rule. */
  account: AccountRef.optional(),
  /** Envelope recipients (RCPT TO) when the channel gives them: they carry the inbound alias. */
  envelopeTo: z.array(z.string()).optional(),
  /** Plus-address tag the provider already split off (Postmark MailboxHash). */
  mailboxHash: z.string().optional(),
});
export type IngestRawEmailInput = z.input<typeof IngestRawEmailInput>;
