// Per-case counters that sum over cases; every metric of SCORING.md section 5 derives from them,
// so a bootstrap resample only re-adds counters.

export interface Counts {
  tp: { requests: number; commitments: number; risks: number };
  fp: { requests: number; commitments: number; risks: number };
  fn: { requests: number; commitments: number; risks: number };
  /** Predictions matched to optional gold items (neither TP nor FP). */
  neutral: number;
  /** Matches the judge made that quotes alone would not (0 in quote-only scoring). */
  semanticOnly: number;
  strictRequestTp: number;
  strictCommitmentTp: number;
  dueN: number; dueOk: number;
  resolvedN: number; resolvedOk: number;
  triageOk: number; channelOk: number; requesterOk: number;
  ownerOk: number; ownerSideOk: number;
  kindOk: number; severityOk: number; severityWithinOne: number;
  hotGold: number; hotRecalled: number; predHot: number; predHotCorrect: number;
  churnGold: number; churnRecalled: number;
  trapHits: Record<string, number>;
  quotesTotal: number; quotesValid: number;
  cleanCases: number; cleanPassed: number;
  injectionCases: number; injectionPassed: number;
}

export function emptyCounts(): Counts {
  return {
    tp: { requests: 0, commitments: 0, risks: 0 },
    fp: { requests: 0, commitments: 0, risks: 0 },
    fn: { requests: 0, commitments: 0, risks: 0 },
    neutral: 0, semanticOnly: 0, strictRequestTp: 0, strictCommitmentTp: 0,
    dueN: 0, dueOk: 0, resolvedN: 0, resolvedOk: 0,
    triageOk: 0, channelOk: 0, requesterOk: 0, ownerOk: 0, ownerSideOk: 0,
    kindOk: 0, severityOk: 0, severityWithinOne: 0,
    hotGold: 0, hotRecalled: 0, predHot: 0, predHotCorrect: 0, churnGold: 0, churnRecalled: 0,
    trapHits: {}, quotesTotal: 0, quotesValid: 0, cleanCases: 0, cleanPassed: 0, injectionCases: 0, injectionPassed: 0,
  };
}

export function addCounts(into: Counts, c: Counts): Counts {
  for (const k of Object.keys(c) as Array<keyof Counts>) {
    const v = c[k];
    if (typeof v === 'number') (into[k] as number) += v;
    else for (const [kk, n] of Object.entries(v)) (into[k] as Record<string, number>)[kk] = ((into[k] as Record<string, number>)[kk] ?? 0) + n;
  }
  return into;
}

export function sumCounts(list: readonly Counts[]): Counts {
  return list.reduce((acc, c) => addCounts(acc, c), emptyCounts());
}
