import { Hono, type Context } from 'hono';
import { AppError, BadRequestError, UnauthorizedError } from '../../errors.js';
import { ingestMailgun, ingestPostmark, ingestRawEmail, ingestSendgrid, verifyMailgunSignature, type FormPayload } from '../../ingest/email/index.js';
import { ctxFor, safeEqual } from '../auth.js';
import { readJson } from '../errors.js';
import type { AppEnv } from '../types.js';

// Every provider ends in the one raw-MIME path (ingestRawEmail); each authenticates its own way.

type Stored = Awaited<ReturnType<typeof ingestRawEmail>>;

function answer(c: Context<AppEnv>, s: Stored) {
  return c.json({ id: s.id, status: s.status, accountId: s.accountId, duplicate: !s.created, via: s.via, warnings: s.warnings }, s.created ? 202 : 200);
}

/** Bearer INBOUND_TOKEN or basic auth INBOUND_BASIC_AUTH ("user:password"), compared in constant time. */
function checkInboundAuth(c: Context<AppEnv>, allowBearer = true): void {
  const { INBOUND_TOKEN, INBOUND_BASIC_AUTH } = c.get('deps').config;
  if (!INBOUND_TOKEN && !INBOUND_BASIC_AUTH) throw new UnauthorizedError('inbound email is not configured: set INBOUND_TOKEN or INBOUND_BASIC_AUTH');
  const header = c.req.header('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer && allowBearer && INBOUND_TOKEN && safeEqual(bearer, INBOUND_TOKEN)) return;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
  if (basic && INBOUND_BASIC_AUTH) {
    let decoded = '';
    try { decoded = new TextDecoder().decode(Uint8Array.from(atob(basic), (ch) => ch.charCodeAt(0))); } catch { /* not base64: refused below */ }
    if (safeEqual(decoded, INBOUND_BASIC_AUTH)) return;
  }
  throw new UnauthorizedError(header ? 'invalid inbound credentials' : 'missing credentials: send Authorization: Bearer <INBOUND_TOKEN> or basic auth');
}

async function readForm(c: Context<AppEnv>): Promise<FormPayload> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    throw new BadRequestError(`expected multipart/form-data or application/x-www-form-urlencoded, got ${type || 'no content type'}`);
  }
  const body = await c.req.parseBody({ all: true }).catch((err: unknown) => {
    throw new BadRequestError(`malformed form body: ${(err as Error).message}`);
  });
  const fields: Record<string, string> = {};
  const files: FormPayload['files'] = [];
  for (const [field, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') fields[field] ??= v;
      else files!.push({ field, filename: v.name || null, contentType: v.type || 'application/octet-stream', content: new Uint8Array(await v.arrayBuffer()) });
    }
  }
  return { fields, files };
}

const RAW_TYPES = /^(message\/rfc822|text\/plain|application\/octet-stream)\b/i;

export const inboundRoutes = new Hono<AppEnv>()
  .post('/email', async (c) => {
    checkInboundAuth(c);
    const type = c.req.header('content-type');
    if (type && !RAW_TYPES.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `expected Content-Type: message/rfc822, got ${type}`);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!raw.byteLength) throw new BadRequestError('not an email: the body is empty');
    const to = c.req.queries('to')?.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean) ?? [];
    return answer(c, await ingestRawEmail(ctxFor(c, 'inbound:raw'), { raw, origin: 'inbound:raw', envelopeTo: to }));
  })
  .post('/postmark', async (c) => {
    checkInboundAuth(c);
    return answer(c, await ingestPostmark(ctxFor(c, 'inbound:postmark'), await readJson(c)));
  })
  .post('/sendgrid', async (c) => {
    checkInboundAuth(c);
    return answer(c, await ingestSendgrid(ctxFor(c, 'inbound:sendgrid'), await readForm(c)));
  })
  .post('/mailgun', async (c) => {
    const key = c.get('deps').config.MAILGUN_SIGNING_KEY;
    if (!key) throw new UnauthorizedError('Mailgun inbound is not configured: set MAILGUN_SIGNING_KEY');
    const form = await readForm(c);
    const ctx = ctxFor(c, 'inbound:mailgun');
    await verifyMailgunSignature(key, { timestamp: form.fields.timestamp, token: form.fields.token, signature: form.fields.signature }, ctx.clock.now());
    return answer(c, await ingestMailgun(ctx, form));
  });
