import { UpstreamError } from '../errors.js';

/** The model's output broke the schema even after the repair attempt. Not retryable: the same input fails again. */
export class LlmInvalidOutputError extends UpstreamError {
  constructor(message: string, readonly rawOutput: string, cause?: unknown) {
    super(message, { retryable: false, cause });
  }
}

/** The model declined to answer. Recorded, not retried. */
export class LlmRefusalError extends UpstreamError {
  constructor(readonly refusal: string) {
    super(`the model refused: ${refusal.slice(0, 200)}`, { retryable: false });
  }
}

/** Seconds from a Retry-After (seconds or HTTP date) or retry-after-ms header; undefined when absent or unreadable. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs) && secs >= 0) return Math.ceil(secs);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** What both SDKs' errors have in common, read structurally. */
export interface SdkErrorShape {
  status?: number;
  headers?: Headers;
  /** The SDK gave up waiting (its timeout), or never reached the server. */
  timeout: boolean;
  connection: boolean;
}

/**
 * Maps an SDK failure to ours: rate limits, overload, 5xx, timeouts and connection failures are
 * retryable (the job runner backs off, honouring Retry-After); credentials and bad requests are not.
 */
export function mapSdkError(provider: string, err: unknown, shape: SdkErrorShape): UpstreamError {
  const detail = err instanceof Error ? err.message : String(err);
  if (shape.timeout) return new UpstreamError(`${provider}: request timed out`, { cause: err });
  if (shape.connection) return new UpstreamError(`${provider}: connection failed: ${detail}`, { cause: err });
  const status = shape.status;
  if (status === 429) {
    return new UpstreamError(`${provider}: rate limited (429)`, { cause: err, retryAfterSeconds: retryAfterSeconds(shape.headers) });
  }
  if (status !== undefined && (status >= 500 || status === 408 || status === 409)) {
    return new UpstreamError(`${provider}: upstream error ${status}`, { cause: err, retryAfterSeconds: retryAfterSeconds(shape.headers) });
  }
  if (status === 401 || status === 403) {
    return new UpstreamError(`${provider}: credentials rejected (${status}); check the API key`, { retryable: false, cause: err });
  }
  return new UpstreamError(`${provider}: request rejected${status ? ` (${status})` : ''}: ${detail}`, { retryable: false, cause: err });
}
