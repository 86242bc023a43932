import { flag } from '../args.js';
import { parseEnv } from '../../config/env.js';
import { openDatabase } from '../../entry/open-db.js';
import { createEmbedder, readEmbedderRecord, reembed } from '../../memory/index.js';
import type { Command } from './types.js';

export const reembedCmd: Command = {
  name: 'reembed',
  usage: 'liaison reembed [--batch 64]',
  summary: 're-embed every chunk and item with the configured embedder (LIAISON_EMBEDDER); resumable',
  async run(args) {
    const config = parseEnv(process.env);
    const { db, where } = await openDatabase(config);
    try {
      const embedder = createEmbedder(config);
      const before = await readEmbedderRecord(db);
      console.log(`re-embedding ${where}: ${before ? before.name : '(nothing recorded)'} -> ${embedder.name}`);
      const started = Date.now();
      const result = await reembed({ db, embedder }, {
        batchSize: Number(flag(args, 'batch') ?? 64),
        onProgress: (p) => process.stdout.write(`\r  ${p.table}: ${p.done}/${p.total}${p.done === p.total ? '\n' : ''}`),
      });
      console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.chunks} chunk(s), ${result.items} item(s); embedder recorded as ${result.embedder}`);
    } finally {
      await db.close();
    }
  },
};
