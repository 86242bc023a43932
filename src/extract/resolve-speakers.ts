import type { NormalizedSource } from '../domain/schemas.js';

// Diarization labels ("Speaker 2") are not names. A label is mapped to a participant only when the
// source itself says who it is; otherwise it stays unknown (null), never guessed.

export const DIARIZATION_LABEL = /^(speaker|spk|unknown speaker|participant|guest)\s*#?\s*\d*$/i;

export function isDiarizationLabel(name: string): boolean {
  return DIARIZATION_LABEL.test(name.trim());
}

function firstName(full: string): string {
  return full.trim().split(/\s+/)[0]!.toLowerCase();
}

/** Participants addressed by first name at the start of a sentence ("Callum, you saw ..."). */
function addressedIn(text: string, candidates: string[]): string[] {
  const hits: string[] = [];
  for (const name of candidates) {
    const first = firstName(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[.!?]\\s+)${first}\\s*[,:?]|\\b(?:over to you|go ahead|take it away|your turn|what do you think),?\\s+${first}\\b`, 'i').test(text)) hits.push(name);
  }
  return hits;
}

/**
 * Maps each diarization label of a call to the participant it evidently is:
 * - the turn before the label's first turn addresses exactly one participant who never speaks under
 *   their own name (a hand-over: "Callum, you saw the orders first. Tell them."), or
 * - exactly one participant never speaks and exactly one label occurs.
 * Labels that cannot be resolved are left out of the map.
 */
export function resolveSpeakerLabels(source: NormalizedSource): Map<string, string> {
  const map = new Map<string, string>();
  const speakers = new Set(source.segments.map((s) => (s.speaker ?? '').trim().toLowerCase()));
  const labels = [...new Set(source.segments.map((s) => s.speaker ?? '').filter((s) => s && isDiarizationLabel(s)))];
  if (!labels.length) return map;
  const silent = source.participants
    .map((p) => p.name)
    .filter((name) => !speakers.has(name.trim().toLowerCase()) && !isDiarizationLabel(name));
  for (const label of labels) {
    const first = source.segments.findIndex((s) => s.speaker === label);
    for (let i = first - 1; i >= 0 && i >= first - 2; i--) {
      const prev = source.segments[i]!;
      if (prev.speaker === label) break;
      const open = silent.filter((n) => ![...map.values()].includes(n));
      const hits = addressedIn(prev.text, open);
      if (hits.length === 1) {
        map.set(label, hits[0]!);
        break;
      }
    }
  }
  const unmapped = labels.filter((l) => !map.has(l));
  const open = silent.filter((n) => ![...map.values()].includes(n));
  if (unmapped.length === 1 && open.length === 1 && labels.length === 1) map.set(unmapped[0]!, open[0]!);
  return map;
}
