import type { Extractor, RawExtraction, RawRequest, RawCommitment, ExtractInput } from '../types.js';

// Spine placeholder rules: a plain question-ask is a request, a first-person "I'll" is a commitment.
// The evals issue replaces this with the full rule-based extractor behind the same port.

export const OFFLINE_RULES_VERSION = 'offline-rules-0';

export function createOfflineExtractor(): Extractor {
  return {
    name: 'offline',
    async extract({ source }: ExtractInput): Promise<RawExtraction> {
      const started = performance.now();
      const requests: RawRequest[] = [];
      const commitments: RawCommitment[] = [];
      const sideOf = (speaker: string | null) => source.participants.find((p) => p.name === speaker)?.side ?? 'unknown';
      for (const seg of source.segments) {
        for (const sentence of seg.text.split(/(?<=[.!?])\s+/)) {
          if (/^(can|could|would) you\b/i.test(sentence) && sideOf(seg.speaker) !== 'agency') {
            requests.push({ text: sentence, quote: sentence, segment: seg.index, requester: seg.speaker, channel: 'general', triage: 'simple', due_phrase: null });
          } else if (/\bI('ll| will)\b/.test(sentence)) {
            const due = sentence.match(/\b(today|tomorrow|by \w+day|\w+day)\b/i)?.[0] ?? null;
            commitments.push({ text: sentence, quote: sentence, segment: seg.index, owner: seg.speaker, owner_side: sideOf(seg.speaker), due_phrase: due });
          }
        }
      }
      return {
        requests, commitments, risks: [],
        meta: { provider: 'offline', model: OFFLINE_RULES_VERSION, promptVersion: OFFLINE_RULES_VERSION, promptHash: 'none', schemaVersion: 'items-v1', usage: { inputTokens: 0, outputTokens: 0, cachedTokens: 0 }, latencyMs: performance.now() - started },
      };
    },
  };
}
