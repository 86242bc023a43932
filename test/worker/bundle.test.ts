import { describe, expect, it } from 'vitest';
import { buildWorker, GZIP_LIMIT, nodeBuiltinImports, packageOf } from './bundle.js';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe('the Worker bundle (wrangler deploy --dry-run, offline)', () => {
  it('bundles from wrangler.toml under the free plan limit, with no PGlite and no node: import from our code', () => {
    const b = buildWorker();
    console.log(`worker bundle: ${kib(b.rawBytes)} raw, ${kib(b.gzipBytes)} gzip (limit ${kib(GZIP_LIMIT)}); wrangler: ${b.wranglerLine}`);
    expect(b.rawBytes).toBeGreaterThan(0);
    expect(b.gzipBytes).toBeLessThan(GZIP_LIMIT);

    const inputs = Object.keys(b.metafile.inputs);
    // The whole app is in it, entered through the Worker.
    expect(inputs).toEqual(expect.arrayContaining(['src/entry/worker.ts', 'src/http/app.ts', 'src/jobs/runner.ts', 'src/db/pg.ts']));
    // PGlite cannot run on Workers (its wasm is loaded from import.meta.url); it must not be reachable.
    expect(inputs.filter((f) => /pglite/i.test(f))).toEqual([]);
    expect(inputs.filter((f) => f.startsWith('src/') && /(entry\/node|entry\/open-db|migrations-fs|\/cli\/)/.test(f))).toEqual([]);

    // Node built-ins come only from packages that nodejs_compat serves (pg and its helpers), never from src/.
    const builtins = nodeBuiltinImports(b.metafile);
    expect(builtins.filter((x) => packageOf(x.importer) === 'src')).toEqual([]);
    const byPackage = [...new Set(builtins.map((x) => `${packageOf(x.importer)}:${x.module}`))].sort();
    console.log(`node built-ins in the bundle: ${byPackage.join(' ')}`);
  });
});
