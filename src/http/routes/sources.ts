import { Hono } from 'hono';
import { z } from 'zod';
import { assignSource, getSourceRow, ingestSource, listSources, retrySource, toSourceSummary } from '../../ingest/index.js';
import { listItemsForSource } from '../../memory/index.js';
import { readJson } from '../errors.js';
import type { AppEnv } from '../types.js';

const AssignBody = z.object({ accountId: z.string().min(1) });

export const sourceRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const stored = await ingestSource(c.get('ctx'), await readJson(c));
    return c.json({ id: stored.id, status: stored.status, accountId: stored.accountId, duplicate: !stored.created }, stored.created ? 202 : 200);
  })
  .get('/', async (c) => c.json({ sources: await listSources(c.get('ctx').db, c.req.query()) }))
  .get('/:id', async (c) => {
    const { db } = c.get('ctx');
    const row = await getSourceRow(db, c.req.param('id'));
    const items = row.status === 'processed' ? await listItemsForSource(db, row.id) : null;
    return c.json({ ...toSourceSummary(row), items });
  })
  .post('/:id/assign', async (c) => {
    const body = AssignBody.parse(await readJson(c));
    return c.json(await assignSource(c.get('ctx'), c.req.param('id'), body.accountId));
  })
  .post('/:id/retry', async (c) => c.json(await retrySource(c.get('ctx'), c.req.param('id'))));
