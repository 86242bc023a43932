import { ADDRESS, CC_LAX, DATE_LAX, FROM_LAX, MAILBOX, SUBJECT_LAX, TO_LAX, firstAttribution, type Field } from './forward-labels.js';
import { labelLine } from './label-line.js';

// The forwarded message's header block ("From: ...\nDate: ...\nSubject: ...\nTo: ...") and its body.
// Each field is the first line carrying one of its labels; Yahoo's run-together block and Outlook 2019's
// one-line attribution are the fallbacks, tried only when the plain labels are missing.

export interface ForwardMailbox { name: string | null; address: string | null }

export interface ParsedForward {
  forwarded: boolean;
  note: string | null;
  from: ForwardMailbox | null;
  to: ForwardMailbox[];
  cc: ForwardMailbox[];
  subject: string | null;
  date: string | null;
  body: string | null;
}

type Lax = Array<[RegExp, string]>;

/** The earliest match of any pattern whose keyword is in the text (ties go to the earlier pattern). */
function earliest(list: Lax, text: string): RegExpExecArray | null {
  const lower = list[0]![0].flags.includes('i') ? text.toLowerCase() : text;
  let best: RegExpExecArray | null = null;
  for (const [re, keyword] of list) {
    if (!lower.includes(keyword)) continue;
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

/** Removes the first label the text holds (Yahoo: "Subject" and "Date" stuck to the "To" line). */
function dropFirst(list: Lax, text: string): string {
  const lower = list[0]![0].flags.includes('i') ? text.toLowerCase() : text;
  for (const [re, keyword] of list) {
    if (!lower.includes(keyword)) continue;
    const out = text.replace(re, '');
    if (out.length < text.length) return out;
  }
  return text;
}

function mailbox(address: string | null | undefined, name: string | null | undefined): ForwardMailbox {
  let a: string | null = address?.trim() ?? '';
  let n: string | null = name?.trim() ?? '';
  if (!ADDRESS.test(a)) [n, a] = [a, null];
  a ||= null;
  n ||= null;
  return { address: a, name: a !== n ? n : null };
}

/** "Ann <a@x>, 'Bob' [b@y]; c@z" as mailboxes. */
export function mailboxes(value: string): ForwardMailbox[] {
  const out: ForwardMailbox[] = [];
  let rest = value.trim();
  while (rest) {
    let m: RegExpExecArray | null = null;
    // The first three shapes are "mailto:" links.
    for (let i = rest.includes('mailto:') ? 0 : 3; i < MAILBOX.length && !m; i++) m = MAILBOX[i]!.exec(rest);
    if (!m) {
      out.push(mailbox(rest, null));
      break;
    }
    out.push(m.length === 3 ? mailbox(m[2], m[1]) : mailbox(m[1], null));
    rest = rest.replace(m[0], '').trim();
    if (rest[0] === ',' || rest[0] === ';') rest = rest.slice(1).trim();
  }
  return out;
}

/** The text under the header block: after the first Subject/Cc/To/Reply-To/Date line followed by a blank line. */
function bodyOf(text: string, lines: string[], first: Partial<Record<Field, number>>): string {
  const startOf = (k: number) => {
    let at = 0;
    for (let i = 0; i < k; i++) at += lines[i]!.length + 1;
    return at;
  };
  // The text from line k on, without joining the lines back.
  const from = (k: number) => text.slice(startOf(k)).trim();
  for (const f of ['subject', 'cc', 'to', 'replyTo', 'date'] as const) {
    const k = first[f];
    if (k !== undefined && lines[k + 1] === '' && k + 2 < lines.length) return from(k + 1);
  }
  // New Outlook and Yahoo put the body right under the subject, with no blank line. A Yahoo-style label
  // only wins when it comes before the "Subject:" line, so only the text above that line is searched.
  const strict = first.subject;
  const above = strict === undefined ? text : text.slice(0, startOf(strict));
  const lax = earliest(SUBJECT_LAX, above);
  const laxLine = lax ? above.slice(0, lax.index + lax[0].length).split('\n').length - 1 : Infinity;
  const k = Math.min(strict ?? Infinity, laxLine);
  return k < Infinity ? from(k + 1) : text;
}

export function readHeaderBlock(part: string, wholeBody: string): Omit<ParsedForward, 'forwarded' | 'note'> {
  let text = part.includes('\uFEFF') ? part.replace(/\uFEFF/g, '') : part;
  // Quote marks and Outlook's four-space indent, at line starts only ("<a@b>" leaves the text alone).
  if (/^>/m.test(text)) text = text.replace(/^(>+)\s?$/gm, '').replace(/^(>+)\s?/gm, '');
  if (/^ {4}/m.test(text)) text = text.replace(/^( {4})\s?/gm, '');
  const lines = text.split('\n');
  const first: Partial<Record<Field, number>> = {};
  const value: Partial<Record<Field, string>> = {};
  lines.forEach((line, i) => {
    const l = labelLine(line);
    if (l && first[l.field] === undefined) {
      first[l.field] = i;
      value[l.field] = l.value;
    }
  });
  let from = value.from ? mailboxes(value.from)[0] ?? null : null;
  if (!from?.address && !from?.name) {
    const a = firstAttribution(wholeBody)?.groups;
    const m = a ? null : earliest(FROM_LAX, text);
    from = a ? mailbox(a.from_address, a.from_name) : m ? mailbox(m[3], m[2]) : mailbox(null, null);
  }
  // Dropping a label never makes another one appear, so a lax list none of whose words is here has nothing to find.
  let noSubject: string | undefined;
  let noSubjectDate: string | undefined;
  const withoutSubject = () => (noSubject ??= dropFirst(SUBJECT_LAX, text));
  const withoutSubjectDate = () => (noSubjectDate ??= dropFirst(DATE_LAX, withoutSubject()));
  const anyOf = (list: Lax) => list.some(([, word]) => text.includes(word));
  let to = value.to ? mailboxes(value.to) : [];
  if (!to.length && anyOf(TO_LAX)) to = mailboxes(earliest(TO_LAX, dropFirst(CC_LAX, withoutSubjectDate()))?.[1] ?? '');
  let cc = value.cc ? mailboxes(value.cc) : [];
  if (!cc.length && anyOf(CC_LAX)) cc = mailboxes(earliest(CC_LAX, withoutSubjectDate())?.[1] ?? '');
  const subject = value.subject !== undefined ? value.subject.trim() : earliest(SUBJECT_LAX, text)?.[1]?.trim() ?? null;
  const attributed = value.date === undefined ? firstAttribution(wholeBody)?.groups : null;
  const date = value.date !== undefined ? value.date.trim()
    : attributed ? attributed.date?.trim() ?? ''
      : earliest(DATE_LAX, withoutSubject())?.[1]?.trim() ?? null;
  return { from, to, cc, subject, date, body: bodyOf(text, lines, first) };
}
