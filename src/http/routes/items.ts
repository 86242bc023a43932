import { Hono } from 'hono';
import { getItem } from '../../memory/index.js';
import type { AppEnv } from '../types.js';

export const itemRoutes = new Hono<AppEnv>().get('/:id', async (c) => c.json(await getItem(c.get('ctx').db, c.req.param('id'))));
