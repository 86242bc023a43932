export { processSource, type ProcessOutcome } from './process-source.js';
export { createJobRunner, claimDue, runClaimed, backoffMs, type JobRunner, type Claimed } from './runner.js';
export { noopQueue, type JobQueue } from './types.js';
export { runPeriodic, createPeriodicTimer, type PeriodicTimer } from './periodic.js';
export { findStrandedSources } from './stranded.js';
