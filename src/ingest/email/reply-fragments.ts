// Splits a reply into fragments (own text, quoted history, signature) the way email-reply-parser does,
// read bottom-up line by line, without its per-line string reversals and its 57 regexes per line: a
// cheap keyword gate picks the few lines worth testing against the quote-header and signature shapes.

export interface Fragment {
  content: string;
  quoted: boolean;
  signature: boolean;
  /** Quoted, signature or empty: not the author's visible text. */
  hidden: boolean;
}

// Attribution lines that open quoted history ("On <date>, <name> wrote:" and its locales, Outlook's
// "From: name <address>", "-----Original Message-----"). Each pattern needs its keyword to match.
const QUOTE_HEADERS: Array<[RegExp, RegExp | null]> = [
  [/^-*\s*(On\s.+\s.+\n?wrote:{0,1})\s{0,1}-*$/m, /wrote/],
  [/^-*\s*(Le\s.+\s.+\n?écrit\s?:{0,1})\s{0,1}-*$/m, /écrit/],
  [/^-*\s*(El\s.+\s.+\n?escribió:{0,1})\s{0,1}-*$/m, /escribió/],
  [/^-*\s*(Il\s.+\s.+\n?scritto:{0,1})\s{0,1}-*$/m, /scritto/],
  [/^-*\s*(Em\s.+\s.+\n?escreveu:{0,1})\s{0,1}-*$/m, /escreveu/],
  [/^\s*(Am\s.+\s)\n?\n?schrieb.+\s?(\[|<).+(\]|>):$/m, /schrieb/],
  [/^\s*(Op\s[\s\S]+?\n?schreef[\s\S]+:)$/m, /schreef/],
  [/^\s*((W\sdniu|Dnia)\s[\s\S]+?(pisze|napisał(\(a\))?):)$/mu, /pisze|napisał/],
  [/^\s*(Den\s.+\s\n?skrev\s.+:)$/m, /skrev/],
  [/^\s*(pe\s.+\s.+\n?kirjoitti:)$/m, /kirjoitti/],
  [/^\s*(Am\s.+\sum\s.+\s\n?schrieb\s.+:)$/m, /schrieb/],
  [/^\s*(ср,\s.+\n?\u202fг\. в\s.+,\s.+[[|<].+[\]|>]:)$/m, /\u202fг\. в/],
  [/^(在[\s\S]+写道：)$/m, /写道：/],
  [/^(20[0-9]{2}\..+\s작성:)$/m, /작성:/],
  [/^(20[0-9]{2}\/.+のメッセージ:)$/m, /のメッセージ:/],
  [/^(.+\s<.+>\sschrieb:)$/m, /schrieb:/],
  [/^(.+\son.*at.*wrote:)$/m, /wrote:/],
  [/^\s*(From\s?:.+\s?\n?\s*[[|<].+[\]|>])/m, /From\s?:/],
  [/^\s*(Von\s?:.+\s?\n?\s*[[|<].+[\]|>])/m, /Von\s?:/],
  [/^\s*(De\s?:.+\s?\n?\s*(\[|<).+(\]|>))/m, /De\s?:/],
  [/^\s*(Van\s?:.+\s?\n?\s*(\[|<).+(\]|>))/m, /Van\s?:/],
  [/^\s*(Da\s?:.+\s?\n?\s*(\[|<).+(\]|>))/m, /Da\s?:/],
  [/^(20[0-9]{2})-([0-9]{2}).([0-9]{2}).([0-9]{2}):([0-9]{2})\n?(.*)>:$/m, null],
  [/^\s*([a-z]{3,4}\.\s[\s\S]+\sskrev\s[\s\S]+:)$/m, /skrev/],
  [/^([0-9]{2}).([0-9]{2}).(20[0-9]{2})(.*)(([0-9]{2}).([0-9]{2}))(.*)"( *)<(.*)>( *):$/m, null],
  [/^[0-9]{2}:[0-9]{2}(.*)[0-9]{4}(.*)"( *)<(.*)>( *):$/, null],
  [/^(.*)[0-9]{4}(.*)from(.*)<(.*)>:$/, null],
  [/^-{1,12} ?(O|o)riginal (M|m)essage ?-{1,12}$/i, null],
  [/^-{1,12} ?(O|o)prindelig (B|b)esked ?-{1,12}$/i, null],
  [/^-{1,12} ?(M|m)essage d'origine ?-{1,12}$/i, null],
  [/^-{1,12} ?(U|u)rsprüngliche (N|n)achricht ?-{0,12}$/i, null],
];

// A line can only be a quote header if it holds one of these (the patterns' literal parts).
const HEADER_GATE = /wrote|écrit|escribió|scritto|escreveu|schrieb|schreef|pisze|napisał|skrev|kirjoitti|\u202fг\. в|写道|작성|のメッセージ|(?:From|Von|De|Van|Da)\s?:|> *:|from/;
const HEADER_GATE_I = /original message|oprindelig besked|message d'origine|ursprüngliche nachricht/i;

// Signature starts: "--" style separators, "Sent from my ...", sign-offs the parser knows.
const SIGNATURE = /^(?:\s*-{2,4}$|\s*_{2,4}$|-- $|\+{2,4}$|={2,4}$|_{32}$|Sent from (?:\s*.+)$|Von (?:\s*.+) gesendet$|Gesendet von (?:\s*.+) für (?:\s*.+)$|Sendt fra (?:\s*.+)$|Envoyé depuis (?:\s*.+)$|Envoyé de mon (?:\s*.+)$|Envoyé à partir de (?:\s*.+)$|Enviado desde (?:\s*.+)$|Verzonden vanaf (?:\s*.+)$|Verstuurd vanaf (?:\s*.+)$)/;
// The parser's multiline ones: they differ only on a line holding a lone CR (never after splitBody's cleanup).
const SIGNATURE_M = /^(?:Get Outlook for (?:\s*.+).*|Télécharger Outlook pour (?:\s*.+).*|-*\s*(?:In\sdata\s.+\s.+\n?scritto:{0,1})\s{0,1}-*$)/m;
const SIGNATURE_I = /^(?:Cheers,?!?$|Best wishes,?!?$|\w{0,20}\s?(\sand\s)?Regards,?!?！?$|Bien . vous,?!?$|\w{0,20}\s?cordialement,?!?$|Bonne (journ.e|soir.e)!?$)/im;
const LINE_BREAK = /[\r\u2028\u2029]/;
// How those can start; the sign-offs of SIGNATURE_I are at most 36 characters long.
const SIGNATURE_START = /^(?:\s*[-_]|[+=]|Sent from |Get Outlook for |Von |Gesendet von |Sendt fra |Envoy|Télécharger Outlook pour |Enviado desde |Verzonden vanaf |Verstuurd vanaf |-*\s*In\sdata\s)/;

/** `anyBreak`: the text holds a CR or Unicode line break, which the multiline patterns read as a line start. */
export function isSignatureLine(line: string, anyBreak = false): boolean {
  if (anyBreak) return SIGNATURE.test(line) || SIGNATURE_M.test(line) || SIGNATURE_I.test(line);
  return (SIGNATURE_START.test(line) && (SIGNATURE.test(line) || SIGNATURE_M.test(line))) || (line.length <= 40 && SIGNATURE_I.test(line));
}

export function isQuoteHeaderLine(line: string): boolean {
  if (!HEADER_GATE.test(line) && !HEADER_GATE_I.test(line)) return false;
  return QUOTE_HEADERS.some(([re]) => re.test(line));
}

// One scan finds which keywords the text holds (longest spelling first, so "wrote:" is seen as such);
// only the patterns whose keyword is among them can match.
const KEYWORDS = new RegExp(QUOTE_HEADERS.flatMap(([, k]) => (k ? [k.source] : [])).sort((a, b) => b.length - a.length).join('|'), 'g');

/** A quote header wrapped over two lines ("On Tue, ... Pat\n<pat@x> wrote:") is joined back into one. */
function joinWrappedHeaders(text: string): string {
  const found = text.match(KEYWORDS);
  if (!found) return text;
  const present = [...new Set(found)].join('\n');
  let out = text;
  for (const [re, keyword] of QUOTE_HEADERS) {
    // The patterns with no keyword never span lines.
    if (!keyword?.test(present)) continue;
    const group = re.exec(out)?.[1];
    if (group?.includes('\n')) out = out.replace(group, group.replace(/\n/g, ' '));
  }
  return out;
}

interface Draft { lines: string[]; quoted: boolean; signature: boolean }

function close(d: Draft): Fragment {
  // Lines were collected bottom-up.
  const content = d.lines.reverse().join('\n').replace(/^\n/, '');
  const empty = d.lines.every((l) => l === '');
  return { content, quoted: d.quoted, signature: d.signature, hidden: d.quoted || d.signature || empty };
}

/**
 * The reply's fragments, top to bottom. Read from the last line up: a signature line closes the block
 * under it as a signature, a quote header above a blank line closes the block under it as quoted, and
 * a run of ">" lines is one quoted block.
 */
export function replyFragments(input: string): Fragment[] {
  const text = joinWrappedHeaders(input.replace(/\r\n/g, '\n'));
  const lines = text.split('\n');
  const breaks = LINE_BREAK.test(text);
  const out: Fragment[] = [];
  let cur: Draft | null = null;
  // The signature test of the line below is reused as the "last line" test of the line above.
  let lastSig = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const raw = lines[i]!;
    const sig = isSignatureLine(raw, breaks);
    const line = sig ? raw : raw.trimEnd();
    if (cur) {
      const last = cur.lines[cur.lines.length - 1]!;
      if (lastSig) {
        cur.signature = true;
        out.push(close(cur));
        cur = null;
      } else if (line === '' && isQuoteHeaderLine(last)) {
        cur.quoted = true;
        out.push(close(cur));
        cur = null;
      }
    }
    const quoted = line.startsWith('>');
    if (!cur || !(cur.quoted === quoted || (cur.quoted && (line === '' || isQuoteHeaderLine(line))))) {
      if (cur) out.push(close(cur));
      cur = { lines: [], quoted, signature: false };
    }
    cur.lines.push(line);
    lastSig = sig || (line !== raw && isSignatureLine(line, breaks));
  }
  if (cur) out.push(close(cur));
  return out.reverse();
}
