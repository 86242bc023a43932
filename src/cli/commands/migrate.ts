import { parseEnv } from '../../config/env.js';
import { openDatabase } from '../../entry/open-db.js';
import type { Command } from './types.js';

export const migrateCmd: Command = {
  name: 'migrate',
  usage: 'liaison migrate',
  summary: 'apply db/migrations to DATABASE_URL (or the embedded database)',
  async run() {
    const { db, applied, where } = await openDatabase(parseEnv(process.env));
    console.log(applied.length ? `applied ${applied.length} migration(s) to ${where}:\n  ${applied.join('\n  ')}` : `${where} is up to date`);
    await db.close();
  },
};
