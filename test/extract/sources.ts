import type { NormalizedSource, Side } from '../../src/domain/schemas.js';
import { createOfflineExtractor, finalizeExtraction } from '../../src/extract/index.js';
import { normalizeTranscript } from '../../src/ingest/normalize-transcript.js';

// Small hand-written sources for behaviour tests: a call from (speaker, text) turns, or an email
// whose segments are the client's own new paragraphs (what the email parser hands the extractor).

export function call(date: string, participants: Array<[string, Side]>, turns: Array<[string, string]>): NormalizedSource {
  return normalizeTranscript({
    kind: 'transcript',
    date,
    source: {
      title: 'Call',
      participants: participants.map(([name, side]) => ({ name, email: null, side })),
      entries: turns.map(([speaker, text], i) => ({ speaker, timestamp: i * 10, text })),
    },
  });
}

export function email(date: string, sender: string, paragraphs: string[], context: NormalizedSource['context'] = []): NormalizedSource {
  return {
    kind: 'email', externalId: null, title: 'Email', occurredAt: `${date}T09:00:00.000Z`, referenceDate: date, timeZone: null,
    participants: [{ name: sender, email: null, side: 'client' }],
    segments: paragraphs.map((text, index) => ({ index, speaker: sender, speakerEmail: null, at: null, text })),
    context, attachments: [], links: { url: null, messageId: null },
  };
}

export async function extract(source: NormalizedSource) {
  const raw = await createOfflineExtractor().extract({ source, account: null });
  return finalizeExtraction(source, raw);
}
