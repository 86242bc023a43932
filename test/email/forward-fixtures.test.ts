import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/extract/normalize-text.js';
import { parseEmail } from '../../src/ingest/email/index.js';
import { FIXTURES_DIR } from '../helpers/cases.js';
import { fixture, plainMessage } from './helpers.js';

// crisp-oss/email-forward-parser's own fixtures (README: every forward gives sender John Doe
// <john.doe@acme.com>, subject "Integer consequat non purus", the fixed body; variant 4 is not a
// forward), each wrapped the way an AM's client delivers it and run through our whole parse.

const DIR = 'email-forward-parser/';
const SUBJECT = 'Integer consequat non purus';
const BODY_START = 'Aenean quis diam urna.';
const NOTE = 'Praesent suscipit egestas hendrerit.';
const files = readdirSync(`${FIXTURES_DIR}email/${DIR}`);
const subjects = new Set(files.filter((f) => f.includes('_subject')));

/** The subject file the suite pairs with a body, or an AM's "Fwd:" subject when it has none. */
function subjectsFor(body: string): string[] {
  if (body === 'outlook_live_body.txt') return [...subjects].filter((s) => /^outlook_live_[a-z_]+_subject\.txt$/.test(s)).map((s) => fixture(DIR + s).trim());
  const m = /^(.*?)_([a-z]{2}(?:_br)?)_body(_variant_\d+)?(_\d+)?\.txt$/.exec(body);
  const [, client, locale, variant = ''] = m ?? [];
  for (const c of [`${client}_${locale}_subject${variant}.txt`, `${client}_${locale}_subject.txt`, `${client}_en_subject${variant}.txt`, `${client}_subject.txt`]) {
    if (subjects.has(c)) return [fixture(DIR + c).trim()];
  }
  return [`Fwd: ${SUBJECT}`];
}

const cases = files
  .filter((f) => f.includes('_body'))
  .flatMap((f) => subjectsFor(f).map((subject) => ({ file: f, subject, forward: !f.includes('_variant_4') })));

const wrap = (body: string, subject: string) =>
  plainMessage({ from: 'Alex Amador <alex@agency.example>', to: 'acme@inbound.example.com', subject, date: 'Mon, 25 Oct 2021 12:00:00 +0300' }, body);

describe('email-forward-parser fixtures through parseEmail', () => {
  it('covers the whole fixture set', () => expect(cases.length).toBeGreaterThanOrEqual(150));

  it.each(cases.filter((c) => c.forward).map((c) => [c.file, c.subject, c] as const))('%s (%s) recovers John Doe as the author', async (_f, _s, c) => {
    const p = await parseEmail(wrap(fixture(DIR + c.file), c.subject), { agencyDomains: ['agency.example'] });
    expect(p.forwarded).toBe(true);
    const author = p.source.participants[0]!;
    if (c.file.includes('_variant_12')) expect(author).toEqual({ name: 'John Doe', email: null, side: 'client' });
    else if (c.file.includes('_variant_11')) expect(author).toEqual({ name: 'John, Doe', email: 'john.doe@acme.com', side: 'client' });
    else if (c.file.includes('_variant_5')) expect(author).toMatchObject({ email: 'john.doe@acme.com', side: 'client' });
    else expect(author).toEqual({ name: 'John Doe', email: 'john.doe@acme.com', side: 'client' });
    expect(p.source.title).toBe(SUBJECT);
    expect(p.source.participants.find((x) => x.email === 'alex@agency.example')?.side).toBe('agency');
    const segments = normalizeText(p.source.segments.map((s) => s.text).join('\n'));
    expect(segments.startsWith(normalizeText(BODY_START))).toBe(true);
    // The forwarder's note above the forward is a cover note, never the client's words.
    expect(segments).not.toContain(normalizeText(NOTE));
    if (p.coverNote) expect(p.source.context.find((b) => b.kind === 'cover_note')?.text).toBe(p.coverNote);
  });

  it.each(cases.filter((c) => !c.forward).map((c) => [c.file, c.subject, c] as const))('%s (%s) stays not forwarded', async (_f, _s, c) => {
    const p = await parseEmail(wrap(fixture(DIR + c.file), c.subject));
    expect(p.forwarded).toBe(false);
    expect(p.coverNote).toBeNull();
    expect(p.source.participants[0]).toMatchObject({ email: 'alex@agency.example' });
    expect(p.source.segments.length).toBeGreaterThan(0);
  });
});
