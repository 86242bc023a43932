import { buildTemplate } from './helpers/template.js';

// Builds the migrated PGlite template once per run; each test file starts from it in about a second.
export default async function setup() {
  await buildTemplate();
}
