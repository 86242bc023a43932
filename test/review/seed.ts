import type { Db } from '../../src/db/types.js';
import type { NormalizedSource } from '../../src/domain/schemas.js';
import { newId } from '../../src/ids.js';

// Direct inserts for draft tests: the items a stage before us would have stored, with known fields.

export async function seedAccount(db: Db, name: string, tier = 2, amEmail: string | null = null): Promise<string> {
  const id = newId('acc');
  await db.query('INSERT INTO accounts (id, name, slug, tier, am_email) VALUES ($1, $2, $3, $4, $5)', [id, name, id, tier, amEmail]);
  return id;
}

export async function seedSource(db: Db, accountId: string, source: NormalizedSource): Promise<string> {
  const id = newId('src');
  await db.query(
    `INSERT INTO sources (id, account_id, kind, origin, idempotency_key, status, raw, raw_content_type, normalized, title, occurred_at)
     VALUES ($1, $2, $3, 'api', $1, 'processed', '', 'application/json', $4, $5, $6)`,
    [id, accountId, source.kind, JSON.stringify(source), source.title, source.occurredAt],
  );
  return id;
}

export async function seedItem(db: Db, accountId: string, sourceId: string | null, type: 'request' | 'commitment' | 'risk', text: string, quote: string, fields: Record<string, unknown>, opts: { segment?: number; at?: number | null; status?: string; due?: string | null; statusChangedAt?: string } = {}): Promise<string> {
  const id = newId('itm');
  const due = opts.due ?? (fields.due as string | null | undefined) ?? null;
  await db.query(
    `INSERT INTO items (id, account_id, source_id, type, status, text, quote, locator, fields, due, status_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, accountId, sourceId, type, opts.status ?? 'open', text, quote, JSON.stringify({ segment: opts.segment ?? 0, at: opts.at ?? null, offset: 0 }), JSON.stringify({ ...fields, due }), due, opts.statusChangedAt ?? null],
  );
  if (sourceId) await db.query('INSERT INTO item_mentions (id, item_id, source_id, quote) VALUES ($1, $2, $3, $4)', [newId('men'), id, sourceId, quote]);
  return id;
}

export function source(kind: 'call' | 'email', title: string, segments: Array<[string | null, number | null, string]>, extra: Partial<NormalizedSource> = {}): NormalizedSource {
  return {
    kind, externalId: null, title, occurredAt: '2026-03-10T15:00:00Z', referenceDate: '2026-03-10', timeZone: 'UTC',
    participants: [
      { name: 'Grace Whitfield', email: 'grace@copperleaf.example', side: 'agency' },
      { name: 'Yvonne Castellanos', email: 'yvonne@maplewood.example', side: 'client' },
    ],
    segments: segments.map(([speaker, at, text], index) => ({ index, speaker, speakerEmail: null, at, text })),
    context: [], attachments: [],
    links: { url: kind === 'call' ? 'https://fathom.video/share/abc123' : null, messageId: kind === 'email' ? '<m1@maplewood.example>' : null },
    ...extra,
  };
}
