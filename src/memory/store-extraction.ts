import type { Ctx } from '../ctx.js';
import { toVector } from '../db/types.js';
import type { Extraction, NormalizedSource } from '../domain/schemas.js';
import { newId } from '../ids.js';
import { chunkSource } from './chunk.js';

export interface StoredExtraction {
  extractionId: string;
  itemIds: string[];
  chunkCount: number;
}

function itemText(type: string, item: { text?: string; rationale?: string; quote: string }): string {
  return type === 'risk' ? (item.rationale || item.quote) : item.text || item.quote;
}

/**
 * Stores one extraction in one transaction: the extraction record, its items with embeddings and
 * first mentions, and the source's chunks for search. Re-running for the same source replaces what
 * that source produced before, so a retried job never duplicates items.
 */
export async function storeExtraction(
  ctx: Pick<Ctx, 'db' | 'embedder'>,
  input: { sourceId: string; accountId: string | null; source: NormalizedSource; extraction: Extraction },
): Promise<StoredExtraction> {
  const { sourceId, accountId, source, extraction } = input;
  const typed = [
    ...extraction.requests.map((r) => ({ type: 'request' as const, text: itemText('request', r), quote: r.quote, locator: r.locator, due: r.due, fields: { requester: r.requester, channel: r.channel, triage: r.triage, due: r.due, due_phrase: r.due_phrase } })),
    ...extraction.commitments.map((c) => ({ type: 'commitment' as const, text: itemText('commitment', c), quote: c.quote, locator: c.locator, due: c.due, fields: { owner: c.owner, owner_side: c.owner_side, due: c.due, due_phrase: c.due_phrase } })),
    ...extraction.risks.map((k) => ({ type: 'risk' as const, text: itemText('risk', k), quote: k.quote, locator: k.locator, due: null, fields: { kind: k.kind, severity: k.severity, rationale: k.rationale } })),
  ];
  const chunks = chunkSource(source);
  // Embed outside the transaction: it may be a network call.
  const vectors = await ctx.embedder.embed([...typed.map((t) => `${t.text}\n${t.quote}`), ...chunks.map((c) => c.text)]);
  const m = extraction.meta;

  return ctx.db.transaction(async (tx) => {
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
    const itemIds: string[] = [];
    for (const [i, t] of typed.entries()) {
      const id = newId('itm');
      itemIds.push(id);
      await tx.query(
        `INSERT INTO items (id, account_id, source_id, extraction_id, type, text, quote, locator, fields, due, embedding)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::vector)`,
        [id, accountId, sourceId, extractionId, t.type, t.text, t.quote, JSON.stringify(t.locator), JSON.stringify(t.fields), t.due, toVector(vectors[i]!)],
      );
      await tx.query(
        `INSERT INTO item_mentions (id, item_id, source_id, extraction_id, quote, locator, fields) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [newId('men'), id, sourceId, extractionId, t.quote, JSON.stringify(t.locator), JSON.stringify(t.fields)],
      );
    }
    for (const [i, c] of chunks.entries()) {
      await tx.query(
        `INSERT INTO chunks (id, source_id, account_id, ord, speaker, locator, text, embedding, embedder)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::vector, $9)`,
        [newId('chk'), sourceId, accountId, c.ord, c.speaker, JSON.stringify(c.locator), c.text, toVector(vectors[typed.length + i]!), ctx.embedder.name],
      );
    }
    return { extractionId, itemIds, chunkCount: chunks.length };
  });
}
