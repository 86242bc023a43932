import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, WRANGLER, wranglerEnv } from './dev-server.js';

export interface Metafile {
  inputs: Record<string, { bytes: number; imports: Array<{ path: string; original?: string; external?: boolean }> }>;
  outputs: Record<string, { bytes: number; inputs?: Record<string, { bytesInOutput: number }> }>;
}

export interface Bundle {
  /** Bytes of the uploaded modules (source maps are not uploaded). */
  rawBytes: number;
  gzipBytes: number;
  /** wrangler's own "Total Upload: ... / gzip: ..." line. */
  wranglerLine: string;
  metafile: Metafile;
  buildMs: number;
}

/** `wrangler deploy --dry-run --outdir`: bundles the Worker offline, without an account. */
export function buildWorker(): Bundle {
  const outdir = mkdtempSync(join(tmpdir(), 'liaison-worker-'));
  try {
    const started = performance.now();
    const r = spawnSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')], {
      cwd: ROOT, env: wranglerEnv(), encoding: 'utf8', timeout: 120_000,
    });
    const buildMs = performance.now() - started;
    const output = `${r.stdout}\n${r.stderr}`;
    if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed (${r.status}):\n${output}`);
    const modules = readdirSync(outdir).filter((f) => /\.(m?js|wasm)$/.test(f));
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const f of modules) {
      const bytes = readFileSync(join(outdir, f));
      rawBytes += bytes.byteLength;
      gzipBytes += gzipSync(bytes).byteLength;
    }
    const metafile = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as Metafile;
    const wranglerLine = /Total Upload:[^\n]*/.exec(output)?.[0] ?? '(no size line)';
    return { rawBytes, gzipBytes, wranglerLine, metafile, buildMs };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Node built-ins reached by the bundle, with the file that imports each. */
export function nodeBuiltinImports(meta: Metafile): Array<{ importer: string; module: string }> {
  const out: Array<{ importer: string; module: string }> = [];
  for (const [importer, input] of Object.entries(meta.inputs)) {
    for (const i of input.imports) {
      const m = /^(?:node-built-in-modules:|node:)(.+)$/.exec(i.path) ?? /^node:(.+)$/.exec(i.original ?? '');
      if (m) out.push({ importer, module: m[1]! });
    }
  }
  return out;
}

/** The npm package a bundled input belongs to, or "src" for our own code. */
export function packageOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1]! : input.startsWith('src/') ? 'src' : input;
}

export const GZIP_LIMIT = 3 * 1024 * 1024;

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/**
 * `wrangler check startup`: builds the Worker and profiles its startup (evaluating the global scope)
 * in local workerd. Returns the CPU time in the profile, idle samples excluded, in ms.
 */
export function profileStartup(): number {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-startup-'));
  try {
    const outfile = join(dir, 'startup.cpuprofile');
    const r = spawnSync(process.execPath, [WRANGLER, 'check', 'startup', '--outfile', outfile], {
      cwd: ROOT, env: wranglerEnv(), encoding: 'utf8', timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`wrangler check startup failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    const p = JSON.parse(readFileSync(outfile, 'utf8')) as CpuProfile;
    const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    let us = 0;
    p.samples.forEach((id, i) => { if (!idle.has(id)) us += p.timeDeltas[i] ?? 0; });
    return us / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cloudflare's limit on a Worker's startup (parse and run the global scope), since October 2025. */
export const STARTUP_LIMIT_MS = 1000;
