// The memory stage's overdue, cadence and unacknowledged checks, run by the cron trigger.
export { runPeriodicChecks } from '../../memory/index.js';
