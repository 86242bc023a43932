import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from './types.js';

export const bench: Command = {
  name: 'bench',
  usage: 'liaison bench [name...]',
  summary: 'run the benchmarks (all, or those whose file name contains a given name)',
  async run(args) {
    const runner = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', runner, ...args.positionals], { stdio: 'inherit' });
    return r.status ?? 1;
  },
};
