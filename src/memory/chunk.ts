import type { Locator, NormalizedSource } from '../domain/schemas.js';

export interface Chunk {
  ord: number;
  speaker: string | null;
  locator: Locator;
  text: string;
}

/** Rough token count (words * 1.3) — enough to keep chunks inside an embedding budget. */
function approxTokens(text: string): number {
  return Math.ceil(text.split(/\s+/).length * 1.3);
}

/**
 * Calls: consecutive turns packed up to a token budget, never splitting a turn unless it alone is
 * over budget. Emails: one chunk per paragraph (segments are paragraphs already).
 */
export function chunkSource(source: NormalizedSource, budget = 200): Chunk[] {
  const chunks: Chunk[] = [];
  if (source.kind === 'email') {
    for (const seg of source.segments) {
      chunks.push({ ord: chunks.length, speaker: seg.speaker, locator: { segment: seg.index, at: null, offset: null }, text: seg.text });
    }
    return chunks;
  }
  let current: { first: (typeof source.segments)[number]; lines: string[]; tokens: number } | null = null;
  const flush = () => {
    if (!current) return;
    chunks.push({
      ord: chunks.length,
      speaker: current.first.speaker,
      locator: { segment: current.first.index, at: current.first.at, offset: null },
      text: current.lines.join('\n'),
    });
    current = null;
  };
  for (const seg of source.segments) {
    const line = seg.speaker ? `${seg.speaker}: ${seg.text}` : seg.text;
    const t = approxTokens(line);
    if (current && (current.tokens + t > budget || current.first.speaker !== seg.speaker && current.tokens > budget / 2)) flush();
    if (!current) current = { first: seg, lines: [], tokens: 0 };
    current.lines.push(line);
    current.tokens += t;
  }
  flush();
  return chunks;
}
