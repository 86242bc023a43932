import { describe, expect, it } from 'vitest';
import { finalizeExtraction, locateQuote, resolvePerson } from '../../src/extract/index.js';
import { resolveSpeakerLabels } from '../../src/extract/resolve-speakers.js';
import type { RawExtraction } from '../../src/extract/types.js';
import { call, email } from './sources.js';

const meta: RawExtraction['meta'] = {
  provider: 'test', model: 'm', promptVersion: 'p', promptHash: 'h', schemaVersion: 'items-v1',
  usage: { inputTokens: 0, outputTokens: 0, cachedTokens: 0 }, latencyMs: 0,
};

describe('locateQuote', () => {
  const src = email('2026-04-09', 'Deborah Quist', ['Hi Grace,', 'We’ve put the invoice on hold until it’s corrected.\u00a0 Can you send a “corrected” invoice by tomorrow?']);

  it('finds a quote after SCORING normalisation (typographic quotes, NBSP, case, whitespace)', () => {
    const loc = locateQuote(src, 'we\'ve put the invoice on hold until it\'s corrected. can you send a "corrected" INVOICE', null);
    expect(loc).toEqual({ segment: 1, at: null, offset: 0 });
  });

  it('points the offset into the stored segment text, not the normalised copy', () => {
    const text = 'Hi  Grace,\u00a0 thanks.  Can you “fix” it?';
    const src2 = email('2026-04-09', 'Deborah Quist', [text]);
    const loc = locateQuote(src2, 'can you "fix" it?', null);
    expect(loc?.offset).toBe(text.indexOf('Can you'));
  });

  it('returns null for a paraphrase, and finalize drops the item and counts it', () => {
    expect(locateQuote(src, 'Please fix the invoice', null)).toBeNull();
    const out = finalizeExtraction(src, {
      requests: [{ text: 't', quote: 'Please fix the invoice', segment: 1, requester: 'Deborah Quist', channel: 'billing', triage: 'hot', due_phrase: null }],
      commitments: [], risks: [], meta,
    });
    expect(out.requests).toEqual([]);
    expect(out.meta.droppedQuotes).toBe(1);
  });

  it('resolves due phrases against the source reference date, not today', () => {
    const out = finalizeExtraction(src, {
      requests: [{ text: 't', quote: 'Can you send a “corrected” invoice by tomorrow?', segment: null, requester: 'Deborah Quist', channel: 'billing', triage: 'hot', due_phrase: 'by tomorrow' }],
      commitments: [], risks: [], meta,
    });
    expect(out.requests[0]!.due).toBe('2026-04-10');
  });
});

describe('diarization labels', () => {
  const people: Array<[string, 'agency' | 'client']> = [['Nadia Okafor', 'agency'], ['Harriet Nakamura', 'client'], ['Callum Price', 'client']];

  it('maps a label to the silent participant the previous turn hands over to', () => {
    const src = call('2026-04-02', people, [
      ['Harriet Nakamura', 'Callum, you saw the orders first. Tell them.'],
      ['Speaker 2', 'Our Shopping ads show the wrong price.'],
      ['Nadia Okafor', 'Understood.'],
    ]);
    expect(resolveSpeakerLabels(src).get('Speaker 2')).toBe('Callum Price');
    expect(resolvePerson(src, 'Speaker 2')).toBe('Callum Price');
  });

  it('maps the only label to the only silent participant', () => {
    const src = call('2026-04-02', people, [['Harriet Nakamura', 'Hello.'], ['Speaker 1', 'Hi all.'], ['Nadia Okafor', 'Hi.']]);
    expect(resolvePerson(src, 'Speaker 1')).toBe('Callum Price');
  });

  it('never guesses: two silent participants and no hand-over leave the label unknown', () => {
    const src = call('2026-04-02', [...people, ['Ines Roy', 'client']], [['Harriet Nakamura', 'Hello.'], ['Speaker 1', 'Hi all.']]);
    expect(resolvePerson(src, 'Speaker 1')).toBeNull();
  });

  it('a first name that identifies one participant becomes the full name; other names stay as said', () => {
    const src = call('2026-04-02', people, [['Harriet Nakamura', 'Hello.']]);
    expect(resolvePerson(src, 'callum')).toBe('Callum Price');
    expect(resolvePerson(src, 'Theo')).toBe('Theo');
  });
});
