import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import type { RiskKind, Severity } from '../domain/schemas.js';
import { newId } from '../ids.js';

/** Days between calls before a cadence signal, by tier; accounts.cadence_days overrides. */
export const CADENCE_DAYS: Record<number, number> = { 1: 7, 2: 14, 3: 31 };

export interface PeriodicResult {
  overdue: number;
  signals: Array<{ itemId: string; kind: RiskKind; accountId: string }>;
}

const DAY = 86_400_000;

/** One business day after t: the next day, pushed past Saturday and Sunday. */
export function oneBusinessDayAfter(t: Date): Date {
  let d = new Date(t.getTime() + DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY);
  return d;
}

interface Signal {
  key: string; accountId: string; sourceId: string | null; kind: RiskKind; severity: Severity; text: string; quote: string; evidence: Record<string, unknown>;
}

async function raise(db: Db, s: Signal, now: Date): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO items (id, account_id, source_id, type, origin, status, text, quote, fields, signal_key, created_at, updated_at)
     VALUES ($1, $2, $3, 'risk', 'system', 'open', $4, $5, $6, $7, $8, $8)
     ON CONFLICT (signal_key) DO NOTHING RETURNING id`,
    [newId('itm'), s.accountId, s.sourceId, s.text, s.quote, JSON.stringify({ kind: s.kind, severity: s.severity, rationale: s.text, evidence: s.evidence }), s.key, now],
  );
  return rows[0]?.id ?? null;
}

/**
 * The checks with no text behind them, at ctx.clock.now(): commitments past their date become overdue
 * (a client one raises client_commitment_overdue, ours missed_deadline), a tier's call cadence missed,
 * a request not acknowledged within one business day. Each signal is a risk item (origin 'system') with
 * the facts as evidence; signal_key makes every run idempotent. The Node timer and the Worker cron call it.
 */
export async function runPeriodicChecks(ctx: Pick<Ctx, 'db' | 'clock' | 'logger'>): Promise<PeriodicResult> {
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const signals: PeriodicResult['signals'] = [];
  const emit = async (s: Signal) => {
    const id = await raise(ctx.db, s, now);
    if (id) signals.push({ itemId: id, kind: s.kind, accountId: s.accountId });
  };

  const overdue = await ctx.db.query<{ id: string }>(
    `UPDATE items SET status = 'overdue', status_changed_at = $2, updated_at = now()
     WHERE type = 'commitment' AND status = 'open' AND due IS NOT NULL AND due < $1::date RETURNING id`,
    [today, now],
  );
  const late = await ctx.db.query<{ id: string; account_id: string; source_id: string | null; text: string; quote: string; due: string; fields: Record<string, unknown> }>(
    `SELECT id, account_id, source_id, text, quote, due::text AS due, fields FROM items
     WHERE type = 'commitment' AND status = 'overdue' AND account_id IS NOT NULL`,
  );
  for (const c of late) {
    const client = c.fields.owner_side === 'client';
    const days = Math.round((Date.parse(today) - Date.parse(c.due)) / DAY);
    await emit({
      key: `${client ? 'client_commitment_overdue' : 'missed_deadline'}:${c.id}`, accountId: c.account_id, sourceId: c.source_id,
      kind: client ? 'client_commitment_overdue' : 'missed_deadline', severity: client ? 'low' : 'medium', quote: c.quote,
      text: `${client ? 'Client commitment' : 'Our commitment'} overdue by ${days} day(s): ${c.text} (owner ${c.fields.owner ?? 'unknown'}, due ${c.due})`,
      evidence: { commitmentId: c.id, owner: c.fields.owner ?? null, ownerSide: c.fields.owner_side ?? null, due: c.due, daysOverdue: days, checkedAt: now.toISOString() },
    });
  }

  const accounts = await ctx.db.query<{ id: string; tier: number; cadence_days: number | null; last_call: Date | null; last_source: string | null }>(
    `SELECT a.id, a.tier, a.cadence_days, lc.occurred_at AS last_call, lc.id AS last_source FROM accounts a
     JOIN LATERAL (SELECT id, occurred_at FROM sources s WHERE s.account_id = a.id AND s.kind = 'call' AND s.occurred_at IS NOT NULL
                   ORDER BY occurred_at DESC LIMIT 1) lc ON true`,
  );
  for (const a of accounts) {
    const cadence = a.cadence_days ?? CADENCE_DAYS[Number(a.tier)] ?? 14;
    const last = new Date(iso(a.last_call)!);
    const since = Math.floor((now.getTime() - last.getTime()) / DAY);
    if (since <= cadence) continue;
    await emit({
      key: `cadence_missed:${a.id}:${last.toISOString().slice(0, 10)}`, accountId: a.id, sourceId: a.last_source, kind: 'cadence_missed', severity: 'medium', quote: '',
      text: `No call for ${since} days (tier ${a.tier} cadence is ${cadence} days${a.cadence_days ? ', set on the account' : ''}); last call ${last.toISOString().slice(0, 10)}.`,
      evidence: { lastCallAt: last.toISOString(), lastCallSourceId: a.last_source, daysSinceLastCall: since, cadenceDays: cadence, tier: Number(a.tier), checkedAt: now.toISOString() },
    });
  }

  const open = await ctx.db.query<{ id: string; account_id: string; source_id: string; text: string; quote: string; fields: Record<string, unknown>; occurred_at: Date }>(
    `SELECT i.id, i.account_id, i.source_id, i.text, i.quote, i.fields, s.occurred_at FROM items i JOIN sources s ON s.id = i.source_id
     WHERE i.type = 'request' AND i.status = 'open' AND i.account_id IS NOT NULL AND s.occurred_at IS NOT NULL`,
  );
  for (const r of open) {
    const asked = new Date(iso(r.occurred_at)!);
    const deadline = oneBusinessDayAfter(asked);
    if (now <= deadline) continue;
    const hot = r.fields.triage === 'hot';
    await emit({
      key: `unacknowledged_request:${r.id}`, accountId: r.account_id, sourceId: r.source_id, kind: 'unacknowledged_request', severity: hot ? 'high' : 'medium', quote: r.quote,
      text: `Request not acknowledged within one business day: ${r.text} (asked ${asked.toISOString()} by ${r.fields.requester ?? 'the client'})`,
      evidence: { requestId: r.id, requester: r.fields.requester ?? null, askedAt: asked.toISOString(), acknowledgeBy: deadline.toISOString(), triage: r.fields.triage ?? null, checkedAt: now.toISOString() },
    });
  }
  if (overdue.length || signals.length) ctx.logger.info('periodic checks', { overdue: overdue.length, signals: signals.length });
  return { overdue: overdue.length, signals };
}
