import { parseEnv } from '../../config/env.js';
import { AppError } from '../../errors.js';
import { openDatabase } from '../../entry/open-db.js';
import { createUser, rotateUserToken } from '../../review/index.js';
import { flag, UsageError } from '../args.js';
import type { Command } from './types.js';

export const userCmd: Command = {
  name: 'user',
  usage: 'liaison user add <email> [--name "Full Name"] | liaison user rotate <email>',
  summary: 'add a reviewer and print their personal sign-in token (shown once), or issue a new one',
  async run(args) {
    const [action, email] = args.positionals;
    if ((action !== 'add' && action !== 'rotate') || !email) throw new UsageError(this.usage);
    const { db } = await openDatabase(parseEnv(process.env));
    const ctx = { db, actor: 'cli', requestId: null };
    try {
      if (action === 'add') {
        const { user, token } = await createUser(ctx, { email, name: flag(args, 'name') ?? null });
        console.log(`added ${user.email}\ntoken: ${token}\n(shown once: they sign in to the review UI with it, or send it as a bearer token)`);
      } else {
        const r = await rotateUserToken(ctx, email);
        if (!r) {
          console.error(`no user ${email}`);
          return 1;
        }
        console.log(`new token for ${email}: ${r.token}`);
      }
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    } finally {
      await db.close();
    }
  },
};
