import { z } from 'zod';
import { audit } from '../audit.js';
import type { Ctx } from '../ctx.js';
import type { Db } from '../db/types.js';
import { iso } from '../db/types.js';
import { ConflictError } from '../errors.js';
import { newId, sha256Hex } from '../ids.js';

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(200).nullable().optional(),
});

export interface User { id: string; email: string; name: string | null; createdAt: string }

function randomToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `liu_${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** Adds a reviewer with a personal token. The token is shown once; only its hash is stored. */
export async function createUser(ctx: Pick<Ctx, 'db' | 'actor' | 'requestId'>, raw: z.input<typeof CreateUserInput>): Promise<{ user: User; token: string }> {
  const input = CreateUserInput.parse(raw);
  const token = randomToken();
  const rows = await ctx.db.query<{ id: string; email: string; name: string | null; created_at: Date }>(
    `INSERT INTO users (id, email, name, token_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT ((lower(email))) DO NOTHING RETURNING id, email, name, created_at`,
    [newId('usr'), input.email, input.name ?? null, await sha256Hex(token)],
  );
  if (!rows[0]) throw new ConflictError(`user ${input.email} already exists; use rotate to issue a new token`);
  await audit(ctx, 'user.create', 'user', rows[0].id, { email: input.email });
  return { user: { id: rows[0].id, email: rows[0].email, name: rows[0].name, createdAt: iso(rows[0].created_at)! }, token };
}

/** Issues a new token for an existing reviewer; the old one stops working. */
export async function rotateUserToken(ctx: Pick<Ctx, 'db' | 'actor' | 'requestId'>, email: string): Promise<{ token: string } | null> {
  const token = randomToken();
  const rows = await ctx.db.query<{ id: string }>('UPDATE users SET token_hash = $2 WHERE lower(email) = lower($1) RETURNING id', [email, await sha256Hex(token)]);
  if (!rows[0]) return null;
  await audit(ctx, 'user.rotate', 'user', rows[0].id, {});
  return { token };
}

/** The email of the active user holding this token, or null. */
export async function resolveUserToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith('liu_')) return null;
  const rows = await db.query<{ email: string }>('SELECT email FROM users WHERE token_hash = $1 AND disabled_at IS NULL', [await sha256Hex(token)]);
  return rows[0]?.email ?? null;
}

/** Whether a signed-in actor is still allowed (admin, or an active user). */
export async function isActiveActor(db: Db, actor: string): Promise<boolean> {
  if (actor === 'admin') return true;
  const rows = await db.query('SELECT 1 FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL', [actor]);
  return rows.length > 0;
}
