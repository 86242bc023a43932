import { z } from 'zod';
import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { AccountRef } from './schemas.js';

export interface Account {
  id: string;
  name: string;
  slug: string;
  tier: number;
  domains: string[];
  inboundAlias: string | null;
  cadenceDays: number | null;
  amEmail: string | null;
  createdAt: string;
}

interface AccountRow {
  id: string; name: string; slug: string; tier: number; domains: string[]; inbound_alias: string | null;
  cadence_days: number | null; am_email: string | null; created_at: Date;
}

export function toAccount(r: AccountRow): Account {
  return {
    id: r.id, name: r.name, slug: r.slug, tier: Number(r.tier), domains: r.domains ?? [], inboundAlias: r.inbound_alias,
    cadenceDays: r.cadence_days, amEmail: r.am_email, createdAt: iso(r.created_at)!,
  };
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'account';
}

export const CreateAccountInput = z.object({
  name: z.string().trim().min(1).max(200),
  tier: z.coerce.number().int().min(1).max(3).default(2),
  domains: z.array(z.string().trim().toLowerCase().min(3)).default([]),
  inboundAlias: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]*$/, 'letters, digits, dot, dash, underscore').optional(),
  cadenceDays: z.number().int().min(1).max(365).nullable().optional(),
  amEmail: z.string().email().nullable().optional(),
});
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

export async function createAccount(ctx: Pick<Ctx, 'db'>, raw: z.input<typeof CreateAccountInput>): Promise<Account> {
  const input = CreateAccountInput.parse(raw);
  const base = slugify(input.name);
  // Slugs stay unique: "acme", "acme-2", ...
  const taken = await ctx.db.query<{ slug: string }>('SELECT slug FROM accounts WHERE slug = $1 OR slug LIKE $2', [base, `${base}-%`]);
  const used = new Set(taken.map((t) => t.slug));
  let slug = base;
  for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
  const alias = input.inboundAlias ?? slug;
  const clash = await ctx.db.query('SELECT 1 FROM accounts WHERE inbound_alias = $1', [alias]);
  if (clash.length) throw new ConflictError(`inbound alias "${alias}" is already used by another account`);
  const rows = await ctx.db.query<AccountRow>(
    `INSERT INTO accounts (id, name, slug, tier, domains, inbound_alias, cadence_days, am_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [newId('acc'), input.name, slug, input.tier, input.domains, alias, input.cadenceDays ?? null, input.amEmail ?? null],
  );
  return toAccount(rows[0]!);
}

export async function getAccount(db: Db, id: string): Promise<Account> {
  const rows = await db.query<AccountRow>('SELECT * FROM accounts WHERE id = $1 OR slug = $1', [id]);
  if (!rows[0]) throw new NotFoundError('account', id);
  return toAccount(rows[0]);
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.query<AccountRow>('SELECT * FROM accounts ORDER BY name');
  return rows.map(toAccount);
}

/** The account whose domains include one of these (first match in the given order), or null. */
export async function findAccountByDomains(db: Db, domains: readonly string[]): Promise<Account | null> {
  if (!domains.length) return null;
  // One query for any number of domains (it sits on the webhook acknowledgement path).
  const rows = await db.query<AccountRow>(
    `SELECT a.* FROM unnest($1::text[]) WITH ORDINALITY AS d(domain, pos)
       JOIN accounts a ON d.domain = ANY(a.domains)
      ORDER BY d.pos, a.created_at LIMIT 1`,
    [domains.map((d) => d.toLowerCase())],
  );
  return rows[0] ? toAccount(rows[0]) : null;
}

/** By inbound alias ("acme" of acme@in.example or inbound+acme@...) or slug. */
export async function findAccountByAlias(db: Db, alias: string): Promise<Account | null> {
  const rows = await db.query<AccountRow>('SELECT * FROM accounts WHERE inbound_alias = $1 OR slug = $1 LIMIT 1', [alias.toLowerCase()]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** An account named in a delivery (eval-case shape): found by domain, else by name, else created. */
export async function findOrCreateAccount(ctx: Pick<Ctx, 'db'>, raw: z.input<typeof AccountRef>): Promise<Account> {
  const ref = AccountRef.parse(raw);
  if (ref.domain) {
    const found = await findAccountByDomains(ctx.db, [ref.domain]);
    if (found) return found;
  }
  const byName = await ctx.db.query<AccountRow>('SELECT * FROM accounts WHERE lower(name) = lower($1) LIMIT 1', [ref.name]);
  if (byName[0]) {
    if (ref.domain) {
      await ctx.db.query('UPDATE accounts SET domains = array_append(domains, $2), updated_at = now() WHERE id = $1 AND NOT ($2 = ANY(domains))', [byName[0].id, ref.domain]);
      return getAccount(ctx.db, byName[0].id);
    }
    return toAccount(byName[0]);
  }
  return createAccount(ctx, { name: ref.name, tier: ref.tier, domains: ref.domain ? [ref.domain] : [] });
}
