import type { Client } from '@notionhq/client';
import type { Db } from '../../db/types.js';
import type { Draft } from '../../domain/schemas.js';
import type { NotionConfig } from './client.js';
import { capBlocks, evidenceBlocks, heading, textToBlocks } from './blocks.js';

export interface PublishTarget {
  notion: Client;
  db: Db;
  config: NotionConfig;
  account: { id: string; name: string } | null;
  today: string;
}

const title = (content: string) => ({ title: [{ type: 'text' as const, text: { content: content.slice(0, 2000) } }] });

/** The account's one Notion page: found in notion_pages, else created under the parent page and remembered. */
export async function ensureAccountPage(t: PublishTarget): Promise<string> {
  const account = t.account!;
  const key = `account:${account.id}`;
  const [known] = await t.db.query<{ page_id: string }>('SELECT page_id FROM notion_pages WHERE key = $1', [key]);
  if (known) return known.page_id;
  const page = await t.notion.pages.create({
    parent: { type: 'page_id', page_id: t.config.NOTION_ACCOUNTS_PARENT_PAGE_ID! },
    properties: { title: title(account.name) },
  });
  // Two publishers racing: the first row wins and the other's page id is read back.
  await t.db.query('INSERT INTO notion_pages (key, page_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, page.id]);
  const [row] = await t.db.query<{ page_id: string }>('SELECT page_id FROM notion_pages WHERE key = $1', [key]);
  return row!.page_id;
}

let leadership: { databaseId: string; dataSourceId: string; titleProp: string } | null = null;

/** The leadership database's data source and its title property (2025-09-03 model), read once. */
async function leadershipSource(t: PublishTarget) {
  const databaseId = t.config.NOTION_LEADERSHIP_DATABASE_ID!;
  if (leadership?.databaseId === databaseId) return leadership;
  const db = await t.notion.databases.retrieve({ database_id: databaseId });
  const dataSourceId = 'data_sources' in db ? db.data_sources[0]?.id : undefined;
  if (!dataSourceId) throw new Error(`Notion database ${databaseId} has no data source`);
  const ds = await t.notion.dataSources.retrieve({ data_source_id: dataSourceId });
  const props = 'properties' in ds ? (ds.properties as Record<string, { type: string }>) : {};
  const titleProp = Object.entries(props).find(([, p]) => p.type === 'title')?.[0] ?? 'Name';
  leadership = { databaseId, dataSourceId, titleProp };
  return leadership;
}

/**
 * Publishes one approved draft and returns the Notion page it lives on. Flags go to the leadership data
 * source; the write-up updates the account page itself; other drafts become entries under the account page.
 * A draft that already has an external ref is updated, not created again.
 */
export async function publishToNotion(t: PublishTarget, draft: Draft, externalRef: string | null): Promise<string> {
  const body = capBlocks([...textToBlocks(draft.body), ...evidenceBlocks(draft.evidence)]);
  if (draft.kind === 'flag' && t.config.NOTION_LEADERSHIP_DATABASE_ID) {
    const src = await leadershipSource(t);
    if (externalRef) {
      await t.notion.pages.update({ page_id: externalRef, properties: { [src.titleProp]: title(draft.title) } });
      return externalRef;
    }
    const page = await t.notion.pages.create({ parent: { type: 'data_source_id', data_source_id: src.dataSourceId }, properties: { [src.titleProp]: title(draft.title) }, children: body as never });
    return page.id;
  }
  if (!t.account) throw new Error(`draft ${draft.id} has no account to publish under`);
  const accountPage = await ensureAccountPage(t);
  if (draft.kind === 'writeup') {
    if (externalRef) return externalRef;
    await t.notion.pages.update({ page_id: accountPage, properties: { title: title(t.account.name) } });
    await t.notion.blocks.children.append({ block_id: accountPage, children: capBlocks([heading(`${draft.title} (updated ${t.today})`), ...body]) as never });
    return accountPage;
  }
  if (externalRef) {
    await t.notion.pages.update({ page_id: externalRef, properties: { title: title(draft.title) } });
    return externalRef;
  }
  const page = await t.notion.pages.create({ parent: { type: 'page_id', page_id: accountPage }, properties: { title: title(draft.title) }, children: body as never });
  return page.id;
}
