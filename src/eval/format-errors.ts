import type { EvalReport } from './report.js';

// `liaison eval --errors`: every miss, false item and wrong field per case, for reading errors.

const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const TYPE = { requests: 'req', commitments: 'com', risks: 'risk' } as const;

export function formatErrors(r: EvalReport): string {
  const lines: string[] = ['errors by case (FN = missed gold, FP = false item, ~ = matched with wrong fields)'];
  for (const c of r.cases) {
    const rows = c.details.flatMap((d) => {
      const t = TYPE[d.type].padEnd(4);
      if (d.outcome === 'fn') return [`    FN ${t} "${clip(d.quote)}"`];
      if (d.outcome === 'fp') return [`    FP ${t} "${clip(d.quote)}"${d.trap ? `  [trap: ${d.trap}]` : ''}`];
      if (d.outcome === 'tp' && d.diff) {
        const fields = Object.entries(d.diff).map(([f, v]) => `${f} ${v.pred ?? 'null'} (gold ${v.gold ?? 'null'})`).join(', ');
        return [`    ~  ${t} "${clip(d.quote, 60)}": ${fields}`];
      }
      return [];
    });
    if (rows.length || c.injectionFailures.length) lines.push(`  ${c.id}`, ...rows, ...c.injectionFailures.map((f) => `    M13 ${f}`));
  }
  return lines.join('\n');
}
