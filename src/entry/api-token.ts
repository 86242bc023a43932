import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/env.js';

/** LIAISON_API_TOKEN, or one generated on first start and kept (mode 600) in the data dir. */
export function resolveApiToken(config: Config): { token: string; generated: boolean; file: string | null } {
  if (config.LIAISON_API_TOKEN) return { token: config.LIAISON_API_TOKEN, generated: false, file: null };
  mkdirSync(config.LIAISON_DATA_DIR, { recursive: true });
  const file = join(config.LIAISON_DATA_DIR, 'api-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  const token = `lia_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, generated: true, file };
}
