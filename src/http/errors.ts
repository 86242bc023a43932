import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, describeIssues, type ErrorCode } from '../errors.js';
import type { AppEnv } from './types.js';

export function errorBody(c: Context<AppEnv>, code: ErrorCode | string, message: string, details?: unknown) {
  return { error: { code, message, requestId: c.get('requestId') ?? null, ...(details !== undefined ? { details } : {}) } };
}

/** The one onError: every failure leaves as {"error":{"code","message","requestId"}}. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof ZodError) {
    return c.json(errorBody(c, 'BAD_REQUEST', describeIssues(err.issues), err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))), 400);
  }
  if (err instanceof AppError) {
    if (err.status >= 500) c.get('deps')?.base.logger.error('request failed', { requestId: c.get('requestId'), code: err.code, error: err.message });
    return c.json(errorBody(c, err.code, err.message, err.details), err.status as 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 401 ? 'UNAUTHORIZED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 403 ? 'FORBIDDEN' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
    return c.json(errorBody(c, code, err.message || code.toLowerCase()), status);
  }
  c.get('deps')?.base.logger.error('unhandled error', { requestId: c.get('requestId'), error: err.stack ?? String(err) });
  return c.json(errorBody(c, 'INTERNAL', 'internal error'), 500);
}

/** Reads a JSON body; malformed JSON is a 400 with the reason, never a 500. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw new AppError('BAD_REQUEST', 'request body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('BAD_REQUEST', `malformed JSON: ${(err as Error).message}`);
  }
}
