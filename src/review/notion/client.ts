import { Client, LogLevel } from '@notionhq/client';
import type { Config } from '../../config/env.js';
import type { Logger } from '../../logger.js';

export type NotionConfig = Pick<Config, 'NOTION_TOKEN' | 'NOTION_ACCOUNTS_PARENT_PAGE_ID' | 'NOTION_LEADERSHIP_DATABASE_ID'>;

/** Whether approval publishes anywhere: a token and at least the accounts parent page. */
export function notionConfigured(config: NotionConfig): boolean {
  return Boolean(config.NOTION_TOKEN && config.NOTION_ACCOUNTS_PARENT_PAGE_ID);
}

const clients = new Map<string, Client>();

/**
 * One client per token, built on first use. fetch is looked up per call so a test's msw sees it; the SDK
 * retries 429 rate_limited (honouring Retry-After) and 5xx on reads.
 */
export function notionClient(config: NotionConfig, logger: Logger): Client {
  const token = config.NOTION_TOKEN!;
  let c = clients.get(token);
  if (!c) {
    c = new Client({
      auth: token,
      fetch: (url, init) => globalThis.fetch(url, init),
      retry: { maxRetries: 3, initialRetryDelayMs: 500, maxRetryDelayMs: 15_000 },
      timeoutMs: 30_000,
      logLevel: LogLevel.WARN,
      logger: (level, message, extra) => logger.warn(`notion ${level}: ${message}`, { extra }),
    });
    clients.set(token, c);
  }
  return c;
}
