import { buildWorker, GZIP_LIMIT, profileStartup, STARTUP_LIMIT_MS } from '../test/worker/bundle.js';
import { servePglite } from '../test/worker/db-server.js';
import { startDevWorker } from '../test/worker/dev-server.js';
import { fmtMs, median, report } from './lib.js';

// The Worker: bundle size (wrangler deploy --dry-run, offline) against the free plan's 3 MB gzip limit,
// startup CPU (wrangler check startup) against Cloudflare's 1 s limit,
// and cold start of the local worker: spawn `wrangler dev` to the first 200 on /healthz (which runs a
// query through the Hyperdrive binding to PGlite served over the wire), median of RUNS runs.

const RUNS = Number(process.env.WORKER_BENCH_RUNS ?? 5);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const b = buildWorker();
report('bundle raw (uploaded modules)', kib(b.rawBytes));
report('bundle gzip', kib(b.gzipBytes), `< ${kib(GZIP_LIMIT)}`, b.gzipBytes < GZIP_LIMIT);
report('wrangler deploy --dry-run time', fmtMs(b.buildMs));
console.log(`  wrangler says: ${b.wranglerLine}`);

// What Cloudflare limits: CPU to evaluate the global scope, profiled locally (a different CPU than Cloudflare's).
const startup = Array.from({ length: 3 }, () => profileStartup());
report('startup CPU, global scope (wrangler check startup, median of 3)', fmtMs(median(startup)), `< ${STARTUP_LIMIT_MS} ms`, median(startup) < STARTUP_LIMIT_MS);

const db = await servePglite();
const starts: number[] = [];
const firstQuery: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const w = await startDevWorker({ databaseUrl: db.url, vars: { LIAISON_API_TOKEN: 'bench-token-0123456789abcdef', LIAISON_LOG_LEVEL: 'warn' }, timeoutMs: 120_000 });
    try {
      starts.push(w.startMs);
      const t = performance.now();
      const res = await fetch(`${w.url}/healthz`);
      await res.arrayBuffer();
      firstQuery.push(performance.now() - t);
    } finally {
      await w.stop();
    }
  }
} finally {
  await db.close();
}
report(`cold start: spawn to first 200 /healthz (median of ${RUNS})`, fmtMs(median(starts)));
report('cold start: min / max', `${fmtMs(Math.min(...starts))} / ${fmtMs(Math.max(...starts))}`);
report('warm /healthz right after (median)', fmtMs(median(firstQuery)));
