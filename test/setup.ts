// Shared vitest setup. msw is opt-in per file (test/helpers/msw.ts) so browser and socket tests are untouched.
process.env.TZ = 'UTC';
