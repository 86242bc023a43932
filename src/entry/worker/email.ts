import type { ForwardableEmailMessage } from '@cloudflare/workers-types/index.js';
import { ZodError } from 'zod';
import { AppError, describeIssues } from '../../errors.js';
import { ingestRawEmail } from '../../ingest/index.js';
import type { WorkerRuntime } from './runtime.js';

export interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}

/** Reads a stream into one buffer, or null as soon as it passes `limit` bytes. */
export async function readLimited(stream: ByteStream, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export type EmailOutcome = { stored: string; created: boolean; status: string } | { rejected: string };

/**
 * An Email Routing delivery into the same raw-MIME ingest path as the Node inbound endpoint.
 * Oversize or unparsable mail is rejected (a permanent SMTP error the forwarder sees); anything
 * else that fails throws, which Email Routing answers with a temporary error so the sender retries.
 */
export async function handleEmail(rt: WorkerRuntime, message: ForwardableEmailMessage): Promise<EmailOutcome> {
  const limit = rt.config.LIAISON_BODY_LIMIT;
  const log = rt.base.logger.child({ handler: 'email', to: message.to });
  const reject = async (reason: string): Promise<EmailOutcome> => {
    // Synchronous on Cloudflare; a promise under wrangler dev, where the message is an RPC stub.
    await (message.setReject(reason) as unknown);
    log.warn('email rejected', { reason, size: message.rawSize });
    return { rejected: reason };
  };
  if (message.rawSize > limit) return reject(`message is ${message.rawSize} bytes; Liaison accepts up to ${limit}`);
  const bytes = await readLimited(message.raw, limit);
  if (!bytes) return reject(`message is over ${limit} bytes; Liaison accepts up to ${limit}`);

  try {
    const stored = await ingestRawEmail(rt.ctx('email'), {
      raw: bytes,
      origin: 'worker:email',
      envelopeTo: [message.to],
    });
    log.info('email stored', { sourceId: stored.id, status: stored.status, created: stored.created });
    return { stored: stored.id, created: stored.created, status: stored.status };
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && !err.retryable) return reject(`Liaison could not read this message: ${err.message}`);
    if (err instanceof ZodError) return reject(`Liaison could not read this message: ${describeIssues(err.issues)}`);
    throw err;
  }
}
