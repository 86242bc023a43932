import type { NormalizedSource, Side } from '../../domain/schemas.js';
import { isDiarizationLabel, resolveSpeakerLabels } from '../resolve-speakers.js';

/** One sentence of a minable segment, with the speaker already resolved. Quotes are slices of `text`. */
export interface Sentence {
  /** Position in the whole source, in reading order. */
  n: number;
  segment: number;
  /** Position of the sentence inside its segment. */
  k: number;
  speaker: string | null;
  side: Side;
  text: string;
  /** The sentence opens a list item ("- ...", "2. ..."): a new topic. */
  bullet: boolean;
}

const MONTH_AFTER = /^\s*(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|août|sept|déc|ene|abr|ago|dic)/i;
const ABBREVIATIONS = /\b(dr|mr|mrs|ms|st|vs|etc|inc|ltd|co|jr|sr|e\.g|i\.e|approx|no|mt)\.$/i;

/** Splits text into sentences: line breaks, list markers and [.!?] boundaries; abbreviations kept whole. */
export function splitSentences(text: string): string[] {
  return splitSentencesWithBullets(text).map((s) => s.text);
}

export function splitSentencesWithBullets(text: string): Array<{ text: string; bullet: boolean }> {
  const out: Array<{ text: string; bullet: boolean }> = [];
  for (const rawLine of text.split(/\n+/)) {
    const bullet = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/.test(rawLine);
    const line = rawLine.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '').trim();
    if (!line) continue;
    const first = out.length;
    let start = 0;
    const re = /[.!?]+["'”’)]*(?=\s+\S)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const end = m.index + m[0].length;
      const piece = line.slice(start, end);
      const next = line.slice(end);
      // "2.5", "3. Juni", "Dr. Rao": not sentence ends.
      if (ABBREVIATIONS.test(piece) || (/\d\.$/.test(piece) && (/^\s*\d/.test(next) || MONTH_AFTER.test(next)))) continue;
      out.push({ text: piece.trim(), bullet: false });
      start = end;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push({ text: rest, bullet: false });
    if (bullet && out[first]) out[first]!.bullet = true;
  }
  return out;
}

/** Lines that are quoted history or a mobile signature are never mined, whatever the parser left in. */
const NEVER_MINED = /^(>|sent from my |envoyé de mon |get outlook for )/i;

export function toSentences(source: NormalizedSource): Sentence[] {
  const labels = resolveSpeakerLabels(source);
  const sideOf = (name: string | null): Side => {
    const p = source.participants.find((x) => name && x.name.toLowerCase() === name.toLowerCase());
    if (p && p.side !== 'unknown') return p.side;
    // An email's segments are the client's own new text (the parser routes everything else to context).
    return source.kind === 'email' ? 'client' : 'unknown';
  };
  const out: Sentence[] = [];
  for (const seg of source.segments) {
    const raw = seg.speaker?.trim() ?? null;
    const speaker = raw && isDiarizationLabel(raw) ? (labels.get(raw) ?? null) : raw;
    const side = speaker ? sideOf(speaker) : source.kind === 'email' ? 'client' : 'unknown';
    // A whole line in quotation marks in an email is text the client pasted (a review, a customer's note): context only.
    const pasted = (l: string) => source.kind === 'email' && /^["“„«][^]{20,}["”“»][.!?]?$/.test(l.trim());
    // "Name: Kyle / Message: ...": a pasted form submission is a third party's text, up to the next blank line.
    let inForm = false;
    const formLine = (l: string) => {
      if (source.kind !== 'email') return false;
      if (/^(?:name|full name|e-?mail|phone|message|comments?|subject|company|inquiry|enquiry|details|notes?|how can we help)\s*:/i.test(l.trim())) inForm = true;
      else if (!l.trim()) inForm = false;
      return inForm;
    };
    const lines = seg.text.split(/\n/).filter((l) => !formLine(l) && !NEVER_MINED.test(l.trim()) && !pasted(l));
    splitSentencesWithBullets(lines.join('\n')).forEach(({ text, bullet }, k) => {
      out.push({ n: out.length, segment: seg.index, k, speaker, side, text, bullet });
    });
  }
  return out;
}
