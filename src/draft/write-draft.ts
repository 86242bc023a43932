import type { Ctx } from '../ctx.js';
import type { DraftKind } from '../domain/schemas.js';
import { DRAFT_PROMPTS } from './prompts.generated.js';
import { DraftOutput, type DraftText } from './types.js';

export interface WrittenDraft extends DraftText {
  meta: Record<string, unknown>;
}

/**
 * With an LLM, the draft is written by it from prompts/<kind>.md over a small, structured input (items and
 * account context, never a transcript); without one, or when the call fails, the template stands.
 * Evidence always comes from code, so a model cannot invent a quote.
 */
export async function writeDraft(ctx: Pick<Ctx, 'llm' | 'logger' | 'config'>, kind: DraftKind, input: Record<string, unknown>, template: DraftText, sourceId: string | null = null): Promise<WrittenDraft> {
  const prompt = DRAFT_PROMPTS[kind];
  if (!ctx.llm || ctx.config.LIAISON_DRAFT_WRITER === 'template') return { ...template, meta: { writer: 'template' } };
  try {
    const res = await ctx.llm.generateStructured({
      task: `draft_${kind}`, schema: DraftOutput, system: prompt.text, input: JSON.stringify(input), sourceId, maxOutputTokens: 1200,
    });
    const out = DraftOutput.parse(res.object);
    return {
      title: out.title, body: out.body, evidence: template.evidence,
      meta: { writer: ctx.llm.name, model: res.model, promptVersion: prompt.version, promptHash: prompt.hash, usage: res.usage },
    };
  } catch (err) {
    ctx.logger.warn('draft LLM call failed; using the template', { kind, error: (err as Error).message });
    return { ...template, meta: { writer: 'template', llmError: (err as Error).message.slice(0, 500) } };
  }
}

/**
 * Only the fields a draft needs from an item: keeps the LLM input (and its token bill) small. The verbatim
 * quote goes only where the draft repeats the client's words (handoff, flag, chaser); evidence is attached in code.
 */
export function compactItem(i: { text: string; quote: string; due?: string | null; [k: string]: unknown }, opts: { quote?: boolean } = {}) {
  const pick = ['requester', 'channel', 'triage', 'owner', 'owner_side', 'kind', 'severity', 'rationale'] as const;
  const out: Record<string, unknown> = { text: i.text };
  if (opts.quote) out.quote = i.quote;
  if (i.due) out.due = i.due;
  for (const k of pick) if (i[k] !== undefined && i[k] !== null) out[k] = i[k];
  return out;
}
