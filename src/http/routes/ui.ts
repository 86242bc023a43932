import { Hono } from 'hono';
import type { AppEnv } from '../types.js';

// Filled in by the drafts/review issue: the server-rendered review UI.
export const uiRoutes = new Hono<AppEnv>().get('/', (c) =>
  c.text('Liaison is running. The JSON API is under /api (Authorization: Bearer <token>).'),
);
