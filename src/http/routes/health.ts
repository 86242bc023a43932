import { Hono } from 'hono';
import type { AppEnv } from '../types.js';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { base } = c.get('deps');
  await base.db.query('SELECT 1');
  return c.json({ ok: true, db: base.db.driver, extractor: base.extractor.name, embedder: base.embedder.name });
});
