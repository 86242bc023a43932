import type { Ctx } from '../ctx.js';
import { insertMany } from '../db/bulk.js';
import { toVector } from '../db/types.js';
import type { Extraction, NormalizedSource } from '../domain/schemas.js';
import { newId } from '../ids.js';
import { yieldToEventLoop } from '../yield.js';
import { chunkSource } from './chunk.js';
import { ensureEmbedder } from './embedder-settings.js';
import { completionStatements } from './fulfilment.js';
import { cosine, findMergeTarget, loadMergeCandidates, shouldMerge } from './merge.js';
import { markFulfilled } from './store-fulfilment.js';

const ITEM_COLUMNS = {
  id: 'text', account_id: 'text', source_id: 'text', extraction_id: 'text', type: 'text', text: 'text', quote: 'text',
  locator: 'jsonb', fields: 'jsonb', due: 'date', embedding: 'vector', embedder: 'text',
};
const MENTION_COLUMNS = {
  id: 'text', item_id: 'text', source_id: 'text', extraction_id: 'text', quote: 'text', locator: 'jsonb', fields: 'jsonb',
  text: 'text', role: 'text', merged_from: 'text', similarity: 'real',
};
/** Chunks written per statement after the extraction's transaction (see storeExtraction). */
const CHUNKS_PER_STATEMENT = 8;
const CHUNK_COLUMNS = {
  id: 'text', source_id: 'text', account_id: 'text', ord: 'integer', speaker: 'text', locator: 'jsonb', text: 'text', embedding: 'vector', embedder: 'text',
};


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
 * commitments this source fulfils; then the source's chunks for search, a few at a time. Re-running for the same source
 * replaces what that source produced before, so a retried job never duplicates items.
 */
export async function storeExtraction(
  ctx: Pick<Ctx, 'db' | 'embedder'> & Partial<Pick<Ctx, 'jobs'>>,
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

  const stored = await ctx.db.transaction(async (tx) => {
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
    const candidates = accountId ? await loadMergeCandidates(tx, accountId) : [];
    const itemIds: string[] = [];
    const merged: StoredExtraction['merged'] = [];
    const newItems: Array<Record<string, unknown>> = [];
    const mentions: Array<Record<string, unknown>> = [];
    const fresh: Array<{ id: string; index: number }> = [];
    for (const [i, t] of typed.entries()) {
      const vec = vectors[i]!;
      // Candidates: open items stored before this source, and this source's own earlier items
      // (a recap that repeats a promise), never one sentence the extractor split into two items.
      let target = findMergeTarget(candidates, { sourceId, type: t.type, quote: t.quote, embedding: vec, fields: t.fields });
      for (const f of accountId ? fresh : []) {
        const o = typed[f.index]!;
        if (o.type !== t.type || o.quote === t.quote) continue;
        const sim = cosine(vec, vectors[f.index]!);
        if (shouldMerge(t.type, sim, t.fields, o.fields) && sim > (target?.similarity ?? -1)) target = { id: f.id, similarity: sim, due: o.due };
      }
      const mention = { source_id: sourceId, extraction_id: extractionId, quote: t.quote, locator: t.locator, fields: t.fields, text: t.text };
      if (target) {
        const mentionId = newId('men');
        mentions.push({ ...mention, id: mentionId, item_id: target.id, role: 'merge', merged_from: newId('itm'), similarity: target.similarity });
        // A later mention can add the date the first one lacked; it never moves an existing one.
        if (t.due && !target.due) {
          const row = newItems.find((n) => n.id === target.id);
          if (row) row.due = t.due;
          else await tx.query('UPDATE items SET due = COALESCE(due, $2::date), updated_at = now() WHERE id = $1', [target.id, t.due]);
        }
        merged.push({ itemId: target.id, mentionId, similarity: target.similarity });
        continue;
      }
      const id = newId('itm');
      itemIds.push(id);
      fresh.push({ id, index: i });
      newItems.push({
        id, account_id: accountId, source_id: sourceId, extraction_id: extractionId, type: t.type, text: t.text, quote: t.quote,
        locator: t.locator, fields: t.fields, due: t.due, embedding: toVector(vec), embedder: ctx.embedder.name,
      });
      mentions.push({ ...mention, id: newId('men'), item_id: id, role: 'mention', merged_from: null, similarity: null });
    }
    await insertMany(tx, 'items', ITEM_COLUMNS, newItems);
    await insertMany(tx, 'item_mentions', MENTION_COLUMNS, mentions);
    return { extractionId, itemIds, merged, fulfilled, chunkCount: chunks.length };
  });
  // The chunks (the search index over the source's text) go in after, a few per statement: each insert
  // also walks the HNSW graph (~2 ms a chunk on PGlite), and a two-hour call has ~150 chunks. In the one
  // transaction above they held the embedded database for ~0.3 s, and every webhook acknowledgement
  // arriving meanwhile waited. A crash in between leaves the source unprocessed; the re-run starts over.
  const rows = chunks.map((c, i) => ({
    id: newId('chk'), source_id: sourceId, account_id: accountId, ord: c.ord, speaker: c.speaker, locator: c.locator, text: c.text,
    embedding: toVector(chunkVec(i)), embedder: ctx.embedder.name,
  }));
  for (let i = 0; i < rows.length; i += CHUNKS_PER_STATEMENT) {
    await (ctx.jobs?.quiet?.() ?? yieldToEventLoop());
    await insertMany(ctx.db, 'chunks', CHUNK_COLUMNS, rows.slice(i, i + CHUNKS_PER_STATEMENT));
  }
  return stored;
}
