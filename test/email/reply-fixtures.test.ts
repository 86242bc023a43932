import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/extract/normalize-text.js';
import { parseEmail } from '../../src/ingest/email/index.js';
import { FIXTURES_DIR } from '../helpers/cases.js';
import { fixture, plainMessage } from './helpers.js';

// Replies lose their quoted history (kept as context): crisp-oss/email-reply-parser's fixtures with the
// expectations of its test/test.js, and mailgun/talon's real .eml replies (expected reply "Hello").

const COMMON = `Fusce bibendum, quam hendrerit sagittis tempor, dui turpis tempus erat, pharetra sodales ante sem sit amet metus.
Nulla malesuada, orci non vulputate lobortis, massa felis pharetra ex, convallis consectetur ex libero eget ante.
Nam vel turpis posuere, rhoncus ligula in, venenatis orci. Duis interdum venenatis ex a rutrum.
Duis ut libero eu lectus consequat consequat ut vel lorem. Vestibulum convallis lectus urna,
et mollis ligula rutrum quis. Fusce sed odio id arcu varius aliquet nec nec nibh.`;

const ONLY_COMMON = [
  'email_7', 'email_8', 'email_9', 'email_10', 'email_11', 'email_12', 'email_13', 'email_14', 'email_15', 'email_16', 'email_17',
  'email_18', 'email_22', 'email_23', 'email_24', 'email_25', 'email_26', 'email_portuguese', 'email_german', 'email_german_2',
  'email_german_3', 'email_german_outlook', 'email_norwegian_gmail', 'email_finnish', 'email_italian', 'email_russian',
  'email_outlook_split_line_from', 'email_gmail_split_line_from', 'email_ios_outlook_fr', 'email_ios_outlook', 'email_msn',
  'email_fr_multiline', 'email_french_2', 'email_en_multiline_2', 'email_original_message', 'email_original_message_2',
  'email_danish_dash_separator', 'email_french_dash_separator', 'email_tricky_5_mixed_languages',
  'email_tricky_10_special_chars_in_name', 'email_tricky_12_no_space_after_header', 'email_tricky_14_long_quote_header',
  'email_tricky_15_original_message_variations',
];

/** [fixture, text that must be in the segments, text that must not be] from the suite's assertions. */
const KEEPS: Array<[string, string, string | null]> = [
  ['email_1', 'What is the best way to clear a Riak bucket of all key, values after running a test?', null],
  ['email_3', 'Oh thanks.', null],
  ['email_4', 'Awesome', 'Loader'],
  ['email_6', 'I get', 'Was this'],
  ['email_one_is_not_on', 'One outstanding question', 'On Oct 1, 2012'],
  ['email_sent_from', 'Hi it can happen to any texts you type, as long as you type in between words or paragraphs.', 'Sent from'],
  ['email_zoho', 'What is the best way to clear a Riak bucket of all key, values after running a test?', null],
  ['email_with_regards', 'I still have the same problem.... Can you help?', null],
  ['correct_sig', 'this is an email with a correct -- signature.', 'rick'],
  ['email_tricky_3_code_block', 'function sendEmail', null],
  ['email_tricky_6_regards_in_sentence', 'with regards to the payment', null],
  ['email_tricky_7_multiple_dashes', 'Key Points', null],
  ['email_tricky_8_sent_from_in_content', 'sent from my iPhone app', null],
  ['email_tricky_9_nested_quotes', 'I agree with the points', null],
  ['email_tricky_11_double_signature', 'Thanks for your help', null],
  ['email_tricky_13_timestamp_variations', 'different timestamp formats', null],
  ['email_tricky_16_unicode_signatures', 'Thanks for the update', null],
  ['email_tricky_19_quote_without_header', 'I wanted to respond', null],
  ['email_tricky_20_html_entities', '&gt; 100 and &lt; 200', null],
];

const asReply = (file: string) =>
  parseEmail(plainMessage({ from: 'Pat Quinn <pat.quinn@client.example>', to: 'acme@inbound.example.com', subject: 'Re: question' }, fixture(`email-reply-parser/${file}.txt`)));
const segmentsOf = (p: Awaited<ReturnType<typeof parseEmail>>) => normalizeText(p.source.segments.map((s) => s.text).join('\n'));

describe('email-reply-parser fixtures: the reply alone is mined', () => {
  it.each(ONLY_COMMON)('%s keeps exactly the reply', async (file) => {
    const p = await asReply(file);
    expect(segmentsOf(p)).toBe(normalizeText(COMMON));
    expect(p.source.context.some((b) => b.kind === 'quoted_history' || b.kind === 'signature')).toBe(true);
  });

  it.each(KEEPS)('%s keeps "%s"', async (file, keep, drop) => {
    const p = await asReply(file);
    expect(segmentsOf(p)).toContain(normalizeText(keep));
    if (drop) expect(segmentsOf(p)).not.toContain(normalizeText(drop));
  });
});

describe('talon standard replies (real .eml): the reply is "Hello"', () => {
  const dir = `${FIXTURES_DIR}email/talon/standard_replies/`;
  const files = ['android', 'aol', 'apple_mail', 'apple_mail_2', 'comcast', 'gmail', 'hotmail', 'iphone', 'outlook', 'sparrow', 'yahoo'];

  it.each(files)('%s', async (name) => {
    const p = await parseEmail(readFileSync(`${dir}${name}.eml`));
    expect(p.source.segments.map((s) => s.text)).toEqual(['Hello']);
    expect(p.source.context.some((b) => b.kind === 'quoted_history')).toBe(true);
  });

  it('iphone and sparrow signatures, which talon keeps in the reply, are kept as signature context', async () => {
    for (const [name, sig] of [['iphone', 'Sent from my iPhone'], ['sparrow', 'Sent with Sparrow']] as const) {
      const p = await parseEmail(readFileSync(`${dir}${name}.eml`));
      expect(p.source.context.find((b) => b.kind === 'signature')?.text).toContain(sig);
    }
  });

  // Known miss: postal-mime joins the flowed "> Hi " line with the unquoted "Hello" under it, so the
  // bottom-posted reply is filed as history. It is kept, not lost.
  it('thunderbird bottom-post: the reply is at least kept as context', async () => {
    const p = await parseEmail(readFileSync(`${dir}thunderbird.eml`));
    expect(p.source.context.map((b) => b.text).join('\n')).toContain('Hello');
  });
});

describe('talon HTML replies: HTML-only, the quote is cut after conversion', () => {
  const asHtmlReply = (file: string) =>
    parseEmail(`From: Alex <alex@client.example>\r\nTo: a@inbound.example.com\r\nSubject: Re: hi\r\nDate: Mon, 02 Apr 2012 18:00:00 +0000\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${fixture(`talon/${file}`)}`);
  const files = ['gmail', 'hotmail', 'mail_ru', 'ms_outlook_2003', 'ms_outlook_2007', 'ms_outlook_2010', 'thunderbird', 'windows_mail', 'yandex_ru'];

  it.each(files)('html_replies/%s gives "Hi. I am fine." with the sign-off kept as signature', async (name) => {
    const p = await asHtmlReply(`html_replies/${name}.html`);
    expect(p.source.segments.map((s) => s.text)).toEqual(['Hi. I am fine.']);
    expect(normalizeText(p.source.context.filter((b) => b.kind === 'signature').map((b) => b.text).join(' '))).toContain('thanks, alex');
  });

  it.each([
    ['OLK_SRC_BODY_SECTION.html', 'Reply'],
    ['reply-separated-by-hr.html', 'Hi\nthere\nBob'],
  ])('%s: an Outlook header block under the reply is history', async (file, reply) => {
    const p = await asHtmlReply(file);
    expect(p.source.segments.map((s) => s.text)).toEqual([reply]);
    expect(p.source.context.find((b) => b.kind === 'quoted_history')?.text).toMatch(/^(-+\s*)?From: /);
  });
});
