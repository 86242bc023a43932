import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FIXTURES_DIR, loadCase } from '../helpers/cases.js';

export const INBOUND_TOKEN = 'inbound-token-0123456789abcdef';
export const BASIC = 'postmark:s3cret-pass-phrase';
export const MAILGUN_KEY = 'key-mailgun-signing-0123456789';

export const EMAIL_ENV = {
  INBOUND_TOKEN,
  INBOUND_BASIC_AUTH: BASIC,
  MAILGUN_SIGNING_KEY: MAILGUN_KEY,
  INBOUND_DOMAIN: 'inbound.example.com',
  AGENCY_DOMAINS: 'copperleaf.example',
};

export const basicAuth = (cred = BASIC) => `Basic ${Buffer.from(cred).toString('base64')}`;
export const bearer = (t = INBOUND_TOKEN) => `Bearer ${t}`;

export function caseRaw(id: string): string {
  return (loadCase(id).source as { raw: string }).raw;
}

export function fixture(path: string): string {
  return readFileSync(`${FIXTURES_DIR}email/${path}`, 'utf8');
}

/** Mailgun's signature as its docs define it, computed independently of our verifier. */
export function mailgunSignature(timestamp: string, token: string, key = MAILGUN_KEY): string {
  return createHmac('sha256', key).update(timestamp + token).digest('hex');
}

/** Replaces one header's value in a raw message (first occurrence). */
export function withHeader(raw: string, name: string, value: string): string {
  const re = new RegExp(`^${name}:.*(\\r?\\n[ \\t].*)*$`, 'mi');
  return re.test(raw) ? raw.replace(re, `${name}: ${value}`) : `${name}: ${value}\n${raw}`;
}

/** A plain UTF-8 message around a body, as an AM's client would send it. */
export function plainMessage(h: { from: string; to: string; subject: string; date?: string; messageId?: string }, body: string): string {
  return [
    `From: ${h.from}`, `To: ${h.to}`, `Subject: ${h.subject}`, `Date: ${h.date ?? 'Tue, 10 Mar 2026 09:00:00 -0500'}`,
    `Message-ID: ${h.messageId ?? `<${Math.random().toString(36).slice(2)}@mail.example>`}`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body,
  ].join('\r\n');
}
