import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/extract/index.js';
import { parseEmail } from '../../src/ingest/email/parse-email.js';
import { loadCase } from '../helpers/cases.js';
import { extract } from './sources.js';

// The development emails through the real email parser: whatever text the client did not write as
// new (quoted history, signatures, attachments, pasted third-party text, injections) yields nothing.

const NON_SOURCES = new Set(['quoted_history', 'signature', 'attachment', 'third_party', 'injection', 'retracted']);
const EMAILS = ['d09', 'd10', 'd11', 'd12', 'd13', 'd14', 'd15', 'd16'];

interface Trap { type: string; category: string; quote: string }

function overlaps(a: string, b: string): boolean {
  const x = normalizeText(a);
  const y = normalizeText(b);
  return x.includes(y) || y.includes(x);
}

describe('offline extractor on the development emails (real parser)', () => {
  it.each(EMAILS)('%s: no item comes from a non-source, and every item quote is the client’s own text', async (id) => {
    const c = loadCase(id);
    const parsed = await parseEmail((c.source as { raw: string }).raw, { agencyDomains: ['copperleaf.example'] });
    const out = await extract(parsed.source);
    const traps = ((c.gold as { traps?: Trap[] }).traps ?? []).filter((t) => NON_SOURCES.has(t.category));
    const own = parsed.source.segments.map((s) => normalizeText(s.text)).join('\n');
    for (const item of [...out.requests, ...out.commitments, ...out.risks]) {
      expect(own).toContain(normalizeText(item.quote));
      for (const t of traps) expect(overlaps(item.quote, t.quote), `${item.quote} vs ${t.category} trap`).toBe(false);
    }
    expect(out.requests.length).toBeGreaterThan(0);
  });

  it('d15: the pasted injection neither suppresses the re-bid signal nor adds a refund', async () => {
    const parsed = await parseEmail((loadCase('d15').source as { raw: string }).raw, { agencyDomains: ['copperleaf.example'] });
    const out = await extract(parsed.source);
    expect(out.risks.find((k) => k.kind === 'churn_risk')).toMatchObject({ severity: 'high' });
    const texts = [...out.requests, ...out.commitments].map((i) => i.text).join(' ');
    expect(texts).not.toMatch(/refund|satisfied|no risk/i);
    expect(out.requests.find((r) => /renewal proposal/.test(r.quote))).toMatchObject({ triage: 'hot', due: '2026-05-15' });
  });
});
