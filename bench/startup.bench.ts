import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORES, fmtMs, median, report } from './lib.js';

// Start-up to a healthy /healthz, as `npm start` runs it (scripts/start.mjs: the bundled server,
// migrations, PGlite on disk): cold = a new data dir (initdb + migrations), warm = the same dir again.
// The bundle is built once before timing; a rebuild after a source change adds about 0.2 s.

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
let port = 18000 + Math.floor(Math.random() * 2000);

async function startOnce(dataDir: string): Promise<number> {
  const p = port++;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'scripts/start.mjs'], {
    cwd: ROOT, env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', LIAISON_DATA_DIR: dataDir, LIAISON_LOG_LEVEL: 'silent' }, stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${p}/healthz`);
        if (res.ok) return performance.now() - t0;
      } catch { /* not listening yet */ }
      if (performance.now() - t0 > 60_000) throw new Error('no healthy /healthz within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

// Build the bundle (if stale) outside the timed runs, as the first `npm start` after a change does.
{
  const dir = mkdtempSync(join(tmpdir(), 'liaison-start-'));
  try { await startOnce(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-start-'));
  try {
    cold.push(await startOnce(dir));
    warm.push(await startOnce(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`  ${RUNS} runs each, ${CORES} cores`);
report('cold start (new data dir) -> /healthz, median', fmtMs(median(cold)), '<= 12 s', median(cold) <= 12_000);
report('warm start (existing data dir) -> /healthz, median', fmtMs(median(warm)), '<= 3 s', median(warm) <= 3000);
