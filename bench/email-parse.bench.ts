import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmailForwardParser from 'email-forward-parser';
import EmailReplyParser from 'email-reply-parser';
import PostalMime from 'postal-mime';
import { parseEmail } from '../src/ingest/email/index.js';
import { CORES, median, percentile, peakRssMb, report } from './lib.js';

// Parse-and-normalize throughput (messages/s) over the whole email fixture corpus, next to postal-mime
// alone on the same bytes in the same run. Target: ours / postal-mime >= 0.5, i.e. our layers (forward
// recovery, quote and signature split, dates, charset fix) cost no more than the MIME parse itself.

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/email/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARM = Number(process.env.BENCH_WARM ?? 1);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const wrap = (subject: string, type: string, body: string) =>
  new TextEncoder().encode(
    `From: Alex Amador <alex@agency.example>\r\nTo: acme@inbound.example.com\r\nSubject: ${subject}\r\nDate: Mon, 04 Dec 2023 12:00:00 +0300\r\nMessage-ID: <bench@agency.example>\r\nMIME-Version: 1.0\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}`,
  );

/** Every fixture as the raw message a delivery would carry: .eml as is, text and HTML bodies wrapped. */
function corpus(): Array<{ name: string; raw: Uint8Array }> {
  const out: Array<{ name: string; raw: Uint8Array }> = [];
  for (const p of files(FIXTURES)) {
    const name = p.slice(FIXTURES.length);
    if (/LICENSE|README|_subject|_reply_text$/.test(name)) continue;
    if (name.endsWith('.eml')) out.push({ name, raw: readFileSync(p) });
    else if (name.endsWith('.html')) out.push({ name, raw: wrap('Re: question', 'text/html', readFileSync(p, 'utf8')) });
    else if (name.endsWith('.txt')) out.push({ name, raw: wrap(name.includes('forward') ? 'Fwd: Integer consequat non purus' : 'Re: question', 'text/plain', readFileSync(p, 'utf8')) });
  }
  return out;
}

async function timeRun(msgs: Array<{ raw: Uint8Array }>, fn: (raw: Uint8Array) => Promise<unknown>): Promise<{ total: number; each: number[] }> {
  const each: number[] = [];
  const t0 = performance.now();
  for (const m of msgs) {
    const t = performance.now();
    await fn(m.raw);
    each.push(performance.now() - t);
  }
  return { total: performance.now() - t0, each };
}

const ours = (raw: Uint8Array) => parseEmail(raw, { agencyDomains: ['agency.example'], inboundDomain: 'inbound.example.com' });
const postal = (raw: Uint8Array) => PostalMime.parse(raw);
// The three libraries back to back with no layer of ours: what the pipeline cost when it ran on them (our
// forward reader and reply fragmenter now stand in for the two parsers; test/email/fast-path-conformance.test.ts).
const fwd = new EmailForwardParser();
const reply = new EmailReplyParser();
const libraries = async (raw: Uint8Array) => {
  const e = await PostalMime.parse(raw);
  const f = fwd.read(e.text ?? '', e.subject);
  return reply.read(f.email?.body ?? e.text ?? '');
};

const all = corpus();
const refused: string[] = [];
const msgs: typeof all = [];
for (const m of all) {
  try {
    await ours(m.raw);
    msgs.push(m);
  } catch {
    refused.push(m.name);
  }
}
const bytes = msgs.reduce((n, m) => n + m.raw.byteLength, 0);
console.log(`  corpus: ${msgs.length} messages, ${(bytes / 1024).toFixed(0)} KiB (${refused.length} refused as not an email and left out: ${refused.join(', ') || 'none'}); ${ROUNDS} rounds after ${WARM} warm-up pass${WARM === 1 ? '' : 'es'}, ${CORES} cores`);

// Warm both paths, then alternate so drift hits both alike. BENCH_WARM passes (default 1): V8 keeps
// optimizing parseEmail's functions for several passes, and postal-mime runs in all three paths, so
// BENCH_WARM=5 compares steady states; the default keeps the warm-up every earlier figure used.
for (let w = 0; w < WARM; w++) {
  await timeRun(msgs, postal);
  await timeRun(msgs, libraries);
  await timeRun(msgs, ours);
}
const postalRates: number[] = [];
const libRates: number[] = [];
const ourRates: number[] = [];
let ourEach: number[] = [];
// Per message, the fastest of the rounds: on a shared box, preemption lands on whichever pass is running,
// so the sum of per-message minimums is the steadier estimate of CPU cost. Both are printed.
const best = { postal: msgs.map(() => Infinity), libs: msgs.map(() => Infinity), ours: msgs.map(() => Infinity) };
const keepMin = (into: number[], each: number[]) => each.forEach((t, i) => { into[i] = Math.min(into[i]!, t); });
for (let r = 0; r < ROUNDS; r++) {
  const p = await timeRun(msgs, postal);
  const l = await timeRun(msgs, libraries);
  const o = await timeRun(msgs, ours);
  postalRates.push((msgs.length / p.total) * 1000);
  libRates.push((msgs.length / l.total) * 1000);
  ourRates.push((msgs.length / o.total) * 1000);
  keepMin(best.postal, p.each);
  keepMin(best.libs, l.each);
  keepMin(best.ours, o.each);
  ourEach = ourEach.concat(o.each);
}
const rateOf = (each: number[]) => (each.length / each.reduce((a, b) => a + b, 0)) * 1000;
const ratio = rateOf(best.ours) / rateOf(best.postal);
report('postal-mime alone: pass median / per-message best (msg/s)', `${median(postalRates).toFixed(0)} / ${rateOf(best.postal).toFixed(0)}`);
report('libraries only: postal + forward + reply parsers', `${median(libRates).toFixed(0)} / ${rateOf(best.libs).toFixed(0)}`);
report('parseEmail: parse + normalize', `${median(ourRates).toFixed(0)} / ${rateOf(best.ours).toFixed(0)}`);
report('parseEmail per message p50 / p99 (all rounds)', `${percentile(ourEach, 50).toFixed(2)} / ${percentile(ourEach, 99).toFixed(1)} ms`);
report('ratio libraries only / postal-mime (best)', (rateOf(best.libs) / rateOf(best.postal)).toFixed(2));
report('ratio ours / postal-mime (pass median)', (median(ourRates) / median(postalRates)).toFixed(2));
report('ratio ours / postal-mime (best)', ratio.toFixed(2), '>= 0.5', ratio >= 0.5);
report('peak RSS', `${peakRssMb().toFixed(0)} MB`);
if (ratio < 0.5) process.exitCode = 1;
