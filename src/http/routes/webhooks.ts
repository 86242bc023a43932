import { Hono } from 'hono';
import { receiveFathomWebhook } from '../../ingest/index.js';
import { ctxFor } from '../auth.js';
import type { AppEnv } from '../types.js';

export const webhookRoutes = new Hono<AppEnv>()
  // Fathom "new meeting content ready": signed with Standard Webhooks; 202 once stored, 200 for a redelivery.
  .post('/fathom', async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    const r = await receiveFathomWebhook(ctxFor(c, 'fathom'), { headers: c.req.raw.headers, body });
    return c.json({ id: r.sourceId, status: r.status, recordingId: r.recordingId, duplicate: r.duplicate }, r.duplicate ? 200 : 202);
  });
