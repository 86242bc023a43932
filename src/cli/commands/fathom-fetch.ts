import { fetchFathomTranscript } from '../../ingest/index.js';
import { UsageError } from '../args.js';
import { openFathomCtx } from './fathom-context.js';
import type { Command } from './types.js';

export const fathomFetch: Command = {
  name: 'fathom fetch',
  usage: 'liaison fathom fetch <recording_id> [--force]',
  summary: 'fetch a stored Fathom meeting\'s transcript from the Fathom API now (FATHOM_API_KEY) and queue it',
  async run(args) {
    const recordingId = args.positionals[0];
    if (!recordingId || !/^\d+$/.test(recordingId)) throw new UsageError('fathom fetch needs a numeric recording_id');
    const { ctx, close } = await openFathomCtx();
    try {
      const r = await fetchFathomTranscript(ctx, { recordingId, force: args.flags.force === true });
      console.log(r.fetched
        ? `recording ${r.recordingId}: ${r.segments} transcript segments stored on source ${r.sourceId} (now ${r.status}; the server processes it on its next poll)`
        : `recording ${r.recordingId}: source ${r.sourceId} already has ${r.segments} segments (${r.status}); --force fetches again`);
      return 0;
    } catch (err) {
      if (err instanceof Error && 'code' in err) {
        console.error(`${(err as { code: string }).code}: ${err.message}`);
        return 1;
      }
      throw err;
    } finally {
      await close();
    }
  },
};
