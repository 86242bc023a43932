import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { ResponseStore } from './cached-provider.js';

/** A ResponseStore over a folder: one <key>.json per cached response (evals/.cache by default). */
export function fileResponseStore(dir: string): ResponseStore {
  return {
    async get(key) {
      const file = join(dir, `${key}.json`);
      if (!existsSync(file)) return undefined;
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${key}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify(value));
      renameSync(`${file}.tmp`, file);
    },
  };
}
