import PostalMime from 'postal-mime';
import type { NormalizedSource } from '../../domain/schemas.js';

// Minimal raw-MIME normalization for the spine: the email issue replaces it with forward recovery,
// quote and signature separation, charset fixes and account hints, keeping this signature.

export interface ParsedEmail {
  source: NormalizedSource;
  /** Message-ID of the client's original message (or of the delivery when not a forward). */
  messageId: string | null;
  /** Domains of the original sender, strongest account evidence first. */
  senderDomains: string[];
  /** Recipient addresses of the delivery (inbound alias / plus-address routing). */
  recipients: string[];
  subject: string;
}

export async function parseEmail(raw: string | Uint8Array | ArrayBuffer): Promise<ParsedEmail> {
  const email = await PostalMime.parse(raw);
  const text = email.text ?? '';
  const date = email.date ? new Date(email.date) : new Date(0);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const from = email.from && 'address' in email.from ? email.from : null;
  const sender = from?.address ?? null;
  return {
    source: {
      kind: 'email',
      externalId: email.messageId ?? null,
      title: email.subject ?? '(no subject)',
      occurredAt: date.toISOString(),
      referenceDate: date.toISOString().slice(0, 10),
      timeZone: null,
      participants: sender ? [{ name: from?.name || sender, email: sender, side: 'unknown' }] : [],
      segments: paragraphs.map((p, index) => ({ index, speaker: from?.name || sender, speakerEmail: sender, at: null, text: p })),
      context: [],
      attachments: (email.attachments ?? []).map((a) => ({
        filename: a.filename ?? null,
        contentType: a.mimeType,
        size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
      })),
      links: { url: null, messageId: email.messageId ?? null },
    },
    messageId: email.messageId ?? null,
    senderDomains: sender ? [sender.split('@')[1]!.toLowerCase()] : [],
    recipients: (email.to ?? []).flatMap((t) => ('address' in t && t.address ? [t.address] : [])),
    subject: email.subject ?? '',
  };
}
