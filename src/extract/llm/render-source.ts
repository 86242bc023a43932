import type { ContextBlock, NormalizedSource, Segment } from '../../domain/schemas.js';

// Renders a source for the model as numbered segments: a pure function of the stored source, so the
// same source always gives the same prompt (and the same cache key). Context blocks travel along,
// marked as never being evidence; Fathom's own summary and action items are given as hints.

export interface RenderAccount {
  name: string;
  tier: number;
}

/** A slice of the source's segments (array positions, `to` exclusive) and where it sits among the parts. */
export interface SourcePart {
  from: number;
  to: number;
  index: number;
  count: number;
}

const HINT_KINDS = new Set<ContextBlock['kind']>(['fathom_summary', 'fathom_action_items']);
/**
 * Fathom's action items are a compact hint (who does what). Its summary restates the whole call: sending it
 * would be a second read of the transcript (the budget is about 1.3 reads per call), so it stays out.
 */
const HINT_CHARS: Record<string, number> = { fathom_summary: 0, fathom_action_items: 1000 };
/** Context is there to explain the segments, so it is clipped; signatures add nothing the participants lack. */
const CONTEXT_CHARS: Partial<Record<ContextBlock['kind'], number>> = { attachment_text: 600, signature: 0 };
const DEFAULT_CONTEXT_CHARS = 1200;

/** The tags delimit the untrusted data; text that imitates them is defused. */
const defuse = (text: string) => text.replace(/<(\/?)source\b/gi, '‹$1source');

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)} …[cut]` : text);

/**
 * Short labels for a call's named participants ("S1"): a 60-minute call has hundreds of turns, and
 * writing each speaker's full name on every one cost about a tenth of the input. Speakers that are
 * not participants (diarization labels such as "Speaker 2") keep their own text so the model can
 * tell who they are from context. Emails have one speaker and keep the name.
 */
export function speakerLabels(source: NormalizedSource): Map<string, string> {
  const labels = new Map<string, string>();
  if (source.kind !== 'call') return labels;
  const named = new Set(source.participants.map((p) => p.name));
  for (const seg of source.segments) {
    if (seg.speaker && named.has(seg.speaker) && !labels.has(seg.speaker)) labels.set(seg.speaker, `S${labels.size + 1}`);
  }
  return labels;
}

export function renderSegment(seg: Segment, labels: ReadonlyMap<string, string> = new Map()): string {
  const who = seg.speaker ? (labels.get(seg.speaker) ?? defuse(seg.speaker)) : null;
  return `[${seg.index}] ${who ? `${who}: ` : ''}${defuse(seg.text)}`;
}

function contextLines(source: NormalizedSource): string[] {
  const hints = source.context.filter((c) => HINT_KINDS.has(c.kind) && c.text.trim() && HINT_CHARS[c.kind] !== 0);
  const context = source.context.filter((c) => !HINT_KINDS.has(c.kind) && c.text.trim() && CONTEXT_CHARS[c.kind] !== 0);
  const lines: string[] = [];
  if (hints.length) {
    lines.push('Hints from the meeting tool (not evidence, never quote them):');
    for (const h of hints) {
      const text = h.text.trim().replace(/ \(at \d{1,2}:\d{2}(:\d{2})?\)$/gm, '');
      lines.push(`(${h.kind === 'fathom_summary' ? 'summary' : 'action items'}) ${defuse(clip(text, HINT_CHARS[h.kind] ?? 300))}`);
    }
  }
  if (context.length) {
    lines.push('Context (never a source of items, never quote it):');
    for (const c of context) {
      const label = c.kind === 'attachment_text' ? `attachment${c.author ? ` ${c.author}` : ''}` : `${c.kind.replace('_', ' ')}${c.author ? ` by ${c.author}` : ''}`;
      lines.push(`(${defuse(label)}) ${defuse(clip(c.text.trim(), CONTEXT_CHARS[c.kind] ?? DEFAULT_CONTEXT_CHARS))}`);
    }
  }
  return lines;
}

/** The header every part repeats: kind, title, account, participants, context and hints. */
export function renderHeader(source: NormalizedSource, account: RenderAccount | null, part?: SourcePart): string[] {
  const labels = speakerLabels(source);
  const people = source.participants
    .map((p) => `${labels.has(p.name) ? `${labels.get(p.name)} = ` : ''}${defuse(p.name)} (${p.side})`)
    .join(', ');
  const lines = [
    `<source kind="${source.kind}">`,
    `Title: ${defuse(source.title)}`,
    ...(account ? [`Client account: ${defuse(account.name)}`] : []),
    ...(people ? [`Participants: ${people}`] : []),
    ...contextLines(source),
  ];
  if (part && part.count > 1) {
    const first = source.segments[part.from]?.index ?? part.from;
    const last = source.segments[part.to - 1]?.index ?? part.to - 1;
    lines.push(`Part ${part.index + 1} of ${part.count} (segments ${first}-${last}; the other parts are read separately).`);
  }
  lines.push(source.kind === 'call' ? 'Segments (speaker turns):' : "Segments (the client's own text):");
  return lines;
}

/** The whole source, or one part of it, as the model reads it. */
export function renderSource(source: NormalizedSource, account: RenderAccount | null, part?: SourcePart): string {
  const segs = part ? source.segments.slice(part.from, part.to) : source.segments;
  const labels = speakerLabels(source);
  return [...renderHeader(source, account, part), ...segs.map((s) => renderSegment(s, labels)), '</source>'].join('\n');
}
