import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/errors.js';
import { parseEmail } from '../../src/ingest/email/index.js';
import { FIXTURES_DIR } from '../helpers/cases.js';

// Real MIME edge cases (postal-mime, mailparser, talon, synthetic HTML forwards), charsets and
// attachments: what an AM can forward us must parse, or be refused with the reason.

const DIR = `${FIXTURES_DIR}email/`;
const emls = ['postal-mime', 'mailparser', 'synthetic', 'talon'].flatMap((d) => readdirSync(DIR + d).filter((f) => f.endsWith('.eml')).map((f) => `${d}/${f}`));
const read = (p: string) => readFileSync(DIR + p);
const hasHeaders = (raw: Buffer) => /^(from|to|date|subject|message-id):/im.test(raw.toString('latin1').split(/\r?\n\r?\n/)[0]!);

describe('MIME fixtures', () => {
  it.each(emls)('%s parses, or is refused as not an email when it has no message headers', async (p) => {
    const raw = read(p);
    if (hasHeaders(raw)) {
      const parsed = await parseEmail(raw);
      expect(parsed.source.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(parsed.source.segments.length + parsed.source.attachments.length).toBeGreaterThan(0);
    } else {
      await expect(parseEmail(raw)).rejects.toBeInstanceOf(BadRequestError);
    }
  });

  it('Ryan Finnie’s MIME torture test parses: sender, text and its attachments as metadata', async () => {
    const t0 = performance.now();
    const p = await parseEmail(read('postal-mime/mimetorture.eml'));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(p.source.participants[0]).toMatchObject({ name: 'Ryan Finnie', email: 'rfinnie@domain.dom' });
    expect(p.source.segments[0]!.text).toContain('MIME torture test');
    expect(p.source.attachments.length).toBeGreaterThanOrEqual(8);
    for (const a of p.source.attachments) expect(a.size).toBeGreaterThan(0);
  });

  it.each(['postal-mime/bounce.eml', 'postal-mime/arf.eml', 'mailparser/delivery-status.eml'])('%s is flagged as automated', async (p) => {
    expect((await parseEmail(read(p))).warnings.join(' ')).toContain('automated');
  });

  it.each(['synthetic/gmail-html-only-forward.eml', 'synthetic/outlook-html-only-forward.eml'])('HTML-only forward %s keeps its From line and recovers the client', async (p) => {
    const parsed = await parseEmail(read(p));
    expect(parsed.forwarded).toBe(true);
    expect(parsed.source.participants[0]).toEqual({ name: 'John Doe', email: 'john.doe@acme.com', side: 'client' });
    expect(parsed.source.segments.map((s) => s.text).join(' ')).toContain('We need the launch moved to March 3.');
    expect(parsed.source.referenceDate).toBe('2021-10-27');
  });

  it('a plain-text Gmail forward keeps the forwarder’s note apart', async () => {
    const p = await parseEmail(read('synthetic/gmail-text-forward-with-note.eml'));
    expect(p.coverNote).toBe('Praesent suscipit egestas hendrerit.\n\nAliquam eget dui dui.');
    expect(p.source.segments[0]!.text.startsWith('Aenean quis diam urna.')).toBe(true);
    expect(p.recipients).toContain('acme@inbound.example.com');
  });
});

describe('charsets and attachments', () => {
  const cp1252 = (charset: string) => {
    const head = `From: Deborah Quist <dquist@alderfinch.example>\r\nTo: a@inbound.example.com\r\nSubject: invoice\r\nDate: Thu, 09 Apr 2026 16:47:00 -0500\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;
    // “platform fee” – €1,150 – We’ve (windows-1252 bytes)
    const body = [0x93, ...Buffer.from('platform fee'), 0x94, 0x20, 0x96, 0x20, 0x80, ...Buffer.from('1,150. We'), 0x92, ...Buffer.from('ve held it.')];
    return new Uint8Array([...Buffer.from(head, 'latin1'), ...body]);
  };

  it.each(['windows-1252', 'iso-8859-1'])('8-bit %s smart quotes, dash and euro decode right (Node TextDecoder bug remapped)', async (charset) => {
    const p = await parseEmail(cp1252(charset));
    expect(p.source.segments.map((s) => s.text)).toEqual(['\u201cplatform fee\u201d \u2013 \u20ac1,150. We\u2019ve held it.']);
  });

  it('a string and the same bytes parse the same', async () => {
    const raw = read('synthetic/gmail-text-forward-with-note.eml');
    expect(await parseEmail(new Uint8Array(raw))).toEqual(await parseEmail(raw.toString('utf8')));
  });

  it('winmail.dat stays an opaque attachment and is reported', async () => {
    const raw = [
      'From: Grace Whitfield <grace.whitfield@copperleaf.example>', 'To: acme@inbound.example.com', 'Subject: FW: plans',
      'Date: Fri, 10 Apr 2026 13:15:44 +0000', 'Content-Type: multipart/mixed; boundary="b"', '', '--b',
      'Content-Type: text/plain; charset=us-ascii', '', 'See attached.', '--b', 'Content-Type: application/ms-tnef; name="winmail.dat"',
      'Content-Disposition: attachment; filename="winmail.dat"', 'Content-Transfer-Encoding: base64', '', Buffer.from('x'.repeat(300)).toString('base64'), '--b--', '',
    ].join('\r\n');
    const p = await parseEmail(raw);
    expect(p.source.attachments).toEqual([{ filename: 'winmail.dat', contentType: 'application/ms-tnef', size: 300 }]);
    expect(p.warnings.join(' ')).toContain('winmail.dat');
  });
});

describe('forward chains', () => {
  const chain = [
    'Taking this over from Nadia.', '', '---------- Forwarded message ---------',
    'From: Nadia Okafor <nadia.okafor@copperleaf.example>', 'Date: Tue, Apr 14, 2026 at 10:05 AM',
    'Subject: Fwd: Re: Spring tune-up promo', 'To: Sam Ortiz <sam.ortiz@copperleaf.example>', '', '',
    'Sam - the LSA question in here is yours.', '', '---------- Forwarded message ---------',
    'From: Rick Delgado <rick@clearflowplumbing.example>', 'Date: Tue, Apr 14, 2026 at 7:52 AM',
    'Subject: Re: Spring tune-up promo', 'To: Nadia Okafor <nadia.okafor@copperleaf.example>', '', '',
    'Hi Nadia,', '', 'Can you add drain cleaning to our Local Services Ads?', '', 'Thanks,', 'Rick', '',
  ].join('\r\n');
  const raw = `From: Sam Ortiz <sam.ortiz@copperleaf.example>\r\nTo: clearflow@inbound.example.com\r\nSubject: Fwd: Fwd: Re: Spring tune-up promo\r\nDate: Wed, 15 Apr 2026 09:00:00 -0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${chain}`;

  it.each([[['copperleaf.example']], [[]]])('an AM forwarding a colleague’s forward still yields the client as the source (AGENCY_DOMAINS %j)', async (agencyDomains) => {
    const p = await parseEmail(raw, { agencyDomains });
    expect(p.source.segments.map((s) => s.text)).toEqual(['Hi Nadia,', 'Can you add drain cleaning to our Local Services Ads?']);
    expect(p.source.participants[0]).toEqual({ name: 'Rick Delgado', email: 'rick@clearflowplumbing.example', side: 'client' });
    expect(p.source.referenceDate).toBe('2026-04-14');
    expect(p.source.context.filter((b) => b.kind === 'cover_note').map((b) => b.text)).toEqual(['Taking this over from Nadia.', 'Sam - the LSA question in here is yours.']);
    expect(p.source.participants.filter((x) => x.side === 'agency').map((x) => x.email).sort()).toEqual(['nadia.okafor@copperleaf.example', 'sam.ortiz@copperleaf.example']);
    expect(p.senderDomains).toEqual(['clearflowplumbing.example']);
  });
});
