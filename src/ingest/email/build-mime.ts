// Rebuilds an RFC 5322 message from a provider's parsed fields, so that parsed-mode deliveries take
// the same raw-MIME path as everything else. Bodies go out base64 in UTF-8; header values as UTF-8
// (RFC 6532), which postal-mime reads.

export interface MimeParts {
  headers: Array<[string, string]>;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string | null; contentType: string; content: Uint8Array }>;
}

const SKIP = /^(content-type|content-transfer-encoding|mime-version)$/i;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/.{76}(?=.)/g, '$&\r\n');
}

export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const clean = (v: string) => v.replace(/[\r\n]+\s*/g, ' ').trim();
const utf8 = (s: string) => toBase64(new TextEncoder().encode(s));

function part(contentType: string, body: string, extra: string[] = []): string {
  return [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', ...extra, '', body].join('\r\n');
}

function multipart(subtype: string, parts: string[], n: number): { type: string; body: string } {
  const boundary = `=_liaison_${n}_${parts.length}`;
  return { type: `multipart/${subtype}; boundary="${boundary}"`, body: `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--` };
}

export function buildMime(m: MimeParts): string {
  const views: string[] = [];
  if (m.text !== null) views.push(part('text/plain; charset=utf-8', utf8(m.text)));
  if (m.html !== null) views.push(part('text/html; charset=utf-8', utf8(m.html)));
  if (!views.length) views.push(part('text/plain; charset=utf-8', ''));
  let top = views.length > 1 ? multipart('alternative', views, 1) : null;
  let body = top ? top.body : views[0]!.split('\r\n\r\n').slice(1).join('\r\n\r\n');
  let type = top ? top.type : 'text/plain; charset=utf-8';
  if (m.attachments.length) {
    const inner = top ? `Content-Type: ${top.type}\r\n\r\n${top.body}` : views[0]!;
    const files = m.attachments.map((a) =>
      part(`${a.contentType}${a.filename ? `; name="${clean(a.filename)}"` : ''}`, toBase64(a.content), a.filename ? [`Content-Disposition: attachment; filename="${clean(a.filename)}"`] : []),
    );
    top = multipart('mixed', [inner, ...files], 2);
    body = top.body;
    type = top.type;
  }
  const headers = m.headers.filter(([k]) => !SKIP.test(k)).map(([k, v]) => `${clean(k)}: ${clean(v)}`);
  const encoding = top ? [] : ['Content-Transfer-Encoding: base64'];
  return [...headers, 'MIME-Version: 1.0', `Content-Type: ${type}`, ...encoding, '', body, ''].join('\r\n');
}
