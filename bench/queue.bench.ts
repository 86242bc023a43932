import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertDraft } from '../src/draft/index.js';
import { startNodeServer } from '../src/entry/node-server.js';
import { CORES, fmtMs, median, percentile, report } from './lib.js';

// Review queue: time to render the queue page (HTML, signed in, over HTTP on loopback) with 1,000
// pending drafts in the database, PGlite on disk. Pages hold 25 drafts; the count and filters run in SQL.

const DRAFTS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
const server = await startNodeServer({ PORT: '0', HOST: '127.0.0.1', LIAISON_DATA_DIR: dir, LIAISON_LOG_LEVEL: 'silent' }, { quiet: true });
const db = server.base.db;
const url = server.url.replace('localhost', '127.0.0.1');

async function seed() {
  const kinds = ['recap', 'ack', 'handoff', 'flag', 'writeup', 'chaser'] as const;
  for (let a = 0; a < 12; a++) {
    await db.query('INSERT INTO accounts (id, name, slug, am_email) VALUES ($1, $2, $3, $4)', [`acc_b${a}`, `Bench Account ${a}`, `bench-${a}`, `am${a % 3}@agency.example`]);
  }
  for (let i = 0; i < DRAFTS; i++) {
    await upsertDraft({ db }, {
      kind: kinds[i % kinds.length]!, accountId: `acc_b${i % 12}`, sourceId: null, itemId: null,
      title: `Draft ${i}: follow up on the landing page and the Google Ads budget`,
      body: 'Hi Dana,\n\nThanks for the time today. A quick recap.\n\n'.concat('- A next step with an owner and a date (by 2026-03-20)\n'.repeat(12)),
      evidence: Array.from({ length: 4 }, (_, k) => ({ itemId: null, sourceId: 'src_bench', quote: `Quote ${k} of draft ${i}, verbatim from the call.`, speaker: 'Dana Client', at: 60 * k, url: `https://fathom.video/share/x?t=${60 * k}` })),
      dedupeKey: `bench:${i}`,
    });
  }
}

async function signIn(): Promise<string> {
  const login = await fetch(`${url}/login`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const loginCookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const res = await fetch(`${url}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: loginCookie, origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, token: server.token, next: '/' }).toString(),
  });
  return res.headers.getSetCookie().find((c) => c.startsWith('__Host-liaison_session='))!.split(';')[0]!;
}

async function time(path: string, cookie: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    const html = await res.text();
    out.push(performance.now() - t0);
    if (res.status !== 200 || !html.includes('id="queue"')) throw new Error(`GET ${path}: ${res.status}`);
  }
  return out;
}

try {
  const t0 = performance.now();
  await seed();
  console.log(`  seeded ${DRAFTS} pending drafts in ${fmtMs(performance.now() - t0)}; ${RUNS} requests per case; ${CORES} cores`);
  const cookie = await signIn();
  await time('/', cookie, 20); // warm-up
  for (const [name, path] of [['queue page 1', '/'], ['queue page 20 (offset 475)', '/?page=20'], ['queue filtered by kind + AM', '/?kind=ack&am=am1%40agency.example']] as const) {
    const ts = await time(path, cookie, RUNS);
    const p95 = percentile(ts, 95);
    report(`${name}: p95`, fmtMs(p95), '<= 100 ms', p95 <= 100);
    report('  median', fmtMs(median(ts)));
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
