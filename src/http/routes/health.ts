import { Hono } from 'hono';
import { ping } from '../../db/types.js';
import type { AppEnv } from '../types.js';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { base } = c.get('deps');
  await ping(base.db);
  return c.json({ ok: true, db: base.db.driver, extractor: base.extractor.name, embedder: base.embedder.name });
});
