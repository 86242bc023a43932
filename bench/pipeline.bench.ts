import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNodeServer } from '../src/entry/node-server.js';
import { longCall, wordCount } from './fixtures/long-call.js';
import { CORES, fmtMs, median, percentile, report } from './lib.js';

// Spine: time from POST /api/sources to `processed` with its drafts, for a 60-minute call, offline pipeline.
// The server is real (HTTP on loopback, PGlite on disk); the clock stops when GET shows processed
// and the recap draft is listed.

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
const server = await startNodeServer({ PORT: '0', HOST: '127.0.0.1', LIAISON_DATA_DIR: dir, LIAISON_LOG_LEVEL: 'silent' }, { quiet: true });
const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };

const call = longCall(9000);
console.log(`  call: ${call.source.entries.length} turns, ${wordCount(call)} words, 60 minutes; ${CORES} cores`);

async function once(i: number): Promise<number> {
  const body = JSON.stringify({ ...call, source: { ...call.source, title: `Deep-dive ${i}` } });
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/sources`, { method: 'POST', headers, body });
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const s = (await (await fetch(`${server.url}/api/sources/${id}`, { headers })).json()) as { status: string };
    if (s.status === 'processed') break;
    if (s.status === 'failed') throw new Error(`source ${id} failed`);
    // Every GET is a query on the same single-threaded embedded database: polling faster than this
    // slows the processing it is timing.
    await new Promise((r) => setTimeout(r, 10));
  }
  const t = performance.now() - t0;
  const drafts = (await (await fetch(`${server.url}/api/drafts?status=pending&limit=200`, { headers })).json()) as { drafts: Array<{ sourceId: string; kind: string }> };
  if (!drafts.drafts.some((d) => d.sourceId === id && d.kind === 'recap')) throw new Error('no recap drafted');
  return t;
}

try {
  await once(-1); // warm-up: JIT, first-use caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once(i));
  const med = median(times);
  report('POST -> processed with drafts, median', fmtMs(med), '<= 250 ms', med <= 250);
  report('  p90', fmtMs(percentile(times, 90)));
  report('  runs', String(RUNS));
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
