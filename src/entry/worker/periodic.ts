import type { Ctx } from '../../ctx.js';

// The memory stage's overdue, cadence and unacknowledged checks. Until runPeriodicChecks is on main,
// this is null and the cron only sweeps. When it lands, replace the line below with:
//   export { runPeriodicChecks } from '../../memory/index.js';
export const runPeriodicChecks: ((ctx: Ctx) => Promise<unknown>) | null = null;
