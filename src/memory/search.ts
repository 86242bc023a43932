import { z } from 'zod';
import type { Ctx } from '../ctx.js';
import { iso, toVector } from '../db/types.js';
import type { Locator, Segment } from '../domain/schemas.js';
import { ensureEmbedder } from './embedder-settings.js';
import { tokenize } from './offline-embedder.js';

export const SearchInput = z.object({
  q: z.string().trim().min(1, 'q is required').max(1000),
  account: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export interface Citation {
  sourceId: string;
  sourceTitle: string | null;
  sourceKind: 'call' | 'email';
  occurredAt: string | null;
  speaker: string | null;
  /** Seconds from the start of the call, and the same as HH:MM:SS; null for email. */
  at: number | null;
  timestamp: string | null;
  /** The email's Message-ID, for email passages. */
  messageId: string | null;
  url: string | null;
  locator: Locator;
  quote: string;
}

export interface SearchHit {
  rank: number;
  chunkId: string;
  accountId: string | null;
  score: number;
  passage: string;
  citation: Citation;
  /** Where the hit came from: its rank in the vector list and in the full-text list (null when absent). */
  vectorRank: number | null;
  textRank: number | null;
}

/** Reciprocal rank fusion constant (Cormack et al.): damps the head of each list. */
export const RRF_K = 60;
/**
 * hnsw.ef_search used by search. With the chunk index's m = 32, ef_construction = 128 (migration
 * 20261123080000) recall@10 against exact search measured 0.950 at 100k chunks (p95 25 ms; 0.955-0.967 at 500,
 * whose p95 was 28-30 ms);
 * bench/search.bench.ts measures recall and latency at this setting.
 */
export const EF_SEARCH = 450;
/** Most full-text matches ranked per query (bounds the cost of an OR query full of common words). */
export const FTS_CANDIDATES = 200;
/** Up to this many chunks in the account, the vector side is an exact scan of the account's chunks. */
export const EXACT_MAX = 5000;

function hhmmss(s: number): string {
  const t = Math.floor(s);
  return [Math.floor(t / 3600), Math.floor((t % 3600) / 60), t % 60].map((x) => String(x).padStart(2, '0')).join(':');
}

/** The sentence (or line) of a passage sharing most words with the query: the quote a citation shows. */
export function bestQuote(passage: string, q: string): string {
  const terms = new Set(tokenize(q));
  let best = { s: passage, n: -1 };
  for (const s of passage.split(/(?<=[.!?])\s+|\n/).map((x) => x.replace(/^[^:\n]{1,60}:\s/, '').trim()).filter(Boolean)) {
    const n = tokenize(s).filter((w) => terms.has(w)).length;
    if (n > best.n) best = { s, n };
  }
  return best.s;
}

/**
 * Hybrid search over an account's (or every account's) chunks: nearest neighbours by cosine on the
 * HNSW index and full-text matches on the GIN index, fused by reciprocal rank; each hit carries a citation.
 */
export async function searchAccount(ctx: Pick<Ctx, 'db' | 'embedder'>, raw: z.input<typeof SearchInput>): Promise<{ query: string; account: string | null; hits: SearchHit[] }> {
  const input = SearchInput.parse(raw);
  await ensureEmbedder(ctx);
  const [qv] = await ctx.embedder.embed([input.q]);
  const depth = Math.max(40, input.limit * 4);
  const acc = input.account ?? null;
  const { vec, txt } = await ctx.db.transaction(async (tx) => {
    // An account's own chunks are few: exact distance over them is faster than filtering a global HNSW
    // walk, and exact. Beyond EXACT_MAX chunks (or with no account) the HNSW index answers.
    const [{ n } = { n: 0 }] = acc ? await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM chunks WHERE account_id = $1', [acc]) : [];
    const exact = acc !== null && Number(n) <= EXACT_MAX;
    await tx.query(`SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, [String(Math.max(EF_SEARCH, depth))]);
    const vec = exact
      ? await tx.query<{ id: string }>(
        `WITH own AS MATERIALIZED (SELECT id, embedding FROM chunks WHERE account_id = $2 AND embedding IS NOT NULL)
         SELECT id FROM own ORDER BY embedding <=> $1::vector, id LIMIT $3`,
        [toVector(qv!), acc, depth],
      )
      : await tx.query<{ id: string }>(
        `SELECT id FROM chunks WHERE ($2::text IS NULL OR account_id = $2) ORDER BY embedding <=> $1::vector LIMIT $3`,
        [toVector(qv!), acc, depth],
      );
    // Full text: every query word (AND) first; when that finds too little, any word (OR), ranked by
    // cover density within a bounded candidate set so common words cannot make it rank the corpus.
    // The tsquery is passed as a value so the planner sees it (GIN index, row estimates).
    const [{ q: tsq } = { q: '' }] = await tx.query<{ q: string }>(`SELECT plainto_tsquery('english', $1)::text AS q`, [input.q]);
    const fts = (q: string) => tx.query<{ id: string }>(
      `SELECT id FROM (
         SELECT c.id, c.tsv FROM chunks c WHERE c.tsv @@ $1::tsquery AND ($2::text IS NULL OR c.account_id = $2) LIMIT ${FTS_CANDIDATES}) m
       ORDER BY ts_rank_cd(m.tsv, $1::tsquery) DESC, m.id LIMIT $3`,
      [q, acc, depth],
    );
    let txt = tsq ? await fts(tsq) : [];
    if (tsq.includes('&') && txt.length < input.limit) {
      const seen = new Set(txt.map((r) => r.id));
      txt = [...txt, ...(await fts(tsq.replaceAll('&', '|'))).filter((r) => !seen.has(r.id))];
    }
    return { vec, txt };
  });
  const fused = new Map<string, { score: number; v: number | null; t: number | null }>();
  vec.forEach((r, i) => fused.set(r.id, { score: 1 / (RRF_K + i + 1), v: i + 1, t: null }));
  txt.forEach((r, i) => {
    const e = fused.get(r.id) ?? { score: 0, v: null, t: null };
    e.score += 1 / (RRF_K + i + 1);
    e.t = i + 1;
    fused.set(r.id, e);
  });
  const top = [...fused.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0])).slice(0, input.limit);
  if (!top.length) return { query: input.q, account: acc, hits: [] };
  const rows = await ctx.db.query<{ id: string; account_id: string | null; source_id: string; speaker: string | null; locator: Locator; text: string; title: string | null; kind: 'call' | 'email'; occurred_at: Date | null; message_id: string | null; url: string | null; segments: Segment[] | null }>(
    `SELECT c.id, c.account_id, c.source_id, c.speaker, c.locator, c.text, s.title, s.kind, s.occurred_at,
            s.normalized->'links'->>'messageId' AS message_id, s.normalized->'links'->>'url' AS url, s.normalized->'segments' AS segments
     FROM chunks c JOIN sources s ON s.id = c.source_id WHERE c.id = ANY($1::text[])`,
    [top.map(([id]) => id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: SearchHit[] = [];
  for (const [id, f] of top) {
    const r = byId.get(id);
    if (!r) continue;
    // Cite the turn the quote is in (a chunk packs several turns): its speaker, time and segment.
    const quote = bestQuote(r.text, input.q);
    const seg = r.segments?.find((g) => g.index >= r.locator.segment && g.text.includes(quote)) ?? null;
    const at = r.kind === 'call' ? (seg ? seg.at : r.locator?.at ?? null) : null;
    hits.push({
      rank: hits.length + 1, chunkId: id, accountId: r.account_id, score: Number(f.score.toFixed(6)), passage: r.text, vectorRank: f.v, textRank: f.t,
      citation: {
        sourceId: r.source_id, sourceTitle: r.title, sourceKind: r.kind, occurredAt: iso(r.occurred_at), speaker: seg ? seg.speaker : r.speaker,
        at, timestamp: at === null ? null : hhmmss(at), messageId: r.kind === 'email' ? r.message_id : null, url: r.url,
        locator: seg ? { segment: seg.index, at: seg.at, offset: seg.text.indexOf(quote) } : r.locator,
        quote,
      },
    });
  }
  return { query: input.q, account: acc, hits };
}
