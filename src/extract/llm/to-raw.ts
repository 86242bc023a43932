import type { NormalizedSource, TokenUsage } from '../../domain/schemas.js';
import type { RawExtraction, RawExtractionMeta } from '../types.js';
import { speakerLabels } from './render-source.js';
import type { ExtractOutput } from './schema.js';

const blankToNull = (s: string | null) => (s && s.trim() ? s.trim() : null);

/**
 * Undoes what models add around a copied span: the "[n] Speaker: " of the rendering and wrapping quote
 * marks. Nothing else is touched: the span is still located verbatim in code, or the item is dropped.
 */
export function cleanQuote(quote: string, speakers: ReadonlySet<string>): string {
  let q = quote.trim().replace(/^\[\d+\]\s*/, '');
  const colon = q.indexOf(': ');
  if (colon > 0 && speakers.has(q.slice(0, colon))) q = q.slice(colon + 2);
  const wrapped = /^(["“”'‘’])(.*)(["“”'‘’])$/s.exec(q);
  if (wrapped && !/["“”]/.test(wrapped[2]!)) q = wrapped[2]!;
  return q.trim();
}

/** The model's answer in the extractor port's shape; a segment number that names no segment becomes null. */
export function toRawExtraction(source: NormalizedSource, out: ExtractOutput, meta: RawExtractionMeta): RawExtraction {
  const known = new Set(source.segments.map((s) => s.index));
  const seg = (n: number) => (Number.isInteger(n) && known.has(n) ? n : null);
  const labels = speakerLabels(source);
  const speakers = new Set([...source.segments.flatMap((x) => (x.speaker ? [x.speaker] : [])), ...labels.values()]);
  const quote = (q: string) => cleanQuote(q, speakers);
  // A model that answers with a speaker's short label ("S2") still means that participant.
  const byLabel = new Map([...labels].map(([name, label]) => [label, name]));
  const person = (s: string | null) => {
    const v = blankToNull(s);
    return v ? (byLabel.get(v) ?? v) : null;
  };
  return {
    requests: out.requests.map((r) => ({
      text: r.text.trim(), quote: quote(r.quote), segment: seg(r.segment), requester: person(r.requester),
      channel: r.channel, triage: r.triage, due_phrase: blankToNull(r.due_phrase),
    })),
    commitments: out.commitments.map((c) => ({
      text: c.text.trim(), quote: quote(c.quote), segment: seg(c.segment), owner: person(c.owner),
      owner_side: c.owner_side, due_phrase: blankToNull(c.due_phrase),
    })),
    risks: out.risks.map((k) => ({ kind: k.kind, severity: k.severity, quote: quote(k.quote), segment: seg(k.segment), rationale: k.rationale.trim() })),
    meta,
  };
}

export const sumUsage = (xs: TokenUsage[]): TokenUsage => ({
  inputTokens: xs.reduce((a, u) => a + u.inputTokens, 0),
  outputTokens: xs.reduce((a, u) => a + u.outputTokens, 0),
  cachedTokens: xs.reduce((a, u) => a + u.cachedTokens, 0),
});
