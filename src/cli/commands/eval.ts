import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport, checkGate, formatErrors, formatGate, formatReport, Gate, suggestGate, Prediction, predictCases, type ProviderName } from '../../eval/index.js';
import { fileResponseStore } from '../../eval/file-store.js';
import { loadCases, validateCases } from '../../eval/load-cases.js';
import { flag, UsageError } from '../args.js';
import type { Command } from './types.js';

const PROVIDERS: ProviderName[] = ['offline', 'openai', 'anthropic'];

export const evalCmd: Command = {
  name: 'eval',
  usage: 'liaison eval --cases <dir> --provider <offline|openai|anthropic> [--predictions <dir>] [--out report.json] [--gate gate.json] [--only d01,d09] [--errors] [--suggest-gate] [--score-only] [--no-cache] [--cache dir]',
  summary: 'run eval cases through the pipeline, write predictions, score them (SCORING.md) and check a regression gate',
  async run(args) {
    const casesDir = flag(args, 'cases');
    const provider = (flag(args, 'provider') ?? 'offline') as ProviderName;
    if (!casesDir) throw new UsageError('eval needs --cases <dir>');
    if (!PROVIDERS.includes(provider)) throw new UsageError(`--provider must be one of ${PROVIDERS.join(', ')}`);
    const predDir = flag(args, 'predictions') ?? join('evals', 'predictions', provider);
    let validated: string | null;
    try {
      validated = validateCases(casesDir);
    } catch (err) {
      console.error((err as Error).message);
      return 1;
    }
    if (validated) process.stderr.write(`${validated}\n`);
    const only = flag(args, 'only')?.split(',').map((x) => x.trim()).filter(Boolean);
    const cases = loadCases(casesDir).filter((c) => !only || only.includes(c.id));
    if (!cases.length) throw new UsageError(`no cases in ${casesDir}${only ? ` matching --only ${only.join(',')}` : ''}`);

    const predictions = new Map<string, unknown>();
    if (args.flags['score-only']) {
      // Score predictions already on disk (another system's, or an earlier run's).
      for (const c of cases) {
        const file = join(predDir, `${c.id}.json`);
        predictions.set(c.id, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});
      }
    } else {
      const store = provider === 'offline' || args.flags['no-cache'] ? null : fileResponseStore(flag(args, 'cache') ?? join('evals', '.cache'));
      const t0 = Date.now();
      const res = await predictCases(cases, {
        provider, env: process.env, store,
      }).catch((err: unknown) => {
        // e.g. a provider this build does not have: say so instead of a stack trace
        if (err instanceof Error && !(err.name === 'ConfigError')) throw new UsageError(`cannot run the ${provider} pipeline: ${err.message}`);
        throw err;
      });
      process.stderr.write(`predicted ${cases.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      if (res.cache) process.stderr.write(`provider cache: ${res.cache.hits} hits, ${res.cache.misses} misses\n`);
      for (const [id, why] of res.errors) process.stderr.write(`warning: ${id}: ${why}\n`);
      mkdirSync(predDir, { recursive: true });
      for (const [id, p] of res.predictions) {
        writeFileSync(join(predDir, `${id}.json`), `${JSON.stringify(p, null, 2)}\n`);
        predictions.set(id, p);
      }
    }

    const inputs = cases.map((c) => {
      const parsed = Prediction.safeParse(predictions.get(c.id) ?? {});
      if (!parsed.success) throw new UsageError(`${c.id}: prediction is not in the SCORING.md shape: ${parsed.error.message}`);
      return { case: c, prediction: parsed.data };
    });
    const report = buildReport(inputs, { provider });
    console.log(formatReport(report));
    if (args.flags.errors) console.log(`\n${formatErrors(report)}`);
    const out = flag(args, 'out');
    if (out) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

    if (args.flags['suggest-gate']) console.log(`\nsuggested gate (a little under these scores):\n${JSON.stringify(suggestGate(report), null, 2)}`);
    const gateFile = flag(args, 'gate');
    if (!gateFile) return 0;
    const checks = checkGate(report, Gate.parse(JSON.parse(readFileSync(gateFile, 'utf8'))));
    console.log(`\n${formatGate(checks)}`);
    return checks.every((c) => c.ok) ? 0 : 1;
  },
};
