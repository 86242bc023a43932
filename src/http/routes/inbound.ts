import { Hono } from 'hono';
import type { AppEnv } from '../types.js';

// Filled in by the email issue: /inbound/email, /postmark, /sendgrid, /mailgun.
export const inboundRoutes = new Hono<AppEnv>();
