// HTML to text exactly as the dev set's validate.mjs renders it (SCORING.md: email quotes are
// compared with the text decodeEmail gives): tags dropped, entities decoded, <blockquote> lines
// prefixed with ">".

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '\u2019', lsquo: '\u2018',
  rdquo: '\u201d', ldquo: '\u201c', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', euro: '\u20ac', middot: '\u00b7', copy: '\u00a9',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    const v = NAMED[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}

export function htmlToText(h: string): string {
  let s = h.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<(head|style|script)\b[\s\S]*?<\/\1\s*>/gi, '');
  s = s.replace(/[ \t\r\n]+/g, ' ');
  s = s.replace(/<blockquote\b[^>]*>/gi, '\n\u0001BQ+\n').replace(/<\/blockquote\s*>/gi, '\n\u0001BQ-\n');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<\/?(p|div|tr|li|h[1-6]|hr|table|ul|ol)\b[^>]*>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  const out: string[] = [];
  let depth = 0;
  for (const line of s.split('\n')) {
    if (line === '\u0001BQ+') { depth++; continue; }
    if (line === '\u0001BQ-') { depth = Math.max(0, depth - 1); continue; }
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    out.push(depth && t ? '>'.repeat(depth) + ' ' + t : t);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
