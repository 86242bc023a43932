import type { NormalizedSource } from '../../domain/schemas.js';
import { renderHeader, renderSegment, speakerLabels, type RenderAccount, type SourcePart } from './render-source.js';

/**
 * A cheap, conservative token estimate (about 3.5 characters per token for English; real tokenizers
 * give ~4.3 on our transcripts). No tokenizer in the stage: it would cost 30 MB on Workers.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

export interface SplitOptions {
  /** Largest rendered input per call, in estimated tokens. */
  maxInputTokens: number;
  /** Segments repeated at the start of the next part, so an item spanning a boundary is seen whole once. */
  overlapSegments: number;
}

/**
 * Plans the calls for a source: one part when it fits the budget, else consecutive slices cut at
 * segment boundaries, each overlapping the previous one by a few segments. A single segment larger
 * than the budget still gets a part of its own (it is never cut mid-turn).
 */
export function planParts(source: NormalizedSource, account: RenderAccount | null, opts: SplitOptions): SourcePart[] {
  const n = source.segments.length;
  const header = estimateTokens(renderHeader(source, account, { from: 0, to: n, index: 0, count: 2 }).join('\n')) + 4;
  const labels = speakerLabels(source);
  const cost = source.segments.map((s) => estimateTokens(renderSegment(s, labels)) + 1);
  const total = header + cost.reduce((a, b) => a + b, 0);
  if (total <= opts.maxInputTokens || n <= 1) return [{ from: 0, to: n, index: 0, count: 1 }];

  const room = Math.max(1, opts.maxInputTokens - header);
  const ranges: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (;;) {
    let to = from;
    let used = 0;
    while (to < n && (to === from || used + cost[to]! <= room)) used += cost[to++]!;
    ranges.push({ from, to });
    if (to >= n) break;
    // Step back by the overlap, at most half the part, so every part moves well forward.
    from = Math.max(from + 1, to - Math.min(opts.overlapSegments, Math.floor((to - from) / 2)));
  }
  return ranges.map((r, index) => ({ ...r, index, count: ranges.length }));
}
