import { backfillFathom } from '../../ingest/index.js';
import { flag, UsageError } from '../args.js';
import { openFathomCtx } from './fathom-context.js';
import type { Command } from './types.js';

export const fathomBackfill: Command = {
  name: 'fathom backfill',
  usage: 'liaison fathom backfill --since <date> [--until <date>] [--per-minute 20]',
  summary: 'store past Fathom meetings (with transcripts) from the Fathom API; rerunnable, stored ones are skipped',
  async run(args) {
    const since = flag(args, 'since');
    if (!since || Number.isNaN(Date.parse(since))) throw new UsageError('fathom backfill needs --since <date>, e.g. --since 2026-01-01');
    const until = flag(args, 'until');
    const perMinute = flag(args, 'per-minute');
    const { ctx, close } = await openFathomCtx();
    try {
      const started = Date.now();
      const result = await backfillFathom(
        ctx,
        { since, until, perMinute: perMinute ? Number(perMinute) : undefined },
        {
          onProgress: (p) => {
            const head = `page ${p.pages}: ${p.seen} seen, ${p.stored} stored, ${p.skipped} already stored, ${p.invalid} invalid`;
            console.error(p.waitingSeconds !== undefined ? `${head} - rate limited, waiting ${p.waitingSeconds} s` : head);
          },
        },
      );
      console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${result.stored} stored, ${result.skipped} already stored, ${result.invalid} invalid, ${result.pages} page(s)`);
      if (result.stored) console.log('the server processes them on its next poll (start it with `npm start` if it is not running)');
      return 0;
    } catch (err) {
      if (err instanceof Error && 'code' in err) {
        const hint = (err as { retryable?: boolean }).retryable ? ' (rerun to continue: stored meetings are skipped)' : '';
        console.error(`${(err as { code: string }).code}: ${err.message}${hint}`);
        return 1;
      }
      throw err;
    } finally {
      await close();
    }
  },
};
