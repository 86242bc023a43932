import type { Mailbox } from './decode-mime.js';
import type { ForwardMailbox } from './forward-block.js';
import { forwardSubject, parseForward } from './forward-parse.js';

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

const NONE: Recovered = { forwarded: false, note: null, message: null };

function boxes(list: ForwardMailbox[]): Mailbox[] {
  return list.filter((m) => m.address).map((m) => ({ name: m.name ?? '', address: m.address!.toLowerCase() }));
}

// Every forward has a "From:"-style header or a "wrote:" attribution: without a colon there is nothing to find.
const HAS_COLON = /[:：]/;

/**
 * Recovers the forwarded original. The subject is always passed (27 of email-forward-parser's own
 * forward fixtures are only recognised with it), and a result only counts when a sender came back: a
 * "Fwd:" subject over a body without a header block recovers no one.
 */
export function recoverForward(text: string, subject: string | null): Recovered {
  if ((subject && forwardSubject(subject) === null) || !HAS_COLON.test(text)) return NONE;
  const r = parseForward(text, subject);
  const from = r.from;
  if (!r.forwarded || !(from?.address || from?.name)) return NONE;
  return {
    forwarded: true,
    note: r.note?.trim() || null,
    message: {
      from: { name: from.name?.trim() || null, address: from.address?.toLowerCase() ?? null },
      to: boxes(r.to),
      cc: boxes(r.cc),
      subject: r.subject?.trim() || null,
      date: r.date?.trim() || null,
      body: r.body ?? '',
    },
  };
}
