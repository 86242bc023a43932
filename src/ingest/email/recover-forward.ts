import EmailForwardParser, { type EmailForwardMailbox } from 'email-forward-parser';
import type { Mailbox } from './decode-mime.js';

/** A message recovered from a forward's header block. */
export interface ForwardedMessage {
  from: { name: string | null; address: string | null };
  to: Mailbox[];
  cc: Mailbox[];
  subject: string | null;
  /** The date as the forward block wrote it (localized, zone often missing). */
  date: string | null;
  body: string;
}

export interface Recovered {
  /** A sender was really recovered: the mail carries a forwarded message. */
  forwarded: boolean;
  /** Text the forwarder wrote above the forwarded message. */
  note: string | null;
  message: ForwardedMessage | null;
}

const parser = new EmailForwardParser();

function boxes(v: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): Mailbox[] {
  const arr = Array.isArray(v) ? v : v ? [v] : [];
  return arr.filter((m) => m.address).map((m) => ({ name: m.name ?? '', address: m.address!.toLowerCase() }));
}

/**
 * Recovers the forwarded original. The subject is always passed (27 of the library's own forward
 * fixtures are only recognised with it), and a result only counts when a sender came back: a "Fwd:"
 * subject over a body without a header block gives forwarded:true with an empty email.
 */
// Every forward the parser recognises has a "From:"-style header or a "wrote:" attribution: without a
// colon anywhere there is nothing to find, and its ~100 locale regexes can be skipped.
const HAS_COLON = /[:：]/;

export function recoverForward(text: string, subject: string | null): Recovered {
  if (!HAS_COLON.test(text)) return { forwarded: false, note: null, message: null };
  const r = parser.read(text, subject ?? undefined);
  const from = r.email?.from;
  if (!r.forwarded || !(from?.address || from?.name)) return { forwarded: false, note: null, message: null };
  return {
    forwarded: true,
    note: r.message?.trim() || null,
    message: {
      from: { name: from.name?.trim() || null, address: from.address?.toLowerCase() ?? null },
      to: boxes(r.email.to),
      cc: boxes(r.email.cc),
      subject: r.email.subject?.trim() || null,
      date: r.email.date?.trim() || null,
      body: (r.email.body ?? '').replace(/^\ufeff/gm, ''),
    },
  };
}
