import { Hono } from 'hono';
import { searchAccount } from '../../memory/index.js';
import type { AppEnv } from '../types.js';

/** GET /api/search?q=&account=&limit= : hybrid search, ranked passages with citations. */
export const searchRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const q = c.req.query();
  return c.json(await searchAccount(c.get('ctx'), { q: q.q ?? '', account: q.account || undefined, limit: q.limit as never }));
});
