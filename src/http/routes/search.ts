import { Hono } from 'hono';
import type { AppEnv } from '../types.js';

// Filled in by the memory issue (hybrid search with citations).
export const searchRoutes = new Hono<AppEnv>();
