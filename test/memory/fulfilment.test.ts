import { describe, expect, it } from 'vitest';
import type { NormalizedSource } from '../../src/domain/schemas.js';
import { completionStatements, stemOverlap } from '../../src/memory/fulfilment.js';

const source = (lines: Array<[string, string]>): NormalizedSource => ({
  kind: 'call', externalId: null, title: 't', occurredAt: '2026-03-12T15:00:00Z', referenceDate: '2026-03-12', timeZone: null,
  participants: [{ name: 'Nadia', email: null, side: 'agency' }, { name: 'Dale', email: null, side: 'client' }],
  segments: lines.map(([speaker, text], index) => ({ index, speaker, speakerEmail: null, at: index * 10, text })),
  context: [], attachments: [], links: { url: null, messageId: null },
});

describe('completion statements', () => {
  it('finds past-tense reports of done work, with the speaker side, and nothing promised, asked or denied', () => {
    const found = completionStatements(source([
      ['Nadia', "We sent the report on Tuesday. I'll send the next one Friday."],
      ['Dale', 'Did you send the invoice? We haven\'t uploaded the photos yet.'],
      ['Dale', 'The new page is live now.'],
      ['Nadia', 'If we paused the campaign, leads would drop.'],
    ]));
    expect(found.map((f) => [f.text, f.side, f.locator.segment])).toEqual([
      ['We sent the report on Tuesday.', 'agency', 0],
      ['The new page is live now.', 'client', 2],
    ]);
  });

  it('matches "sent" against "send" through stems, but not unrelated work', () => {
    expect(stemOverlap('We sent the monthly report', "I'll send the monthly report by Friday")).toBeGreaterThanOrEqual(0.5);
    expect(stemOverlap('We sent the invoice', "I'll send the monthly report by Friday")).toBe(0);
  });
});
