import { Hono } from 'hono';
import { listAudit } from '../../audit.js';
import { draftPeriodic } from '../../draft/index.js';
import { approveAndPublish, editDraft, getDraft, listDraftEdits, listDrafts, rejectDraft, retryPublish } from '../../review/index.js';
import { readJson } from '../errors.js';
import type { AppEnv } from '../types.js';

async function optionalJson(c: Parameters<typeof readJson>[0]): Promise<unknown> {
  const text = await c.req.raw.clone().text();
  return text.trim() ? readJson(c) : {};
}

export const draftRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await listDrafts(c.get('ctx').db, c.req.query())))
  // The write-ups and chasers time calls for; the scheduler runs the same verb.
  .post('/periodic', async (c) => c.json(await draftPeriodic(c.get('ctx'), await optionalJson(c))))
  .get('/:id', async (c) => {
    const { db } = c.get('ctx');
    const id = c.req.param('id');
    const [draft, edits, audit] = await Promise.all([getDraft(db, id), listDraftEdits(db, id), listAudit(db, 'draft', id)]);
    return c.json({ ...draft, edits, audit });
  })
  .post('/:id/approve', async (c) => c.json(await approveAndPublish(c.get('ctx'), c.req.param('id'), await optionalJson(c))))
  .post('/:id/publish', async (c) => c.json(await retryPublish(c.get('ctx'), c.req.param('id'))))
  .post('/:id/reject', async (c) => c.json(await rejectDraft(c.get('ctx'), c.req.param('id'), await readJson(c))))
  .patch('/:id', async (c) => c.json(await editDraft(c.get('ctx'), c.req.param('id'), await readJson(c))));
