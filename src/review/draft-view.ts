import { listAudit, type AuditEntry } from '../audit.js';
import type { Db } from '../db/types.js';
import type { Draft } from '../domain/schemas.js';
import { getSourceRow, readNormalized } from '../ingest/index.js';
import { getDraft, listDraftEdits } from './drafts.js';

export interface DraftView {
  draft: Draft;
  accountName: string | null;
  edits: Awaited<ReturnType<typeof listDraftEdits>>;
  audit: AuditEntry[];
  /** The client-side addresses of the source (for the recap's mailto: link). */
  recipients: string[];
  /** Where the approved draft lives in Notion, once published. */
  notionUrl: string | null;
}

/** Everything the draft page shows, in one read. */
export async function getDraftView(db: Db, id: string): Promise<DraftView> {
  const draft = await getDraft(db, id);
  const [edits, audit, account, recipients, ref] = await Promise.all([
    listDraftEdits(db, id),
    listAudit(db, 'draft', id),
    draft.accountId ? db.query<{ name: string }>('SELECT name FROM accounts WHERE id = $1', [draft.accountId]) : Promise.resolve([]),
    clientRecipients(db, draft.sourceId),
    db.query<{ external_ref: string | null }>('SELECT external_ref FROM drafts WHERE id = $1', [id]),
  ]);
  const pageId = draft.status === 'published' ? ref[0]?.external_ref : null;
  const notionUrl = pageId && /^[\w-]+$/.test(pageId) ? `https://www.notion.so/${pageId.replace(/-/g, '')}` : null;
  return { draft, accountName: account[0]?.name ?? null, edits, audit, recipients, notionUrl };
}

async function clientRecipients(db: Db, sourceId: string | null): Promise<string[]> {
  if (!sourceId) return [];
  const src = readNormalized(await getSourceRow(db, sourceId).catch(() => ({ id: sourceId, normalized: null })));
  return [...new Set((src?.participants ?? []).filter((p) => p.side === 'client' && p.email).map((p) => p.email!.toLowerCase()))];
}

/** Counts for the queue's banner: sources that need a human. */
export async function sourceCounts(db: Db): Promise<{ unassigned: number; failed: number }> {
  const [r] = await db.query<{ unassigned: number; failed: number }>(
    `SELECT count(*) FILTER (WHERE status = 'unassigned')::int AS unassigned, count(*) FILTER (WHERE status = 'failed')::int AS failed
     FROM sources WHERE status IN ('unassigned', 'failed')`,
  );
  return { unassigned: r?.unassigned ?? 0, failed: r?.failed ?? 0 };
}
