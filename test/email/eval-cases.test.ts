import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/extract/normalize-text.js';
import { parseEmail } from '../../src/ingest/email/index.js';
import { caseIds, loadCase } from '../helpers/cases.js';

// The eight labelled email cases are the sharpest check of what extraction will see: every gold quote
// must be inside the segments, and no quoted history, signature, third-party or attachment trap may be.

interface GoldItem { quote: string; alt_quotes?: string[]; optional?: boolean }
interface Trap { category: string; quote: string; reason: string }

const FORBIDDEN = new Set(['quoted_history', 'signature', 'third_party', 'attachment', 'injection']);
const emailCases = caseIds().map(loadCase).filter((c) => c.kind === 'email');

describe('email eval cases: segments hold the client’s own words only', () => {
  it('covers all eight email cases', () => expect(emailCases.map((c) => c.id)).toEqual(['d09', 'd10', 'd11', 'd12', 'd13', 'd14', 'd15', 'd16']));

  describe.each(emailCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const parsed = parseEmail((c.source as { raw: string }).raw, { agencyDomains: ['copperleaf.example'], inboundDomain: 'inbound.example.com' });
    const gold = c.gold as unknown as { requests: GoldItem[]; commitments: GoldItem[]; risks: GoldItem[]; traps: Trap[] };

    it('finds every required gold quote in the segments', async () => {
      const joined = normalizeText((await parsed).source.segments.map((s) => s.text).join('\n'));
      const missing = [...gold.requests, ...gold.commitments, ...gold.risks]
        .filter((g) => !g.optional)
        .filter((g) => ![g.quote, ...(g.alt_quotes ?? [])].some((q) => joined.includes(normalizeText(q))))
        .map((g) => g.quote);
      expect(missing).toEqual([]);
    });

    it('keeps history, signatures, pasted third-party text and attachments out of the segments', async () => {
      const { source } = await parsed;
      const joined = normalizeText(source.segments.map((s) => s.text).join('\n'));
      const leaked = gold.traps.filter((t) => FORBIDDEN.has(t.category) && joined.includes(normalizeText(t.quote)));
      expect(leaked).toEqual([]);
      // ...but keeps them as context, so nothing the AM forwarded is lost.
      const everything = normalizeText([...source.segments, ...source.context].map((s) => s.text).join('\n'));
      for (const t of gold.traps) expect(everything).toContain(normalizeText(t.quote));
    });

    it('keeps the AM’s cover note apart from the client’s words', async () => {
      const { source, coverNote } = await parsed;
      const joined = normalizeText(source.segments.map((s) => s.text).join('\n'));
      for (const t of gold.traps.filter((x) => x.reason.startsWith('AM cover note'))) {
        expect(joined).not.toContain(normalizeText(t.quote));
        expect(normalizeText(coverNote ?? '')).toContain(normalizeText(t.quote));
      }
      expect(source.context.filter((b) => b.kind === 'cover_note')).toHaveLength(1);
    });

    it('dates the source by the client’s own message and names the client as the speaker', async () => {
      const { source, senderDomains } = await parsed;
      expect(source.referenceDate).toBe(c.date);
      expect(source.timeZone).toMatch(/^[+-]\d{2}:\d{2}$/);
      // occurredAt is the same instant, seen from the sender's offset it falls on the reference date.
      expect(localDate(source.occurredAt, source.timeZone!)).toBe(c.date);
      expect(senderDomains).toEqual([c.account.domain]);
      const client = source.participants[0]!;
      expect(client).toMatchObject({ side: 'client' });
      expect(client.email?.endsWith(`@${c.account.domain}`)).toBe(true);
      expect(new Set(source.segments.map((s) => s.speakerEmail))).toEqual(new Set([client.email]));
      expect(source.participants.find((p) => p.email?.endsWith('@copperleaf.example'))?.side).toBe('agency');
    });
  });
});

function localDate(instant: string, offset: string): string {
  const [h, m] = offset.slice(1).split(':').map(Number);
  const minutes = (offset.startsWith('-') ? -1 : 1) * (h! * 60 + m!);
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString().slice(0, 10);
}
