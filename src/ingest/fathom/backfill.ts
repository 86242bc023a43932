import { z } from 'zod';
import type { Ctx } from '../../ctx.js';
import { UpstreamError } from '../../errors.js';
import { createFathomApi, type FathomApi } from './fathom-api.js';
import { FathomMeeting } from './schemas.js';
import { recordingKey, storeFathomMeeting } from './store-meeting.js';

export const BackfillFathomInput = z.object({
  since: z.coerce.date().describe('meetings created at or after this instant'),
  until: z.coerce.date().optional(),
  /** Heavy requests per minute. Fathom documents 30/60 s and may cut it to 5/60 s under load. */
  perMinute: z.number().min(0.1).max(30).default(20),
  /** How many 429s in a row to sit out (each for its Retry-After) before giving up. */
  maxRateLimitWaits: z.number().int().min(0).max(100).default(10),
});

export interface BackfillProgress {
  pages: number;
  seen: number;
  stored: number;
  /** Already stored (by webhook or an earlier run): left as is. */
  skipped: number;
  /** Items that are not Fathom meetings (logged, not stored). */
  invalid: number;
  /** Set while waiting out a 429. */
  waitingSeconds?: number;
}

export interface BackfillOptions {
  api?: FathomApi;
  onProgress?: (p: BackfillProgress) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * `liaison fathom backfill --since <date>`: pages GET /meetings (with transcripts) by cursor, stores each
 * meeting through the same path as a webhook, and skips what is already stored, so it can be rerun.
 */
export async function backfillFathom(ctx: Ctx, raw: z.input<typeof BackfillFathomInput>, opts: BackfillOptions = {}): Promise<BackfillProgress> {
  const input = BackfillFathomInput.parse(raw);
  const api = opts.api ?? createFathomApi(ctx.config);
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? (() => Date.now());
  const interval = 60_000 / input.perMinute;
  const progress: BackfillProgress = { pages: 0, seen: 0, stored: 0, skipped: 0, invalid: 0 };
  let cursor: string | null = null;
  let lastRequestAt = -Infinity;
  let waits = 0;
  let pauseSeconds = 0;
  for (;;) {
    const gap = Math.max(lastRequestAt + interval - now(), pauseSeconds * 1000);
    if (gap > 0) await sleep(gap);
    pauseSeconds = 0;
    lastRequestAt = now();
    let page: Awaited<ReturnType<FathomApi['listMeetings']>>;
    try {
      page = await api.listMeetings({ cursor, createdAfter: input.since.toISOString(), createdBefore: input.until?.toISOString(), includeTranscript: true });
    } catch (err) {
      if (err instanceof UpstreamError && err.retryAfterSeconds !== undefined && waits < input.maxRateLimitWaits) {
        waits++;
        pauseSeconds = err.retryAfterSeconds;
        opts.onProgress?.({ ...progress, waitingSeconds: pauseSeconds });
        continue;
      }
      throw err;
    }
    waits = 0;
    progress.pages++;
    for (const item of page.items) {
      progress.seen++;
      const parsed = FathomMeeting.safeParse(item);
      if (!parsed.success) {
        progress.invalid++;
        ctx.logger.warn('backfill: skipped an item that is not a Fathom meeting', { recordingId: (item as { recording_id?: unknown })?.recording_id ?? null });
        continue;
      }
      const exists = await ctx.db.query('SELECT 1 FROM sources WHERE idempotency_key = $1', [recordingKey(parsed.data.recording_id)]);
      if (exists.length) {
        progress.skipped++;
        continue;
      }
      const stored = await storeFathomMeeting(ctx, { raw: JSON.stringify(item), meeting: parsed.data, via: 'backfill' });
      if (stored.created) progress.stored++;
      else progress.skipped++;
    }
    opts.onProgress?.({ ...progress });
    // Fathom tells us when the window is spent: wait for its reset rather than earn a 429.
    if (page.rateLimitRemaining === 0 && page.rateLimitResetSeconds) pauseSeconds = page.rateLimitResetSeconds;
    if (!page.next_cursor) return progress;
    cursor = page.next_cursor;
  }
}
