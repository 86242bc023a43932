import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.js';
import type { NormalizedSource } from '../../src/domain/schemas.js';
import { createHarness, type TestHarness } from '../helpers/ctx.js';
import { createDb } from '../helpers/db.js';
import { EMAIL_ENV, basicAuth, bearer, caseRaw, mailgunSignature, withHeader } from './helpers.js';

// Each provider's payload shape, as the provider sends it, lands on the right account through the
// one raw-MIME path; a second delivery of the same client email is the same source.

interface Answer { id: string; status: string; accountId: string | null; duplicate: boolean; via: string | null; warnings: string[] }

describe('inbound email endpoints', () => {
  let db: Db;
  let h: TestHarness;
  const acc: Record<string, string> = {};
  const post = (path: string, body: BodyInit, headers: Record<string, string>) => h.app.request(path, { method: 'POST', body, headers });
  const source = async (id: string) => (await db.query<{ normalized: NormalizedSource; account_id: string; origin: string; hints: Record<string, unknown> }>(
    'SELECT normalized, account_id, origin, hints FROM sources WHERE id = $1', [id]))[0]!;

  beforeAll(async () => {
    db = await createDb('pglite');
    h = createHarness(db, { env: EMAIL_ENV, now: '2026-05-08T12:00:00Z' });
    for (const [name, domain, alias] of [
      ['ClearFlow Plumbing & Drain', 'clearflowplumbing.example', 'clearflow'],
      ['Pinecrest Landscaping', 'pinecrestlandscaping.example', 'pinecrest'],
      ['Tidewater Candle Co.', 'tidewatercandle.example', 'tidewater'],
      ['Kestrel Self Storage', 'kestrelstorage.example', 'kestrel'],
      ['Northbound Outfitters', 'northboundoutfitters.example', 'northbound'],
      ['Bellweather Pest Control', 'bellweatherpest.example', 'bellweather'],
    ] as const) {
      const res = await h.api('POST', '/api/accounts', { name, domains: [domain], inboundAlias: alias });
      acc[alias] = ((await res.json()) as { id: string }).id;
    }
  });
  afterAll(async () => {
    await h.runner.stop();
    await db.close();
  });

  it('POST /inbound/email takes raw RFC 5322 with the inbound token and routes by the inbound alias', async () => {
    const res = await post('/inbound/email', caseRaw('d09'), { authorization: bearer(), 'content-type': 'message/rfc822' });
    expect(res.status).toBe(202);
    const a = (await res.json()) as Answer;
    expect(a).toMatchObject({ status: 'received', accountId: acc.clearflow, duplicate: false, via: 'alias' });
    const row = await source(a.id);
    expect(row.origin).toBe('inbound:raw');
    expect(row.normalized.participants[0]).toEqual({ name: 'Rick Delgado', email: 'rick@clearflowplumbing.example', side: 'client' });
    expect(row.hints.coverNote).toBe('Sam - the LSA question in here is yours. Rest is mine.');
  });

  it('a forwarded email is processed into items quoting the client’s own words, never the cover note or history', async () => {
    const res = await post('/inbound/email', caseRaw('d14'), { authorization: bearer(), 'content-type': 'message/rfc822' });
    const { id } = (await res.json()) as Answer;
    await h.runner.drain();
    const src = (await (await h.api('GET', `/api/sources/${id}`)).json()) as {
      status: string; items: { requests: Array<{ quote: string }>; commitments: Array<{ quote: string }>; risks: Array<{ quote: string }> };
    };
    expect(src.status).toBe('processed');
    const quotes = [...src.items.requests, ...src.items.commitments, ...src.items.risks].map((i) => i.quote);
    expect(quotes.length).toBeGreaterThan(0);
    const row = await source(id);
    const own = row.normalized.segments.map((s) => s.text).join('\n');
    for (const q of quotes) expect(own).toContain(q);
    expect(quotes.join(' ')).not.toContain('She changes her mind');
  });

  it('the same client email forwarded again by another AM, through another provider, is the same source', async () => {
    const first = (await (await post('/inbound/email', caseRaw('d11'), { authorization: basicAuth() })).json()) as Answer;
    let second = withHeader(caseRaw('d11'), 'From', 'Sam Ortiz <sam.ortiz@copperleaf.example>');
    second = withHeader(second, 'Message-Id', '<other-forward@copperleaf.example>');
    second = withHeader(second, 'Date', 'Tue, 14 Apr 2026 11:00:00 -0500');
    second = second.replace('Walt came through on most of it.', 'FYI, see below from Walt.');
    const res = await post('/inbound/postmark', JSON.stringify({ RawEmail: second, MailboxHash: '', OriginalRecipient: 'pinecrest@inbound.example.com' }), {
      authorization: basicAuth(), 'content-type': 'application/json',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: first.id, duplicate: true });
    const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sources WHERE normalized->>'title' = 'logos + access'");
    expect(n!.n).toBe(1);
  });

  it('POST /inbound/postmark rebuilds the message from its fields when RawEmail is off and routes by MailboxHash', async () => {
    const payload = {
      FromName: 'Nadia Okafor', From: 'nadia.okafor@copperleaf.example',
      FromFull: { Email: 'nadia.okafor@copperleaf.example', Name: 'Nadia Okafor', MailboxHash: '' },
      To: 'inbound+kestrel@inbound.example.com', ToFull: [{ Email: 'inbound+kestrel@inbound.example.com', Name: '', MailboxHash: 'kestrel' }],
      Cc: '', CcFull: [], Bcc: '', BccFull: [], OriginalRecipient: 'inbound+kestrel@inbound.example.com', ReplyTo: '',
      Subject: 'Fwd: Contact form spam + renewal', MessageID: '22c74902-a0c1-4511-804f-341342852c90',
      Date: 'Wed, 29 Apr 2026 12:04:51 -0400', MailboxHash: 'kestrel', MessageStream: 'inbound', Tag: '',
      TextBody: [
        'Heads up, renewal news in here.', '', '---------- Forwarded message ---------',
        'From: Victor Lindahl <victor@kestrelstorage.example>', 'Date: Wed, Apr 29, 2026 at 11:20 AM',
        'Subject: Contact form spam + renewal', 'To: Nadia Okafor <nadia.okafor@copperleaf.example>', '', '',
        'Grace,', '', 'I’d like your renewal proposal by May 15, with results broken out by location.', '', 'Victor',
      ].join('\n'),
      HtmlBody: '', StrippedTextReply: '',
      Headers: [{ Name: 'X-Spam-Status', Value: 'No' }, { Name: 'Message-ID', Value: '<CAN5r8-postmark@mail.copperleaf.example>' }],
      Attachments: [{ Name: 'renewal-terms.pdf', Content: Buffer.from('%PDF-1.4 fake').toString('base64'), ContentType: 'application/pdf', ContentLength: 13, ContentID: '' }],
    };
    const res = await post('/inbound/postmark', JSON.stringify(payload), { authorization: basicAuth(), 'content-type': 'application/json' });
    expect(res.status).toBe(202);
    const a = (await res.json()) as Answer;
    expect(a).toMatchObject({ accountId: acc.kestrel, via: 'plus_address' });
    const row = await source(a.id);
    expect(row.normalized.referenceDate).toBe('2026-04-29');
    expect(row.normalized.segments.map((s) => s.text)).toContain('I’d like your renewal proposal by May 15, with results broken out by location.');
    expect(row.normalized.attachments).toEqual([{ filename: 'renewal-terms.pdf', contentType: 'application/pdf', size: 13 }]);
  });

  it('POST /inbound/sendgrid takes Inbound Parse "Send Raw" multipart and reads the envelope', async () => {
    const raw = withHeader(caseRaw('d12'), 'To', 'nadia.okafor@copperleaf.example');
    const form = new FormData();
    form.set('headers', raw.split(/\r?\n\r?\n/)[0]!);
    form.set('dkim', '{@copperleaf.example : pass}');
    form.set('to', 'nadia.okafor@copperleaf.example');
    form.set('from', 'Nadia Okafor <nadia.okafor@copperleaf.example>');
    form.set('subject', "Fwd: Mother's Day email - wrong code!!");
    form.set('sender_ip', '203.0.113.7');
    form.set('SPF', 'pass');
    form.set('envelope', JSON.stringify({ to: ['tidewater@inbound.example.com'], from: 'nadia.okafor@copperleaf.example' }));
    form.set('charsets', JSON.stringify({ to: 'UTF-8', subject: 'UTF-8', from: 'UTF-8' }));
    form.set('spam_score', '0.1');
    form.set('email', raw);
    const res = await post('/inbound/sendgrid', form, { authorization: basicAuth() });
    expect(res.status).toBe(202);
    const a = (await res.json()) as Answer;
    expect(a).toMatchObject({ accountId: acc.tidewater, via: 'alias' });
    const row = await source(a.id);
    expect(row.normalized.segments.map((s) => s.text)).toContain('Please send a correction email to the full list today with the right code and an apology.');
  });

  it('POST /inbound/mailgun verifies the HMAC signature and takes body-mime', async () => {
    const timestamp = String(Math.floor(h.clock.now().getTime() / 1000));
    const token = 'a8ce0edb2dd8301dce9bb2c4d9c2e3a0e5fc0d3ea1b3a5f8d7';
    const form = new URLSearchParams({
      recipient: 'northbound@inbound.example.com', sender: 'leo.marchetti@copperleaf.example', from: 'Leo Marchetti <leo.marchetti@copperleaf.example>',
      subject: 'Fwd: Fwd: Charged for shipping??', 'body-mime': caseRaw('d16'), timestamp, token, signature: mailgunSignature(timestamp, token),
    });
    const res = await post('/inbound/mailgun', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(202);
    const a = (await res.json()) as Answer;
    expect(a.accountId).toBe(acc.northbound);
    const row = await source(a.id);
    expect(row.normalized.attachments.map((x) => x.filename)).toEqual(['orders-last-30-days.csv']);
    expect(row.normalized.context.map((b) => b.kind)).toEqual(expect.arrayContaining(['cover_note', 'third_party', 'attachment_text']));
  });

  it('POST /inbound/mailgun rebuilds a parsed (multipart) post with its attachment', async () => {
    const timestamp = String(Math.floor(h.clock.now().getTime() / 1000));
    const token = 'f1e2d3c4b5a69788796a5b4c3d2e1f00aa';
    const form = new FormData();
    for (const [k, v] of Object.entries({
      recipient: 'someone@inbound.example.com', sender: 'leo.marchetti@copperleaf.example', subject: 'Fwd: quick one',
      'message-headers': JSON.stringify([['From', 'Leo Marchetti <leo.marchetti@copperleaf.example>'], ['To', 'someone@inbound.example.com'], ['Subject', 'Fwd: quick one'], ['Date', 'Fri, 08 May 2026 09:00:00 -0500'], ['Message-Id', '<mg-parsed-1@copperleaf.example>']]),
      'body-plain': 'See below.\n\n---------- Forwarded message ---------\nFrom: Walt Brennan <walt@pinecrestlandscaping.example>\nDate: Thu, May 7, 2026 at 4:10 PM\nSubject: quick one\nTo: Leo Marchetti <leo.marchetti@copperleaf.example>\n\n\nCan you add our new phone number to the website footer?\n\nWalt\n',
      'attachment-count': '1', timestamp, token, signature: mailgunSignature(timestamp, token),
    })) form.set(k, v);
    form.set('attachment-1', new File(['phone: 555-0100'], 'footer.txt', { type: 'text/plain' }));
    const res = await post('/inbound/mailgun', form, {});
    expect(res.status).toBe(202);
    const a = (await res.json()) as Answer;
    expect(a).toMatchObject({ accountId: acc.pinecrest, via: 'sender_domain' });
    const row = await source(a.id);
    expect(row.normalized.segments.map((s) => s.text)).toEqual(['Can you add our new phone number to the website footer?']);
    expect(row.normalized.referenceDate).toBe('2026-05-07');
    expect(row.normalized.attachments).toEqual([{ filename: 'footer.txt', contentType: 'text/plain', size: 15 }]);
  });
});
