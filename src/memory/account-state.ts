import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { NotFoundError } from '../errors.js';
import { ITEM_COLUMNS, toItemView, type ItemRow, type ItemView } from './items.js';
import { CADENCE_DAYS } from './periodic-checks.js';

export type CommitmentState = ItemView & { overdue: boolean };

export interface AccountState {
  account: { id: string; name: string; slug: string; tier: number; domains: string[]; cadenceDays: number | null };
  openRequests: ItemView[];
  /** Open and overdue commitments by the side that owes them, soonest due first. */
  commitments: { agency: CommitmentState[]; client: CommitmentState[]; unknown: CommitmentState[] };
  overdueCount: number;
  risks: ItemView[];
  lastContact: { at: string; sourceId: string; kind: 'call' | 'email'; title: string | null } | null;
  cadence: { days: number; from: 'account' | 'tier'; lastCallAt: string | null; nextCallDue: string | null; missed: boolean };
}

const DAY = 86_400_000;

/** Where an account stands: open asks, promises on both sides with due/overdue, open risks, last contact, cadence. */
export async function getAccountState(db: Db, accountId: string, now: Date = new Date()): Promise<AccountState> {
  const [a] = await db.query<{ id: string; name: string; slug: string; tier: number; domains: string[]; cadence_days: number | null }>(
    'SELECT id, name, slug, tier, domains, cadence_days FROM accounts WHERE id = $1 OR slug = $1', [accountId],
  );
  if (!a) throw new NotFoundError('account', accountId);
  const rows = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM items i WHERE i.account_id = $1 AND i.status IN ('open', 'acknowledged', 'overdue')
     ORDER BY i.due NULLS LAST, i.created_at, i.id`,
    [a.id],
  );
  const items = rows.map(toItemView);
  const today = now.toISOString().slice(0, 10);
  const commitments: AccountState['commitments'] = { agency: [], client: [], unknown: [] };
  for (const c of items.filter((i) => i.type === 'commitment')) {
    const side = c.owner_side === 'agency' || c.owner_side === 'client' ? c.owner_side : 'unknown';
    commitments[side].push({ ...c, overdue: c.status === 'overdue' || (!!c.due && c.due < today) });
  }
  const contacts = await db.query<{ id: string; kind: 'call' | 'email'; title: string | null; occurred_at: Date }>(
    `(SELECT id, kind, title, occurred_at FROM sources WHERE account_id = $1 AND occurred_at IS NOT NULL ORDER BY occurred_at DESC LIMIT 1)
     UNION ALL
     (SELECT id, kind, title, occurred_at FROM sources WHERE account_id = $1 AND kind = 'call' AND occurred_at IS NOT NULL ORDER BY occurred_at DESC LIMIT 1)`,
    [a.id],
  );
  const last = contacts[0] ?? null;
  const lastCall = contacts.find((c, i) => i > 0 || c.kind === 'call') ?? null;
  const days = a.cadence_days ?? CADENCE_DAYS[Number(a.tier)] ?? 14;
  const lastCallAt = lastCall ? iso(lastCall.occurred_at) : null;
  const nextCallDue = lastCallAt ? new Date(Date.parse(lastCallAt) + days * DAY).toISOString() : null;
  return {
    account: { id: a.id, name: a.name, slug: a.slug, tier: Number(a.tier), domains: a.domains ?? [], cadenceDays: a.cadence_days },
    openRequests: items.filter((i) => i.type === 'request'),
    commitments,
    overdueCount: [...commitments.agency, ...commitments.client, ...commitments.unknown].filter((c) => c.overdue).length,
    risks: items.filter((i) => i.type === 'risk'),
    lastContact: last ? { at: iso(last.occurred_at)!, sourceId: last.id, kind: last.kind, title: last.title } : null,
    cadence: { days, from: a.cadence_days ? 'account' : 'tier', lastCallAt, nextCallDue, missed: !!nextCallDue && now.toISOString() > nextCallDue },
  };
}
