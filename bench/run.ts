import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

// `npm run bench [name...]`: runs each bench/*.bench.ts in its own process (so memory figures are
// its own) and prints the machine first. Each bench prints its own figures as ratios or medians.

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

const cpu = cpus();
console.log(`machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.replace('.bench.ts', '')} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${f}`], { stdio: 'inherit', env: { ...process.env, LIAISON_LOG_LEVEL: 'silent' } });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
