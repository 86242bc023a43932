import { safeEqual } from '../../safe-equal.js';
import { AppError } from '../../errors.js';

// Standard Webhooks (the Svix scheme Fathom signs with), on Web Crypto so Node and Workers share it.
// Written out rather than taken from the `standardwebhooks` package so the clock is injectable and each
// failure has its own reason; test/fathom/verify-signature.test.ts checks it against that package's sign().

export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** Why a delivery was refused, sent as error.details.reason with the 401. */
export type SignatureFailure =
  | 'SIGNATURE_HEADERS_MISSING'
  | 'SIGNATURE_TIMESTAMP_INVALID'
  | 'SIGNATURE_TIMESTAMP_TOO_OLD'
  | 'SIGNATURE_TIMESTAMP_TOO_NEW'
  | 'SIGNATURE_MISMATCH';

export class SignatureError extends AppError {
  readonly reason: SignatureFailure;
  constructor(reason: SignatureFailure, message: string) {
    super('UNAUTHORIZED', message, { details: { reason } });
    this.reason = reason;
  }
}

export interface VerifiedDelivery {
  webhookId: string;
  timestamp: number;
}

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined; // already case-insensitive
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    let raw: Uint8Array;
    try {
      raw = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
    } catch {
      throw new AppError('BAD_ENVIRONMENT', 'FATHOM_WEBHOOK_SECRET is not whsec_ followed by base64; copy it again from Fathom');
    }
    key = crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  return key;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** `v1,<base64>` over `${id}.${timestamp}.${body}`, the body as its raw bytes. */
export async function signFathomPayload(secret: string, webhookId: string, timestamp: number, body: Uint8Array | string): Promise<string> {
  const enc = new TextEncoder();
  const bytes = typeof body === 'string' ? enc.encode(body) : body;
  const prefix = enc.encode(`${webhookId}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + bytes.length);
  content.set(prefix, 0);
  content.set(bytes, prefix.length);
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), content);
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/**
 * Verifies a delivery over its raw body bytes. Header names are case-insensitive; the signature header may
 * hold several space-separated `v1,...` entries (one match is enough); the timestamp must be within five
 * minutes of now, either way. Throws SignatureError (401) naming the reason.
 */
export async function verifyFathomSignature(input: { secret: string; headers: HeaderSource; body: Uint8Array | string; now: Date }): Promise<VerifiedDelivery> {
  const id = header(input.headers, 'webhook-id')?.trim();
  const ts = header(input.headers, 'webhook-timestamp')?.trim();
  const sig = header(input.headers, 'webhook-signature')?.trim();
  if (!id || !ts || !sig) {
    const missing = [['webhook-id', id], ['webhook-timestamp', ts], ['webhook-signature', sig]].filter(([, v]) => !v).map(([k]) => k);
    throw new SignatureError('SIGNATURE_HEADERS_MISSING', `missing signature header(s): ${missing.join(', ')}`);
  }
  if (!/^\d{1,12}$/.test(ts)) throw new SignatureError('SIGNATURE_TIMESTAMP_INVALID', 'webhook-timestamp must be Unix seconds');
  const timestamp = Number(ts);
  const now = Math.floor(input.now.getTime() / 1000);
  if (now - timestamp > SIGNATURE_TOLERANCE_SECONDS) {
    throw new SignatureError('SIGNATURE_TIMESTAMP_TOO_OLD', `webhook-timestamp is ${now - timestamp} s old (tolerance ${SIGNATURE_TOLERANCE_SECONDS} s); check this server's clock`);
  }
  if (timestamp - now > SIGNATURE_TOLERANCE_SECONDS) {
    throw new SignatureError('SIGNATURE_TIMESTAMP_TOO_NEW', `webhook-timestamp is ${timestamp - now} s in the future (tolerance ${SIGNATURE_TOLERANCE_SECONDS} s); check this server's clock`);
  }
  const expected = (await signFathomPayload(input.secret, id, timestamp, input.body)).slice(3);
  const matched = sig
    .split(/\s+/)
    .map((entry) => entry.split(','))
    .some(([version, value]) => version === 'v1' && value !== undefined && safeEqual(value, expected));
  if (!matched) throw new SignatureError('SIGNATURE_MISMATCH', 'no webhook-signature entry matches the body; is FATHOM_WEBHOOK_SECRET the secret of this webhook?');
  return { webhookId: id, timestamp };
}
