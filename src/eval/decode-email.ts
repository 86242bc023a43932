import { htmlToText } from './html-to-text.js';

// A TypeScript port of decodeEmail from the dev set's validate.mjs (SCORING.md: "Decode MIME exactly
// as validate.mjs does"). Byte handling uses Uint8Array/TextDecoder instead of Buffer; behaviour is the same.

export interface DecodedEmail {
  headers: Array<[string, string]>;
  /** Each view is one complete text rendering of the body; views[0] is the scoring source. */
  views: string[];
  attachments: Array<{ filename: string; type: string; text: string }>;
}

function splitHeadBody(s: string) {
  const i = s.indexOf('\n\n');
  return i < 0 ? { head: s, body: '' } : { head: s.slice(0, i), body: s.slice(i + 2) };
}

function parseHeaders(head: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && out.length) { out[out.length - 1]![1] += ' ' + line.trim(); continue; }
    const m = line.match(/^([!-9;-~]+):[ \t]?(.*)$/);
    if (!m) throw new Error(`malformed header line: ${JSON.stringify(line.slice(0, 60))}`);
    out.push([m[1]!, m[2]!]);
  }
  return out;
}

const hget = (hs: Array<[string, string]>, name: string) => hs.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

function parseParams(v: string | undefined) {
  const parts = (v || '').split(';');
  const value = parts.shift()!.trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const p of parts) {
    const m = p.match(/^\s*([\w.-]+)\s*=\s*(?:"([^"]*)"|([^\s"]*))\s*$/);
    if (m) params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2] : m[3]!;
  }
  return { value, params };
}

function decodeQP(s: string): Uint8Array {
  s = s.replace(/=[ \t]*\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Error(`bad quoted-printable escape at ${i}`);
      bytes.push(parseInt(hex, 16)); i += 2;
    } else {
      const c = s.charCodeAt(i);
      if (c > 126) throw new Error('raw 8-bit character inside quoted-printable');
      bytes.push(c);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeBytes(body: string, cte: string | undefined): Uint8Array {
  const enc = (cte || '7bit').trim().toLowerCase();
  if (enc === 'quoted-printable') return decodeQP(body);
  if (enc === 'base64') {
    const clean = body.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('invalid base64 body');
    return Uint8Array.from(atob(clean), (ch) => ch.charCodeAt(0));
  }
  if (enc === '7bit' || enc === '8bit' || enc === 'binary') return new TextEncoder().encode(body);
  throw new Error(`unknown Content-Transfer-Encoding ${enc}`);
}

const CP1252 = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeCharset(buf: Uint8Array, charset: string | undefined): string {
  const cs = (charset || 'us-ascii').toLowerCase();
  let out: string;
  if (cs === 'us-ascii' || cs === 'ascii') {
    if (buf.some((b) => b > 127)) throw new Error('non-ASCII byte in a us-ascii part');
    out = Array.from(buf, (b) => String.fromCharCode(b)).join('');
  } else if (['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'iso-8859-15'].includes(cs)) {
    out = Array.from(buf, (b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : String.fromCharCode(b))).join('');
    if (out.includes('\ufffd')) throw new Error(`undefined ${cs} byte`);
  } else {
    out = new TextDecoder(cs, { fatal: true }).decode(buf);
  }
  return out.replace(/\r\n?/g, '\n');
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let cur: string[] | null = null;
  let closed = false;
  for (const line of body.split('\n')) {
    const t = line.replace(/[ \t]+$/, '');
    if (t === '--' + boundary) { if (cur) parts.push(cur.join('\n')); cur = []; continue; }
    if (t === '--' + boundary + '--') { if (cur) parts.push(cur.join('\n')); cur = null; closed = true; break; }
    if (cur) cur.push(line);
  }
  if (!closed) throw new Error(`multipart boundary ${boundary} is never closed`);
  if (!parts.length) throw new Error('multipart with no parts');
  return parts;
}

function renderEntity(text: string, att: DecodedEmail['attachments'], depth = 0): string[] {
  if (depth > 8) throw new Error('MIME nesting too deep');
  const { head, body } = splitHeadBody(text);
  const hs = parseHeaders(head);
  const ct = parseParams(hget(hs, 'Content-Type') || 'text/plain; charset=us-ascii');
  const disp = parseParams(hget(hs, 'Content-Disposition') || 'inline');
  if (ct.value.startsWith('multipart/')) {
    if (!ct.params.boundary) throw new Error('multipart without boundary');
    const kids = splitMultipart(body, ct.params.boundary).map((p) => renderEntity(p, att, depth + 1));
    if (ct.value === 'multipart/alternative') return kids.flat();
    let acc = [''];
    for (const k of kids) {
      const vs = k.length ? k : [''];
      acc = acc.flatMap((a) => vs.map((v) => (a && v ? a + '\n\n' + v : a || v)));
    }
    return acc;
  }
  const bytes = decodeBytes(body, hget(hs, 'Content-Transfer-Encoding'));
  if (disp.value === 'attachment' || !ct.value.startsWith('text/')) {
    const filename = disp.params.filename || ct.params.name || '(unnamed)';
    att.push({ filename, type: ct.value, text: ct.value.startsWith('text/') ? decodeCharset(bytes, ct.params.charset || 'utf-8') : '' });
    return [];
  }
  const decoded = decodeCharset(bytes, ct.params.charset);
  if (ct.value === 'text/html') return [htmlToText(decoded)];
  if (ct.value === 'text/plain') return [decoded];
  throw new Error(`unsupported inline part ${ct.value}`);
}

export function decodeEmail(raw: string): DecodedEmail {
  const s = raw.replace(/\r\n?/g, '\n');
  const headers = parseHeaders(splitHeadBody(s).head);
  const attachments: DecodedEmail['attachments'] = [];
  const views = renderEntity(s, attachments);
  if (!views.length) throw new Error('message has no text body');
  return { headers, views, attachments };
}
