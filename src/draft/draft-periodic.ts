import { z } from 'zod';
import type { Ctx } from '../ctx.js';
import { accountItems } from './account-context.js';
import { buildChaser, buildWriteup, healthOf, type AccountSnapshot } from './account-drafts.js';
import { buildFlag } from './request-drafts.js';
import { evidenceFromItem } from './evidence.js';
import { upsertDraft } from './store-draft.js';
import { compactItem, writeDraft } from './write-draft.js';

/** Days between account write-ups: tier 1 weekly, tier 2 every two weeks (its call cadence), tier 3 monthly. */
export const WRITEUP_CADENCE_DAYS: Record<number, number> = { 1: 7, 2: 14, 3: 30 };
const DAY = 86_400_000;

export const DraftPeriodicInput = z.object({ account: z.string().optional() }).default({});

/**
 * The drafts time calls for (run by the scheduler after the memory stage's periodic checks, or on demand):
 * a write-up per account once per tier cadence, a chaser per client-side commitment past its date, and a
 * flag per high-severity system signal. Idempotent per period and item.
 */
export async function draftPeriodic(ctx: Ctx, raw: unknown = {}): Promise<{ writeups: string[]; chasers: string[]; flags: string[] }> {
  const input = DraftPeriodicInput.parse(raw ?? {});
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const accounts = await ctx.db.query<{ id: string; name: string; tier: number; am_email: string | null }>(
    `SELECT id, name, tier, am_email FROM accounts ${input.account ? 'WHERE id = $1' : ''} ORDER BY name`,
    input.account ? [input.account] : [],
  );
  const writeups: string[] = [];
  const chasers: string[] = [];
  const flags: string[] = [];
  for (const a of accounts) {
    const cadence = WRITEUP_CADENCE_DAYS[Number(a.tier)] ?? 14;
    const period = Math.floor(now.getTime() / DAY / cadence);
    const start = new Date(period * cadence * DAY);
    const snap = await snapshot(ctx, a, start, now);
    const template = buildWriteup(snap, [...snap.risks, ...snap.blocked].slice(0, 8).map((i) => evidenceFromItem(i)));
    const llmInput = {
      account: a.name, tier: snap.tier, period: [snap.periodStart, snap.periodEnd], health: healthOf(snap),
      shipped: snap.shipped.map((i) => i.text), next: snap.next.map((i) => compactItem(i)), blocked: snap.blocked.map((i) => compactItem(i)),
      risks: snap.risks.map((i) => compactItem(i)), expansion: snap.expansion.map((i) => compactItem(i)), counts: { calls: snap.calls, emails: snap.emails, openRequests: snap.openRequests },
    };
    const d = await writeDraft(ctx, 'writeup', llmInput, template);
    writeups.push(await upsertDraft(ctx, { kind: 'writeup', accountId: a.id, sourceId: null, itemId: null, ...d, dedupeKey: `writeup:${a.id}:${cadence}:${period}` }));

    const overdue = await accountItems(ctx.db, a.id, `i.type = 'commitment' AND i.fields->>'owner_side' = 'client' AND i.status IN ('open', 'overdue') AND i.due < $2::date`, [today]);
    for (const c of overdue) {
      const t = buildChaser({ accountName: a.name, commitment: c, evidence: [evidenceFromItem(c, (c.owner as string | null) ?? null)], amName: a.am_email, today });
      const cd = await writeDraft(ctx, 'chaser', { account: a.name, today, am: a.am_email, commitment: compactItem(c, { quote: true }) }, t);
      chasers.push(await upsertDraft(ctx, { kind: 'chaser', accountId: a.id, sourceId: c.sourceId, itemId: c.id, ...cd, dedupeKey: `chaser:${c.id}` }));
    }
    // Signals the memory stage raises from timing (cadence missed, request left unacknowledged): a
    // high-severity one goes to leadership like any other high risk. Overdue client commitments get chasers above.
    const signals = await accountItems(ctx.db, a.id, `i.type = 'risk' AND i.origin = 'system' AND i.status IN ('open', 'acknowledged') AND i.fields->>'severity' = 'high' AND coalesce(i.fields->>'kind', '') <> 'client_commitment_overdue'`);
    for (const r of signals) {
      const t = buildFlag({ accountName: a.name, item: r, evidence: [evidenceFromItem(r)], amName: a.am_email });
      const fd = await writeDraft(ctx, 'flag', { account: a.name, tier: Number(a.tier), am: a.am_email, item: { type: 'risk', ...compactItem(r, { quote: true }) } }, t);
      flags.push(await upsertDraft(ctx, { kind: 'flag', accountId: a.id, sourceId: r.sourceId, itemId: r.id, ...fd, dedupeKey: `flag:${r.id}` }));
    }
  }
  return { writeups, chasers, flags };
}

async function snapshot(ctx: Ctx, a: { id: string; name: string; tier: number }, start: Date, now: Date): Promise<AccountSnapshot> {
  const open = `i.status IN ('open', 'acknowledged', 'overdue')`;
  const [shipped, next, blockedRisks, overdueClient, risks, counts] = await Promise.all([
    accountItems(ctx.db, a.id, `i.type = 'commitment' AND i.status = 'done' AND coalesce(i.fields->>'owner_side', 'agency') <> 'client' AND i.status_changed_at >= $2`, [start]),
    accountItems(ctx.db, a.id, `i.type = 'commitment' AND ${open} AND coalesce(i.fields->>'owner_side', 'agency') <> 'client'`, [], 10),
    accountItems(ctx.db, a.id, `i.type = 'risk' AND ${open} AND i.fields->>'kind' = 'blocked_access'`, [], 5),
    accountItems(ctx.db, a.id, `i.type = 'commitment' AND ${open} AND i.fields->>'owner_side' = 'client' AND i.due < $2::date`, [now.toISOString().slice(0, 10)], 5),
    accountItems(ctx.db, a.id, `i.type = 'risk' AND ${open} AND i.fields->>'kind' NOT IN ('blocked_access', 'expansion_opportunity')`, [], 10),
    ctx.db.query<{ calls: number; emails: number; requests: number }>(
      `SELECT (SELECT count(*)::int FROM sources WHERE account_id = $1 AND kind = 'call' AND occurred_at >= $2) AS calls,
              (SELECT count(*)::int FROM sources WHERE account_id = $1 AND kind = 'email' AND occurred_at >= $2) AS emails,
              (SELECT count(*)::int FROM items WHERE account_id = $1 AND type = 'request' AND status IN ('open', 'acknowledged', 'overdue')) AS requests`,
      [a.id, start],
    ),
  ]);
  const expansion = await accountItems(ctx.db, a.id, `i.type = 'risk' AND ${open} AND i.fields->>'kind' = 'expansion_opportunity'`, [], 5);
  const sev = { high: 0, medium: 1, low: 2 } as Record<string, number>;
  return {
    accountName: a.name, tier: Number(a.tier), periodStart: start.toISOString().slice(0, 10), periodEnd: now.toISOString().slice(0, 10),
    shipped, next, blocked: [...blockedRisks, ...overdueClient], risks: risks.sort((x, y) => (sev[String(x.severity)] ?? 3) - (sev[String(y.severity)] ?? 3)),
    expansion, openRequests: counts[0]?.requests ?? 0, calls: counts[0]?.calls ?? 0, emails: counts[0]?.emails ?? 0,
  };
}
