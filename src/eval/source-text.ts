import { decodeEmail } from './decode-email.js';
import { normalizeText } from './normalize.js';
import type { EvalCase } from './types.js';

/** The text quotes are scored against (SCORING.md reference pseudo-code), normalised. */
export function caseSourceText(c: EvalCase): string {
  const src = c.source;
  if ('entries' in src) return normalizeText(src.entries.map((e) => e.text).join('\n'));
  return normalizeText(decodeEmail(src.raw).views[0]!);
}

// "Name <addr>" in From/To/Cc headers, outer or forwarded (English and French forward headers).
const ADDRESSEE = /^(?:>\s*)*(?:From|To|Cc|De|\u00c0|A)\s*:\s*"?([^"<\n]+?)"?\s*<[^>\n]+>/gim;

/** Everyone a name could refer to in a case: participants or mail correspondents, and every gold name. */
export function casePeople(c: EvalCase): string[] {
  const names = new Set<string>();
  if ('participants' in c.source) for (const p of c.source.participants) names.add(p.name);
  else {
    const mail = decodeEmail(c.source.raw);
    const text = [...mail.headers.map(([k, v]) => `${k}: ${v}`), mail.views[0]!].join('\n');
    for (const m of text.matchAll(ADDRESSEE)) {
      const name = m[1]!.trim();
      if (name && !name.includes('@')) names.add(name);
    }
  }
  const g = c.gold;
  if (g) {
    for (const r of g.requests) for (const n of [r.requester, ...(r.accept?.requester ?? [])]) if (n) names.add(n);
    for (const k of g.commitments) for (const n of [k.owner, ...(k.accept?.owner ?? [])]) if (n) names.add(n);
  }
  return [...names];
}
