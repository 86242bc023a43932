import type { Judge } from './match-type.js';
import type { ScoreInput } from './report.js';
import { scoreCase } from './score-case.js';
import { ITEM_TYPES, Prediction, type GoldItem, type ItemTypeKey, type PredItem } from './types.js';

// The semantic fallback of SCORING.md as a pluggable hook. An async judge (an LLM or a human) sees
// p.text, p.quote, g.text and g.quote and answers: same ask, promise or signal in this source?
// To keep it cheap it is asked only about pairs left unmatched by quote-only scoring; its answers
// become the synchronous Judge that buildReport's "with judge" pass uses.

export interface JudgePair {
  caseId: string;
  type: ItemTypeKey;
  pred: { text: string; quote: string };
  gold: { text: string; quote: string };
}
export type AsyncJudge = (pair: JudgePair) => Promise<boolean>;

const textOf = (x: PredItem | GoldItem) => ('text' in x ? x.text : x.rationale) ?? '';

export async function collectJudgements(inputs: readonly ScoreInput[], judge: AsyncJudge): Promise<Judge> {
  const yes = new Set<string>();
  for (const { case: c, prediction } of inputs) {
    if (!c.gold) continue;
    const pred = Prediction.parse(prediction);
    const quoteOnly = scoreCase(c, pred);
    for (const type of ITEM_TYPES) {
      const freePreds = quoteOnly.details.filter((d) => d.type === type && d.outcome === 'fp').map((d) => d.pred!);
      const freeGolds = quoteOnly.details.filter((d) => d.type === type && d.outcome === 'fn').map((d) => d.gold!);
      for (const i of freePreds) for (const j of freeGolds) {
        const p = pred[type][i]!;
        const g = c.gold[type][j]!;
        if (await judge({ caseId: c.id, type, pred: { text: textOf(p), quote: p.quote }, gold: { text: textOf(g), quote: g.quote } })) yes.add(`${c.id}|${type}|${i}|${j}`);
      }
    }
  }
  return (a) => yes.has(`${a.caseId}|${a.type}|${a.predIndex}|${a.goldIndex}`);
}
