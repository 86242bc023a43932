import { describe, expect, it } from 'vitest';
import type { ItemType } from '../../src/domain/schemas.js';
import { fieldsAgree, hashEmbed, MERGE_MIN, shouldMerge } from '../../src/memory/index.js';
import { caseIds, loadCase } from '../helpers/cases.js';

// The merge threshold against the development set: distinct items of one case never merge, and the
// same item seen again (restated with another of its quotes, or repeated verbatim) does.

type Gold = { text?: string; rationale?: string; quote: string; alt_quotes?: string[] } & Record<string, unknown>;
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const TYPES: Array<[string, ItemType]> = [['requests', 'request'], ['commitments', 'commitment'], ['risks', 'risk']];

function pairs() {
  const restated: boolean[] = [];
  const verbatim: boolean[] = [];
  const distinct: Array<{ sim: number; merged: boolean; what: string }> = [];
  for (const id of caseIds()) {
    const gold = loadCase(id).gold as Record<string, Gold[]>;
    for (const [key, type] of TYPES) {
      const items = gold[key] ?? [];
      const text = (g: Gold) => (type === 'risk' ? g.rationale! : g.text!);
      const vecs = items.map((g) => hashEmbed(`${text(g)}\n${g.quote}`));
      items.forEach((g, i) => {
        for (const alt of g.alt_quotes ?? []) restated.push(shouldMerge(type, cos(vecs[i]!, hashEmbed(`${text(g)}\n${alt}`)), g, g));
        verbatim.push(shouldMerge(type, cos(vecs[i]!, hashEmbed(`${g.quote}\n${g.quote}`)), g, g));
        for (let j = i + 1; j < items.length; j++) {
          if (items[j]!.quote === g.quote) continue; // one sentence split into two items: never merged (same source, same quote)
          const sim = cos(vecs[i]!, vecs[j]!);
          distinct.push({ sim, merged: shouldMerge(type, sim, g, items[j]!), what: `${id}: ${g.quote} | ${items[j]!.quote}` });
        }
      });
    }
  }
  return { restated, verbatim, distinct };
}

describe('merge threshold on the development set', () => {
  const { restated, verbatim, distinct } = pairs();
  const rate = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;

  it('never merges two distinct items of the same case and type, with a margin below the threshold', () => {
    expect(distinct.length).toBeGreaterThan(100);
    expect(distinct.filter((d) => d.merged).map((d) => d.what)).toEqual([]);
    const agreeing = distinct.filter((d) => d.sim >= MERGE_MIN - 0.05);
    expect(agreeing.map((d) => `${d.sim.toFixed(2)} ${d.what}`)).toEqual([]);
  });

  it('merges the same item seen again', () => {
    expect(restated.length).toBeGreaterThan(15);
    expect(rate(restated)).toBeGreaterThanOrEqual(0.85);
    expect(rate(verbatim)).toBeGreaterThanOrEqual(0.95);
  });

  it('field disagreement blocks a merge whatever the similarity', () => {
    expect(fieldsAgree('request', { channel: 'web' }, { channel: 'seo' })).toBe(false);
    expect(shouldMerge('request', 0.99, { channel: 'web' }, { channel: 'seo' })).toBe(false);
    expect(shouldMerge('commitment', 0.99, { owner_side: 'agency' }, { owner_side: 'client' })).toBe(false);
    expect(shouldMerge('risk', 0.99, { kind: 'billing' }, { kind: 'churn_risk' })).toBe(false);
    expect(shouldMerge('request', 0.99, { channel: 'general' }, { channel: 'seo' })).toBe(true);
  });
});
