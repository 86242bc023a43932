import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The draft stage runs on Workers too, so it cannot read prompts/*.md at run time: this renders them into
// src/draft/prompts.generated.ts. `npx tsx test/review/sync-prompts.ts` after editing a prompt; a test fails
// when the two drift.

export const KINDS = ['recap', 'ack', 'handoff', 'flag', 'writeup', 'chaser'] as const;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GENERATED = `${ROOT}src/draft/prompts.generated.ts`;

export function renderPrompts(): string {
  const entries = KINDS.map((k) => {
    const text = readFileSync(`${ROOT}prompts/${k}.md`, 'utf8');
    const version = /version:\s*([\w.-]+)/.exec(text)?.[1];
    if (!version) throw new Error(`prompts/${k}.md has no version line`);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    return `  ${k}: { version: ${JSON.stringify(version)}, hash: ${JSON.stringify(hash)}, text: ${JSON.stringify(text)} },`;
  });
  return `// Generated from prompts/*.md by test/review/sync-prompts.ts. Do not edit by hand.\n\nexport const DRAFT_PROMPTS = {\n${entries.join('\n')}\n} as const;\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED, renderPrompts());
  console.log(`wrote ${GENERATED}`);
}
