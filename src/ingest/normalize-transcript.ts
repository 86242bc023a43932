import type { NormalizedSource, Participant } from '../domain/schemas.js';
import type { TranscriptCase } from './schemas.js';

/** "01:02:03", "02:03" or a number of seconds, to seconds from the start of the call. */
export function parseTimestamp(ts: string | number | null | undefined): number | null {
  if (ts === null || ts === undefined) return null;
  if (typeof ts === 'number') return ts;
  const parts = ts.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** A case-shaped transcript (the manual upload form) to the provider-neutral Source. */
export function normalizeTranscript(input: TranscriptCase, agencyDomains: readonly string[] = []): NormalizedSource {
  const participants: Participant[] = input.source.participants.map((p) => {
    const email = p.email ?? null;
    const domain = email?.split('@')[1]?.toLowerCase();
    const side = p.side !== 'unknown' ? p.side : domain && agencyDomains.includes(domain) ? 'agency' : 'unknown';
    return { name: p.name, email, side };
  });
  const byName = new Map(participants.map((p) => [p.name.toLowerCase(), p]));
  return {
    kind: 'call',
    externalId: null,
    title: input.source.title,
    occurredAt: `${input.date}T00:00:00.000Z`,
    referenceDate: input.date,
    timeZone: null,
    participants,
    segments: input.source.entries.map((e, index) => ({
      index,
      speaker: e.speaker,
      speakerEmail: byName.get(e.speaker.toLowerCase())?.email ?? null,
      at: parseTimestamp(e.timestamp),
      text: e.text,
    })),
    context: [],
    attachments: [],
    links: { url: null, messageId: null },
  };
}
