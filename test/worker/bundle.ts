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
