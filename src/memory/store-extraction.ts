import type { Ctx } from '../ctx.js';
import { insertMany } from '../db/bulk.js';
import { toVector } from '../db/types.js';
import type { Extraction, NormalizedSource } from '../domain/schemas.js';
import { newId } from '../ids.js';
import { chunkSource } from './chunk.js';

const ITEM_COLUMNS = {
  id: 'text', account_id: 'text', source_id: 'text', extraction_id: 'text', type: 'text', text: 'text', quote: 'text',
  locator: 'jsonb', fields: 'jsonb', due: 'date', embedding: 'vector',
};
const MENTION_COLUMNS = { id: 'text', item_id: 'text', source_id: 'text', extraction_id: 'text', quote: 'text', locator: 'jsonb', fields: 'jsonb' };
const CHUNK_COLUMNS = {
  id: 'text', source_id: 'text', account_id: 'text', ord: 'integer', speaker: 'text', locator: 'jsonb', text: 'text', embedding: 'vector', embedder: 'text',
};

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
    const itemIds = typed.map(() => newId('itm'));
    await insertMany(tx, 'items', ITEM_COLUMNS, typed.map((t, i) => ({
      id: itemIds[i], account_id: accountId, source_id: sourceId, extraction_id: extractionId, type: t.type, text: t.text,
      quote: t.quote, locator: t.locator, fields: t.fields, due: t.due, embedding: toVector(vectors[i]!),
    })));
    await insertMany(tx, 'item_mentions', MENTION_COLUMNS, typed.map((t, i) => ({
      id: newId('men'), item_id: itemIds[i], source_id: sourceId, extraction_id: extractionId, quote: t.quote, locator: t.locator, fields: t.fields,
    })));
    await insertMany(tx, 'chunks', CHUNK_COLUMNS, chunks.map((c, i) => ({
      id: newId('chk'), source_id: sourceId, account_id: accountId, ord: c.ord, speaker: c.speaker, locator: c.locator, text: c.text,
      embedding: toVector(vectors[typed.length + i]!), embedder: ctx.embedder.name,
    })));
    return { extractionId, itemIds, chunkCount: chunks.length };
  });
}
