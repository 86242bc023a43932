import type { Config } from '../../config/env.js';
import { AppError, UpstreamError } from '../../errors.js';
import { FathomMeetingsPage, FathomTranscriptResponse, type FathomTranscriptItem } from './schemas.js';

// Plain fetch against Fathom's External API (X-Api-Key). Heavy requests (transcripts, /meetings with
// include_transcript) are limited to 30 per 60 s and may drop to 5 per 60 s; a 429 carries Retry-After.

export interface ListMeetingsQuery {
  cursor?: string | null;
  createdAfter?: string;
  createdBefore?: string;
  includeTranscript?: boolean;
}

export interface FathomApi {
  listMeetings(q: ListMeetingsQuery): Promise<FathomMeetingsPage & { rateLimitRemaining: number | null; rateLimitResetSeconds: number | null }>;
  getTranscript(recordingId: number | string): Promise<FathomTranscriptItem[]>;
}

function seconds(v: string | null): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(v); // Retry-After may be an HTTP date
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function call(config: Pick<Config, 'FATHOM_API_KEY' | 'FATHOM_API_URL'>, path: string, params: URLSearchParams) {
  if (!config.FATHOM_API_KEY) {
    throw new AppError('BAD_ENVIRONMENT', 'FATHOM_API_KEY is not set: create one in Fathom (Settings > API Access) to fetch transcripts');
  }
  const url = `${config.FATHOM_API_URL.replace(/\/$/, '')}${path}${params.size ? `?${params}` : ''}`;
  let res: Response;
  try {
    res = await globalThis.fetch(url, { headers: { 'X-Api-Key': config.FATHOM_API_KEY, accept: 'application/json' } });
  } catch (err) {
    throw new UpstreamError(`Fathom API unreachable: ${(err as Error).message}`, { cause: err });
  }
  if (res.status === 429) {
    const retryAfter = seconds(res.headers.get('retry-after')) ?? seconds(res.headers.get('ratelimit-reset')) ?? 60;
    throw new UpstreamError(`Fathom API rate limit reached; retry after ${retryAfter} s`, { retryAfterSeconds: retryAfter });
  }
  if (res.status === 401 || res.status === 403) {
    throw new UpstreamError(`Fathom API refused FATHOM_API_KEY (${res.status}); check the key in Fathom settings`, { retryable: false });
  }
  if (res.status === 404) throw new UpstreamError(`Fathom API: ${path} not found (404)`, { retryable: false });
  if (!res.ok) throw new UpstreamError(`Fathom API answered ${res.status} for ${path}`, { retryable: res.status >= 500 || res.status === 408 });
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    throw new UpstreamError(`Fathom API sent malformed JSON for ${path}`, { cause: err });
  }
  return { body, headers: res.headers };
}

export function createFathomApi(config: Pick<Config, 'FATHOM_API_KEY' | 'FATHOM_API_URL'>): FathomApi {
  return {
    async listMeetings(q) {
      const p = new URLSearchParams();
      if (q.cursor) p.set('cursor', q.cursor);
      if (q.createdAfter) p.set('created_after', q.createdAfter);
      if (q.createdBefore) p.set('created_before', q.createdBefore);
      if (q.includeTranscript ?? true) {
        p.set('include_transcript', 'true');
        p.set('include_summary', 'true');
        p.set('include_action_items', 'true');
      }
      const { body, headers } = await call(config, '/meetings', p);
      const page = FathomMeetingsPage.safeParse(body);
      if (!page.success) throw new UpstreamError('Fathom API: GET /meetings answered an unexpected shape', { retryable: false });
      return { ...page.data, rateLimitRemaining: seconds(headers.get('ratelimit-remaining')), rateLimitResetSeconds: seconds(headers.get('ratelimit-reset')) };
    },
    async getTranscript(recordingId) {
      const { body } = await call(config, `/recordings/${encodeURIComponent(String(recordingId))}/transcript`, new URLSearchParams());
      const parsed = FathomTranscriptResponse.safeParse(body);
      if (!parsed.success) throw new UpstreamError('Fathom API: transcript answered an unexpected shape', { retryable: false });
      return parsed.data.transcript ?? [];
    },
  };
}
