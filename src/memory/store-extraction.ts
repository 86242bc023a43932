import type { Ctx } from '../ctx.js';
import { toVector } from '../db/types.js';
import type { Extraction, NormalizedSource } from '../domain/schemas.js';
import { newId } from '../ids.js';
import { chunkSource } from './chunk.js';
import { ensureEmbedder } from './embedder-settings.js';
import { completionStatements } from './fulfilment.js';
import { findMergeTarget } from './merge.js';
import { markFulfilled } from './store-fulfilment.js';

export interface StoredExtraction {
  extractionId: string;
  /** Items first seen in this source. */
  itemIds: string[];
  /** Items of this source that were merged into an existing open item (a mention, not a new item). */
  merged: Array<{ itemId: string; mentionId: string; similarity: number }>;
  /** Open commitments this source reports as done. */
  fulfilled: string[];
  chunkCount: number;
}

function itemText(type: string, item: { text?: string; rationale?: string; quote: string }): string {
  return type === 'risk' ? (item.rationale || item.quote) : item.text || item.quote;
}

/**
 * Stores one extraction in one transaction: the extraction record, its items with embeddings and
 * first mentions (or, for an item already open on the account, a merged mention of that item),
 * commitments this source fulfils, and the source's chunks for search. Re-running for the same source
 * replaces what that source produced before, so a retried job never duplicates items.
 */
export async function storeExtraction(
  ctx: Pick<Ctx, 'db' | 'embedder'>,
  input: { sourceId: string; accountId: string | null; source: NormalizedSource; extraction: Extraction },
): Promise<StoredExtraction> {
  const { sourceId, accountId, source, extraction } = input;
  await ensureEmbedder(ctx);
  const typed = [
    ...extraction.requests.map((r) => ({ type: 'request' as const, text: itemText('request', r), quote: r.quote, locator: r.locator, due: r.due, fields: { requester: r.requester, channel: r.channel, triage: r.triage, due: r.due, due_phrase: r.due_phrase } })),
    ...extraction.commitments.map((c) => ({ type: 'commitment' as const, text: itemText('commitment', c), quote: c.quote, locator: c.locator, due: c.due, fields: { owner: c.owner, owner_side: c.owner_side, due: c.due, due_phrase: c.due_phrase } })),
    ...extraction.risks.map((k) => ({ type: 'risk' as const, text: itemText('risk', k), quote: k.quote, locator: k.locator, due: null, fields: { kind: k.kind, severity: k.severity, rationale: k.rationale } })),
  ];
  const chunks = chunkSource(source);
  const completions = accountId ? completionStatements(source) : [];
  // Embed outside the transaction: it may be a network call.
  const vectors = await ctx.embedder.embed([
    ...typed.map((t) => `${t.text}\n${t.quote}`), ...chunks.map((c) => c.text), ...completions.map((c) => c.text),
  ]);
  const chunkVec = (i: number) => vectors[typed.length + i]!;
  const m = extraction.meta;

  return ctx.db.transaction(async (tx) => {
    // A re-run first reopens what this source closed, then forgets what it produced.
    await tx.query(
      `UPDATE items SET status = 'open', updated_at = now()
       WHERE status = 'done' AND id IN (SELECT item_id FROM item_mentions WHERE source_id = $1 AND role = 'fulfilment')`,
      [sourceId],
    );
    await tx.query('DELETE FROM chunks WHERE source_id = $1', [sourceId]);
    await tx.query(`DELETE FROM items WHERE source_id = $1 AND origin = 'extracted'`, [sourceId]);
    await tx.query('DELETE FROM item_mentions WHERE source_id = $1', [sourceId]);
    const extractionId = newId('ext');
    await tx.query(
      `INSERT INTO extractions (id, source_id, provider, model, prompt_version, prompt_hash, schema_version,
         input_tokens, output_tokens, cached_tokens, latency_ms, dropped_quotes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [extractionId, sourceId, m.provider, m.model, m.promptVersion, m.promptHash, m.schemaVersion,
        m.usage.inputTokens, m.usage.outputTokens, m.usage.cachedTokens, Math.round(m.latencyMs), m.droppedQuotes],
    );
    // Fulfilments first: a source that says "we sent the report" closes the earlier promise before
    // its own items are stored (its own new promises are never fulfilled by itself).
    const fulfilled = accountId
      ? await markFulfilled(tx, { accountId, sourceId, extractionId, source, completions, vectors: vectors.slice(typed.length + chunks.length) })
      : [];
    const itemIds: string[] = [];
    const merged: StoredExtraction['merged'] = [];
    for (const [i, t] of typed.entries()) {
      const vec = vectors[i]!;
      const target = accountId ? await findMergeTarget(tx, { accountId, sourceId, type: t.type, quote: t.quote, embedding: vec, fields: t.fields }) : null;
      if (target) {
        const mentionId = newId('men');
        await tx.query(
          `INSERT INTO item_mentions (id, item_id, source_id, extraction_id, quote, locator, fields, merged_from, similarity, text, role)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'merge')`,
          [mentionId, target.id, sourceId, extractionId, t.quote, JSON.stringify(t.locator), JSON.stringify(t.fields), newId('itm'), target.similarity, t.text],
        );
        // A later mention can add the date the first one lacked; it never moves an existing one.
        await tx.query('UPDATE items SET due = COALESCE(due, $2::date), updated_at = now() WHERE id = $1', [target.id, t.due]);
        merged.push({ itemId: target.id, mentionId, similarity: target.similarity });
        continue;
      }
      const id = newId('itm');
      itemIds.push(id);
      await tx.query(
        `INSERT INTO items (id, account_id, source_id, extraction_id, type, text, quote, locator, fields, due, embedding, embedder)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::vector, $12)`,
        [id, accountId, sourceId, extractionId, t.type, t.text, t.quote, JSON.stringify(t.locator), JSON.stringify(t.fields), t.due, toVector(vec), ctx.embedder.name],
      );
      await tx.query(
        `INSERT INTO item_mentions (id, item_id, source_id, extraction_id, quote, locator, fields, text, role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'mention')`,
        [newId('men'), id, sourceId, extractionId, t.quote, JSON.stringify(t.locator), JSON.stringify(t.fields), t.text],
      );
    }
    for (const [i, c] of chunks.entries()) {
      await tx.query(
        `INSERT INTO chunks (id, source_id, account_id, ord, speaker, locator, text, embedding, embedder)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::vector, $9)`,
        [newId('chk'), sourceId, accountId, c.ord, c.speaker, JSON.stringify(c.locator), c.text, toVector(chunkVec(i)), ctx.embedder.name],
      );
    }
    return { extractionId, itemIds, merged, fulfilled, chunkCount: chunks.length };
  });
}
