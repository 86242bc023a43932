import { Hono } from 'hono';
import { createAccount, getAccount, listAccounts } from '../../ingest/index.js';
import { getAccountState, getAccountTimeline } from '../../memory/index.js';
import { readJson } from '../errors.js';
import type { AppEnv } from '../types.js';

export const accountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ accounts: await listAccounts(c.get('ctx').db) }))
  .post('/', async (c) => c.json(await createAccount(c.get('ctx'), (await readJson(c)) as never), 201))
  // The account's own fields at the top level (as before), and where it stands under `state`.
  .get('/:id', async (c) => {
    const ctx = c.get('ctx');
    const state = await getAccountState(ctx.db, c.req.param('id'), ctx.clock.now());
    return c.json({ ...(await getAccount(ctx.db, state.account.id)), state });
  })
  .get('/:id/timeline', async (c) => c.json(await getAccountTimeline(c.get('ctx').db, c.req.param('id'), c.req.query())));
