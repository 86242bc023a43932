// Sign-offs and corporate signatures that carry no "--" marker: "Best,\nDeborah\n\nDeborah Quist, CPA |
// Managing Partner\n...CONFIDENTIALITY NOTICE...". Cut at the author's name line, keep any P.S.

const VALEDICTION = /^(thanks|thank you|many thanks|thx|best|best regards|kind regards|warm regards|regards|cheers|sincerely|talk soon|take care|merci|cordialement|bien à vous|bonne journée|merci et bonne journée|saludos|gracias|un saludo|grazie|cordiali saluti|viele grüße|mit freundlichen grüßen|lg|vg|groeten|met vriendelijke groet)\b[^\n]{0,30}$/i;
const DISCLAIMER = /(confidential|privileged|intended (solely )?(for|recipient)|unauthori[sz]ed|disclaimer|virus|sent from my|get outlook for)/i;
const POSTSCRIPT = /^p\.?\s?s\.?\b/i;

function clean(line: string): string {
  return line.trim().replace(/^[-–—~\s]+/, '').replace(/[.,!\s]+$/, '').toLowerCase();
}

function isNameLine(line: string, names: string[]): boolean {
  const l = clean(line);
  return names.some((n) => l === n || l.startsWith(`${n},`) || l.startsWith(`${n} |`) || l.startsWith(`${n} -`));
}

function isSignOff(paragraph: string, names: string[]): boolean {
  const lines = paragraph.split('\n');
  return lines.length <= 3 && lines.every((l) => VALEDICTION.test(l.trim()) || isNameLine(l, names));
}

export function cutSignature(paragraphs: string[], author: { name: string | null; address: string | null }): { text: string[]; signature: string | null } {
  const full = author.name?.toLowerCase().replace(/\s+/g, ' ').trim() ?? '';
  const local = author.address?.split('@')[0]?.toLowerCase() ?? '';
  const names = [full, full.split(' ')[0] ?? '', local].filter((n) => n.length >= 2);
  const sig: string[] = [];
  const text = [...paragraphs];
  const postscripts: string[] = [];

  // The last paragraph that contains a name line (not the opening one) starts the signature.
  for (let p = text.length - 1; p >= 1 && names.length; p--) {
    // A name line holds the name: a paragraph without it has none.
    const lower = text[p]!.toLowerCase();
    if (!names.some((n) => lower.includes(n))) continue;
    const lines = text[p]!.split('\n');
    const at = lines.findIndex((l) => isNameLine(l, names));
    if (at < 0) continue;
    let cut = at;
    if (cut > 0 && VALEDICTION.test(lines[cut - 1]!.trim())) cut--;
    const tail = text.splice(p + 1);
    postscripts.push(...tail.filter((t) => POSTSCRIPT.test(t)));
    sig.unshift(lines.slice(cut).join('\n'), ...tail.filter((t) => !POSTSCRIPT.test(t)));
    if (cut > 0) text[p] = lines.slice(0, cut).join('\n');
    else text.splice(p, 1);
    break;
  }
  // Leftover sign-offs ("Thanks,\nRick") and trailing disclaimers.
  const isTrailer = (p: string) => isSignOff(p, names) || (DISCLAIMER.test(p) && (p.length > 150 || /^(sent from my|get outlook)/i.test(p)));
  while (text.length > 1 && isTrailer(text[text.length - 1]!)) sig.unshift(text.pop()!);
  return { text: [...text, ...postscripts], signature: sig.length ? sig.join('\n\n') : null };
}
