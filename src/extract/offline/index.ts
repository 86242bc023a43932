import type { ExtractInput, Extractor, RawExtraction } from '../types.js';
import { toRawCommitments, toRawRequests, toRawRisks } from './build-items.js';
import { findCommitments } from './commitments.js';
import { findRequests } from './requests.js';
import { findRetractions, retractedAsks } from './retractions.js';
import { findRisks } from './risks.js';
import { toSentences } from './sentences.js';

// The rule-based extractor: sentences -> asks, promises and signals -> retractions applied -> Raw items.
// General linguistic patterns only (modal asks, first-person and reported promises, retractions,
// topic lexicons); finalize.ts then locates quotes and resolves dates like for any provider.

export const OFFLINE_RULES_VERSION = 'offline-rules-1';

export function extractOffline(input: ExtractInput): Omit<RawExtraction, 'meta'> {
  const { source } = input;
  const sentences = toSentences(source);
  const risks = findRisks(sentences);
  let asks = findRequests(source, sentences);
  let promises = findCommitments(source, sentences);
  for (const r of findRetractions(sentences)) {
    const target = retractedAsks(asks, r);
    if (!target) continue;
    asks = asks.filter((a) => a.first.n !== target.first.n);
    // A promise made in reply to the withdrawn ask goes with it.
    promises = promises.filter((p) => !(p.s.n > target.first.n && p.s.n < r.s.n && p.s.side !== target.first.side &&
      sentences.slice(target.last.n + 1, p.s.n).every((x) => x.side !== target.first.side)));
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
      const items = extractOffline(input);
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
