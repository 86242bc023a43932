import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import EmailForwardParser, { type EmailForwardMailbox } from 'email-forward-parser';
import EmailReplyParser from 'email-reply-parser';
import { describe, expect, it } from 'vitest';
import { decodeMime } from '../../src/ingest/email/decode-mime.js';
import type { ForwardMailbox } from '../../src/ingest/email/forward-block.js';
import { parseForward } from '../../src/ingest/email/forward-parse.js';
import { replyFragments } from '../../src/ingest/email/reply-fragments.js';
import { FIXTURES_DIR } from '../helpers/cases.js';

// Our forward reader and reply fragmenter stand in for email-forward-parser and email-reply-parser on
// the hot path. Differential check: on every fixture text (the libraries' own suites, the .eml and HTML
// messages once decoded) and under every kind of subject, ours must give what the library gives.

const ROOT = `${FIXTURES_DIR}email/`;
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const all = walk(ROOT).filter((p) => !/LICENSE|README/.test(p));
const name = (p: string) => p.slice(ROOT.length);

const forwardSubjects = all.filter((p) => p.includes('_subject')).map((p) => readFileSync(p, 'utf8').trim());
const texts = all.filter((p) => p.endsWith('.txt') && !p.includes('_subject')).map((p) => ({ name: name(p), text: readFileSync(p, 'utf8'), subject: null as string | null }));

/** .eml as delivered and HTML bodies as a message, decoded the way parseEmail decodes them. */
async function decoded(): Promise<Array<{ name: string; text: string; subject: string | null }>> {
  const out = [];
  for (const p of all.filter((f) => f.endsWith('.eml') || f.endsWith('.html'))) {
    const raw = p.endsWith('.eml') ? readFileSync(p) : new TextEncoder().encode(`From: a@b.example\r\nSubject: Fwd: hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${readFileSync(p, 'utf8')}`);
    const mail = await decodeMime(raw).catch(() => null);
    if (mail) out.push({ name: name(p), text: mail.text, subject: mail.subject });
  }
  return out;
}
const messages = [...texts, ...(await decoded())];

const lib = new EmailForwardParser();
const boxes = (v: EmailForwardMailbox | EmailForwardMailbox[] | ForwardMailbox[] | null | undefined) =>
  (Array.isArray(v) ? v : v ? [v] : []).map((m) => `${m.name ?? ''} <${m.address ?? ''}>`);

function libraryForward(text: string, subject: string | null) {
  const r = lib.read(text, subject ?? undefined);
  const from = r.email.from?.address || r.email.from?.name ? r.email.from : null;
  return { forwarded: r.forwarded, note: r.message, from: boxes(from), to: boxes(r.email.to), cc: boxes(r.email.cc), subject: r.email.subject ?? null, date: r.email.date ?? null, body: r.email.body ?? null };
}

function ourForward(text: string, subject: string | null) {
  const r = parseForward(text, subject);
  const from = r.from?.address || r.from?.name ? r.from : null;
  return { forwarded: r.forwarded, note: r.note, from: boxes(from ? [from] : []), to: boxes(r.to), cc: boxes(r.cc), subject: r.subject, date: r.date, body: r.body };
}

describe('forward reader agrees with email-forward-parser', () => {
  it('covers the corpus', () => {
    expect(messages.length).toBeGreaterThanOrEqual(300);
    expect(forwardSubjects.length).toBeGreaterThanOrEqual(40);
  });

  // Own subject (decoded mail), no subject (the body decides), a reply subject (rules it out), an AM's
  // "Fwd:", and for the library's forward bodies every forward subject its suite pairs them with.
  it.each(messages.map((m) => [m.name, m] as const))('%s', (_n, m) => {
    const subjects = new Set([m.subject, null, 'Re: question', 'Fwd: Integer consequat non purus', ...(m.name.startsWith('email-forward-parser/') ? forwardSubjects : [])]);
    for (const s of subjects) {
      const ours = ourForward(m.text, s);
      expect(ours, `subject ${JSON.stringify(s)}`).toEqual(libraryForward(m.text, s));
    }
  });

  it('the forward fixtures really are read as forwards from John Doe', () => {
    const forwards = texts.filter((t) => t.name.startsWith('email-forward-parser/') && !t.name.includes('_variant_4'));
    const found = forwards.map((t) => ourForward(t.text, 'Fwd: Integer consequat non purus')).filter((r) => r.forwarded && r.from.some((f) => /john/i.test(f)));
    expect(found.length).toBe(forwards.length);
  });
});

describe('reply fragmenter agrees with email-reply-parser', () => {
  const replies = new EmailReplyParser();
  it.each(messages.map((m) => [m.name, m.text] as const))('%s', (_n, text) => {
    const theirs = replies.read(text).getFragments().map((f) => ({ content: f.getContent(), quoted: f.isQuoted(), signature: f.isSignature(), hidden: f.isHidden() }));
    expect(replyFragments(text)).toEqual(theirs);
  });
});

// The same texts reshaped the way clients and relays reshape mail: CRLF, quoted or indented once more,
// blank lines dropped, no-break spaces, bold labels, shouted, trailing spaces, BOMs, doubled, odd colons.
const RESHAPES: Array<[string, (t: string) => string]> = [
  ['crlf', (t) => t.replace(/\n/g, '\r\n')],
  ['quoted', (t) => t.replace(/(^|\n)/g, '$1> ')],
  ['indented', (t) => t.replace(/(^|\n)/g, '$1    ')],
  ['no blank lines', (t) => t.replace(/\n\n+/g, '\n')],
  ['no-break spaces', (t) => t.replace(/ /g, '\u00a0')],
  ['bold labels', (t) => t.replace(/^(From|To|Cc|Sent|Subject):/gm, '*$1:*')],
  ['upper case', (t) => t.toUpperCase()],
  ['trailing spaces', (t) => t.replace(/\n/g, '  \n')],
  ['twice', (t) => `${t}\n\n${t}`],
  ['BOMs', (t) => `\ufeff${t.replace(/\n/g, '\n\ufeff')}`],
  ['tab after colon', (t) => t.replace(/: /g, ':\t')],
  ['space before colon', (t) => t.replace(/: /g, ' : ')],
];

describe('both readers agree with the libraries on reshaped fixture texts', () => {
  const suites = texts.filter((t) => /^email-(forward|reply)-parser\//.test(t.name));
  const replies = new EmailReplyParser();
  it.each(RESHAPES)('%s', (_n, reshape) => {
    for (const { name: file, text } of suites) {
      const t = reshape(text);
      for (const s of ['Fwd: Integer consequat non purus', null]) expect(ourForward(t, s), `${file} ${s}`).toEqual(libraryForward(t, s));
      const theirs = replies.read(t).getFragments().map((f) => ({ content: f.getContent(), quoted: f.isQuoted(), signature: f.isSignature(), hidden: f.isHidden() }));
      expect(replyFragments(t), file).toEqual(theirs);
    }
  });
});
