import { Hono } from 'hono';
import { createAccount, getAccount, listAccounts } from '../../ingest/index.js';
import { readJson } from '../errors.js';
import type { AppEnv } from '../types.js';

export const accountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ accounts: await listAccounts(c.get('ctx').db) }))
  .post('/', async (c) => c.json(await createAccount(c.get('ctx'), (await readJson(c)) as never), 201))
  .get('/:id', async (c) => c.json(await getAccount(c.get('ctx').db, c.req.param('id'))));
