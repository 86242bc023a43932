import type { ExtractInput, Extractor, RawExtraction } from '../types.js';
import { toRawCommitments, toRawRequests, toRawRisks } from './build-items.js';
import { yieldToEventLoop } from '../../yield.js';
import { findCommitments, type CommitmentDraft } from './commitments.js';
import { findRequests, type RequestDraft } from './requests.js';
import { findRetractions, retractedAsks } from './retractions.js';
import { findRisks, type RiskDraft } from './risks.js';
import { toSentences, type Sentence } from './sentences.js';

// The rule-based extractor: sentences -> asks, promises and signals -> retractions applied -> Raw items.
// General linguistic patterns only (modal asks, first-person and reported promises, retractions,
// topic lexicons); finalize.ts then locates quotes and resolves dates like for any provider.

export const OFFLINE_RULES_VERSION = 'offline-rules-1';

/**
 * One pass at a time with the event loop let in between: on a two-hour call each pass is 50-150 ms of
 * CPU, and the server answers requests (webhooks) in the gaps.
 */
export async function extractOffline(input: ExtractInput): Promise<Omit<RawExtraction, 'meta'>> {
  const { source } = input;
  const sentences = toSentences(source);
  await yieldToEventLoop();
  const risks = findRisks(sentences);
  await yieldToEventLoop();
  const asks = findRequests(source, sentences);
  await yieldToEventLoop();
  const promises = findCommitments(source, sentences);
  await yieldToEventLoop();
  return combine(source, sentences, risks, asks, promises);
}

function combine(source: ExtractInput['source'], sentences: Sentence[], risks: RiskDraft[], foundAsks: RequestDraft[], foundPromises: CommitmentDraft[]): Omit<RawExtraction, 'meta'> {
  let asks = foundAsks;
  let promises = foundPromises;
  for (const r of findRetractions(sentences)) {
    const target = retractedAsks(asks, r);
    if (!target) continue;
    // One sentence can carry two asks ("take over the listings, and redo the menus"): only the named one goes.
    asks = asks.filter((a) => a !== target);
    // A promise made in reply to the withdrawn ask goes with it.
    promises = promises.filter((p) => !(p.s.n > target.first.n && p.s.n < r.s.n && p.s.side !== target.first.side &&
      sentences.slice(target.last.n + 1, p.s.n).every((x) => x.side !== target.first.side)) &&
      // "Let's leave that. We'll swap everything at once in the fall.": a plan given with the retraction is not a promise.
      !(p.s.segment === r.s.segment && p.s.n > r.s.n && p.s.side === r.s.side));
  }
  return {
    requests: toRawRequests(source, sentences, asks, risks),
    commitments: toRawCommitments(promises),
    risks: toRawRisks(risks),
  };
}

export function createOfflineExtractor(): Extractor {
  return {
    name: 'offline',
    async extract(input: ExtractInput): Promise<RawExtraction> {
      const started = performance.now();
      const items = await extractOffline(input);
      return {
        ...items,
        meta: {
          provider: 'offline', model: OFFLINE_RULES_VERSION, promptVersion: OFFLINE_RULES_VERSION, promptHash: 'none',
          schemaVersion: 'items-v1', usage: { inputTokens: 0, outputTokens: 0, cachedTokens: 0 }, latencyMs: performance.now() - started,
        },
      };
    },
  };
}
