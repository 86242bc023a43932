// A closed set of error codes and one error body, shared by every route and the job runner.

export const ErrorCode = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BAD_ENVIRONMENT: 500,
  UPSTREAM_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ErrorCode;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Whether trying the same thing again later can succeed (read by the job runner). */
  readonly retryable: boolean;
  readonly details?: unknown;
  /** Seconds the caller asked us to wait (429 Retry-After), when known. */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, opts: { retryable?: boolean; details?: unknown; cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return ErrorCode[this.code];
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: unknown) {
    super('BAD_REQUEST', message, { details });
  }
}
export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} not found`);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'missing or invalid credentials', code: ErrorCode = 'UNAUTHORIZED') {
    super(code, message);
  }
}
/** An I/O failure of an upstream (LLM, Fathom, Notion): retryable unless told otherwise. */
export class UpstreamError extends AppError {
  constructor(message: string, opts: { retryable?: boolean; cause?: unknown; retryAfterSeconds?: number } = {}) {
    super('UPSTREAM_UNAVAILABLE', message, { retryable: opts.retryable ?? true, cause: opts.cause, retryAfterSeconds: opts.retryAfterSeconds });
  }
}

export function isRetryable(err: unknown): boolean {
  return err instanceof AppError ? err.retryable : false;
}

/** Formats zod issues as "field.path: message" lines, so a 400 names the fields. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
