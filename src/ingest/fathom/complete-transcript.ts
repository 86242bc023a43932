import type { Ctx } from '../../ctx.js';
import type { NormalizedSource } from '../../domain/schemas.js';
import { AppError } from '../../errors.js';

/**
 * Fetches the transcript of a Fathom meeting that was delivered without one, stores the completed
 * normalized source, and returns it. (Filled in by the Fathom issue.)
 */
export async function completeMissingTranscript(_ctx: Ctx, sourceId: string): Promise<NormalizedSource> {
  throw new AppError('UPSTREAM_UNAVAILABLE', `source ${sourceId} has no transcript and fetching one is not configured`, { retryable: false });
}
