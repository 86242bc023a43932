import { UnauthorizedError } from '../../errors.js';
import { safeEqual } from '../../safe-equal.js';

/** Mailgun's webhook signature, with a replay window and a per-isolate cache of seen tokens. */
export interface MailgunSignature { timestamp: string; token: string; signature: string }

export const MAILGUN_REPLAY_WINDOW_S = 5 * 60;
const seen = new Map<string, number>();

async function hmacHex(key: string, message: string): Promise<string> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
  return [...sig].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Throws 401 unless signature == hex(HMAC-SHA256(signingKey, timestamp + token)), fresh and unseen. */
export async function verifyMailgunSignature(signingKey: string, s: Partial<MailgunSignature>, now: Date): Promise<void> {
  if (!s.timestamp || !s.token || !s.signature) throw new UnauthorizedError('missing Mailgun signature fields (timestamp, token, signature)');
  const age = Math.abs(now.getTime() / 1000 - Number(s.timestamp));
  if (!Number.isFinite(age) || age > MAILGUN_REPLAY_WINDOW_S) throw new UnauthorizedError('Mailgun timestamp is outside the replay window');
  if (!safeEqual(await hmacHex(signingKey, s.timestamp + s.token), s.signature.toLowerCase())) throw new UnauthorizedError('invalid Mailgun signature');
  for (const [t, exp] of seen) if (exp < now.getTime()) seen.delete(t);
  if (seen.has(s.token)) throw new UnauthorizedError('Mailgun token already used (replay)');
  seen.set(s.token, now.getTime() + MAILGUN_REPLAY_WINDOW_S * 1000);
}
