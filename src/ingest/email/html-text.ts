import { compile } from 'html-to-text';

// html-to-text's defaults break Gmail's forwarded "From:" line (the mailto link is printed as
// "text [href]") and word-wrapping can split header lines; see reference/email.md section 3.5.
const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
  ],
};

// convert() compiles the options on every call (about 10 ms); compiled once, a call costs the parse.
const toText = compile(OPTIONS);

/** Plain text of an HTML body, keeping forward header lines on one line each. */
export function htmlToText(html: string): string {
  return toText(html).replace(/[\u00a0\u202f]/g, (ch) => (ch === '\u202f' ? ' ' : '\u00a0'));
}
