import { Hono } from 'hono';
import { z } from 'zod';
import { getItemDetail, listItems, setItemStatus, splitMention } from '../../memory/index.js';
import { readJson } from '../errors.js';
import type { AppEnv } from '../types.js';

const StatusBody = z.object({ status: z.string().min(1) });

export const itemRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ items: await listItems(c.get('ctx').db, c.req.query()) }))
  .get('/:id', async (c) => c.json(await getItemDetail(c.get('ctx').db, c.req.param('id'))))
  .post('/:id/status', async (c) => {
    const body = StatusBody.parse(await readJson(c));
    return c.json(await setItemStatus(c.get('ctx'), c.req.param('id'), body.status));
  })
  // Undo a merge: the merged mention becomes its own item again.
  .post('/:id/mentions/:mentionId/split', async (c) => c.json(await splitMention(c.get('ctx'), c.req.param('id'), c.req.param('mentionId')), 201));
