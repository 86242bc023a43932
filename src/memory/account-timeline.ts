import { z } from 'zod';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { NotFoundError } from '../errors.js';
import type { ItemType } from '../domain/schemas.js';

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** ISO instant: only events before it (paging backwards). */
  before: z.string().datetime({ offset: true }).optional(),
});

export interface TimelineItemRef {
  itemId: string; type: ItemType; status: string; text: string; quote: string;
  /** new: first seen here; merged: seen again here; fulfilled: this source reported it done. */
  role: 'new' | 'merged' | 'fulfilled';
}

export type TimelineEvent =
  | { type: 'source'; at: string; sourceId: string; kind: 'call' | 'email'; title: string | null; status: string; items: TimelineItemRef[] }
  | { type: 'signal'; at: string; itemId: string; kind: string; severity: string | null; text: string; status: string; evidence: unknown };

/** One account's history across calls and emails, newest first: each source with what it added, and system signals. */
export async function getAccountTimeline(db: Db, accountId: string, raw: unknown = {}): Promise<{ accountId: string; events: TimelineEvent[] }> {
  const q = TimelineQuery.parse(raw ?? {});
  const [a] = await db.query<{ id: string }>('SELECT id FROM accounts WHERE id = $1 OR slug = $1', [accountId]);
  if (!a) throw new NotFoundError('account', accountId);
  const before = q.before ?? '9999-12-31T00:00:00Z';
  const sources = await db.query<{ id: string; kind: 'call' | 'email'; title: string | null; status: string; at: Date }>(
    `SELECT id, kind, title, status, COALESCE(occurred_at, created_at) AS at FROM sources
     WHERE account_id = $1 AND COALESCE(occurred_at, created_at) < $2::timestamptz ORDER BY at DESC, id LIMIT $3`,
    [a.id, before, q.limit],
  );
  const refs = sources.length
    ? await db.query<{ source_id: string; role: string; item_id: string; type: ItemType; status: string; text: string; quote: string }>(
      `SELECT m.source_id, m.role, i.id AS item_id, i.type, i.status, COALESCE(m.text, i.text) AS text, m.quote
       FROM item_mentions m JOIN items i ON i.id = m.item_id WHERE m.source_id = ANY($1::text[])
       ORDER BY (m.locator->>'segment')::int NULLS LAST, m.id`,
      [sources.map((s) => s.id)],
    )
    : [];
  const signals = await db.query<{ id: string; fields: Record<string, unknown>; text: string; status: string; created_at: Date }>(
    `SELECT id, fields, text, status, created_at FROM items WHERE account_id = $1 AND origin = 'system' AND created_at < $2::timestamptz
     ORDER BY created_at DESC LIMIT $3`,
    [a.id, before, q.limit],
  );
  const role = (r: string): TimelineItemRef['role'] => (r === 'merge' ? 'merged' : r === 'fulfilment' ? 'fulfilled' : 'new');
  const events: TimelineEvent[] = [
    ...sources.map((s) => ({
      type: 'source' as const, at: iso(s.at)!, sourceId: s.id, kind: s.kind, title: s.title, status: s.status,
      items: refs.filter((r) => r.source_id === s.id).map((r) => ({ itemId: r.item_id, type: r.type, status: r.status, text: r.text, quote: r.quote, role: role(r.role) })),
    })),
    ...signals.map((s) => ({
      type: 'signal' as const, at: iso(s.created_at)!, itemId: s.id, kind: String(s.fields.kind ?? 'risk'), severity: (s.fields.severity as string) ?? null,
      text: s.text, status: s.status, evidence: s.fields.evidence ?? null,
    })),
  ];
  events.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  return { accountId: a.id, events: events.slice(0, q.limit) };
}
