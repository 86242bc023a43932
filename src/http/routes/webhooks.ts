import { Hono } from 'hono';
import type { AppEnv } from '../types.js';

// Filled in by the Fathom issue: POST /webhooks/fathom.
export const webhookRoutes = new Hono<AppEnv>();
