import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeServer } from '../../src/entry/node-server.js';
import { caseInput, loadCase } from '../helpers/cases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the Node server on the embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-node-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { PORT: '0', HOST: '127.0.0.1', LIAISON_DATA_DIR: dataDir, LIAISON_LOG_LEVEL: 'silent' };

  it('generates a token, keeps it, and keeps everything across a restart', { timeout: 180_000 }, async () => {
    const first = await startNodeServer(env, { quiet: true });
    const saved = readFileSync(join(dataDir, 'api-token'), 'utf8').trim();
    expect(first.token).toBe(saved);
    const auth = { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' };
    const res = await fetch(`${first.url}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify(caseInput(loadCase('d01'))) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await first.runner.drain();
    await first.close();

    const second = await startNodeServer(env, { quiet: true });
    try {
      expect(second.token).toBe(first.token);
      const src = (await (await fetch(`${second.url}/api/sources/${id}`, { headers: auth })).json()) as { status: string; items: { requests: unknown[] } };
      expect(src.status).toBe('processed');
      expect(src.items.requests.length).toBeGreaterThan(0);
      const drafts = (await (await fetch(`${second.url}/api/drafts?status=pending`, { headers: auth })).json()) as { total: number };
      expect(drafts.total).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('exits non-zero and names the field on a bad environment', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
      cwd: ROOT, env: { ...process.env, PORT: 'not-a-port', LIAISON_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('`npm start` (scripts/start.mjs) builds the bundle and serves a healthy /healthz', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-start-'));
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LIAISON_DATA_DIR: dir, LIAISON_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
      const url = await new Promise<string>((resolve, reject) => {
        const t = setInterval(() => {
          const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
          if (m) { clearInterval(t); resolve(m[1]!); }
          if (child.exitCode !== null) { clearInterval(t); reject(new Error(`exited ${child.exitCode}: ${out}`)); }
        }, 50);
      });
      expect(out).toMatch(/API token: lia_/);
      const res = await fetch(`${url}/healthz`);
      expect(await res.json()).toMatchObject({ ok: true, db: 'pglite', extractor: 'offline' });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
