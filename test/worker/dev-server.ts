import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** Environment for every wrangler run: no metrics, logs inside the project, no update nag. */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const logs = join(ROOT, '.wrangler', 'logs');
  mkdirSync(logs, { recursive: true });
  return { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG_PATH: logs, NO_COLOR: '1', ...extra };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export interface DevWorker {
  url: string;
  /** How long from spawn to the first 200 on /healthz, ms. */
  startMs: number;
  /** Everything wrangler and the worker printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Postgres URL that the HYPERDRIVE binding connects to locally. */
  databaseUrl: string;
  vars?: Record<string, string>;
  timeoutMs?: number;
}

/** `wrangler dev` on the project's wrangler.toml, as a child process on 127.0.0.1, with local Queues and cron. */
export async function startDevWorker(opts: StartOptions): Promise<DevWorker> {
  const [port, inspector] = [await freePort(), await freePort()];
  // A fresh clone has no .wrangler/ yet.
  mkdirSync(join(ROOT, '.wrangler'), { recursive: true });
  const persist = mkdtempSync(join(ROOT, '.wrangler', 'test-state-'));
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const args = [
    WRANGLER, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector),
    '--test-scheduled', '--persist-to', persist, '--log-level', 'info', ...vars,
  ];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: wranglerEnv({ CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: opts.databaseUrl }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends wrangler and the workerd it spawned, and nothing else.
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let dead = false;
  void exited.then(() => { dead = true; });

  const stop = async () => {
    if (!dead && child.pid) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(persist, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (dead) {
      await stop();
      throw new Error(`wrangler dev exited before it was ready:\n${out}`);
    }
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.status === 200) {
      await res.arrayBuffer();
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer 200 on /healthz within ${opts.timeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, startMs: performance.now() - started, output: () => out, stop };
}
