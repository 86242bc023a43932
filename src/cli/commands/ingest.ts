import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flag, UsageError } from '../args.js';
import type { Command } from './types.js';

/** The token the local server printed: --token, LIAISON_API_TOKEN, or the data dir's api-token file. */
export function localToken(explicit?: string): string {
  if (explicit) return explicit;
  if (process.env.LIAISON_API_TOKEN) return process.env.LIAISON_API_TOKEN;
  const file = join(process.env.LIAISON_DATA_DIR ?? './.liaison', 'api-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new UsageError('no API token: pass --token, set LIAISON_API_TOKEN, or run from the directory where `npm start` ran');
}

export const ingest: Command = {
  name: 'ingest',
  usage: 'liaison ingest <file.json|file.eml> [--url http://localhost:8787] [--token T] [--account-domain d --account-name n]',
  summary: 'post a case-shaped JSON (transcript or email) or a raw .eml to a running server',
  async run(args) {
    const file = args.positionals[0];
    if (!file) throw new UsageError('ingest needs a file');
    const url = (flag(args, 'url') ?? `http://localhost:${process.env.PORT ?? 8787}`).replace(/\/$/, '');
    const text = readFileSync(file, 'utf8');
    let body: unknown;
    if (file.endsWith('.eml')) {
      const name = flag(args, 'account-name');
      const domain = flag(args, 'account-domain');
      body = { kind: 'email', source: { raw: text }, ...(name ? { account: { name, domain } } : {}) };
    } else {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      // An eval case file works as is: gold, notes and id are never sent.
      const { gold: _g, notes: _n, id: _i, ...input } = parsed;
      if (input.kind === 'email') delete input.date;
      body = input;
    }
    const res = await fetch(`${url}/api/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${localToken(flag(args, 'token'))}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch((err: Error) => {
      throw new UsageError(`cannot reach ${url} (${(err.cause as Error | undefined)?.message ?? err.message}); is \`npm start\` running?`);
    });
    const out = await res.text();
    console.log(out);
    return res.ok ? 0 : 1;
  },
};
