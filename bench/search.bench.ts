import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { migrate } from '../src/db/migrate.js';
import { loadMigrations } from '../src/db/migrations-fs.js';
import { parseEnv } from '../src/config/env.js';
import { openPglite } from '../src/db/pglite.js';
import { toVector, type Db } from '../src/db/types.js';
import { createOfflineEmbedder, searchAccount } from '../src/memory/index.js';
import { EF_SEARCH } from '../src/memory/search.js';
import { fmtMs, median, peakRssMb, percentile, report } from './lib.js';

// Search at 10k and 100k chunks on embedded PGlite: p50/p95 of the vector (HNSW) query and of the
// whole hybrid search verb, recall@10 of HNSW against exact sequential search, HNSW build time,
// embed-and-insert throughput with the offline embedder, peak memory.
// The corpus is synthetic text drawn (Zipf) from the words of the shared eval cases, embedded by the
// real offline embedder. SEARCH_BENCH_SIZES=10000,100000 (default) picks the sizes; the HNSW index is
// built as the migrations define it unless SEARCH_BENCH_M / SEARCH_BENCH_EFC say otherwise. Latencies are
// wall clock and, beside them, the process CPU time per query (PGlite runs in this process, so on a busy
// machine the CPU time is the closer estimate of what an idle machine would see; both are printed).

const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = 200;
const RECALL_QUERIES = 100;
const EF_LIST = [...new Set([100, 200, 400, EF_SEARCH, 600, 800])].sort((a, b) => a - b);
const load1 = () => loadavg().map((x) => x.toFixed(2)).join(' ');

let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);

function vocabulary(): string[] {
  const dir = fileURLToPath(new URL('../../shared/eval-cases/', import.meta.url));
  const counts = new Map<string, number>();
  for (const f of readdirSync(dir).filter((x) => /^d\d+\.json$/.test(x))) {
    for (const w of readFileSync(dir + f, 'utf8').toLowerCase().match(/[a-z]{3,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

const VOCAB = vocabulary();
// Zipf(1) over the vocabulary: a few words everywhere, most words rare, like real conversation.
const CDF = (() => {
  const w = VOCAB.map((_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
function word(): string {
  const r = rand();
  let lo = 0, hi = CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CDF[mid]! < r) lo = mid + 1; else hi = mid;
  }
  return VOCAB[lo]!;
}
function chunkText(): string {
  const sentences = 2 + Math.floor(rand() * 4);
  return Array.from({ length: sentences }, () => Array.from({ length: 6 + Math.floor(rand() * 12) }, word).join(' ') + '.').join(' ');
}

const embedder = createOfflineEmbedder();

const ACCOUNTS = 100;
const PER_SOURCE = 50;
const accountOf = (k: number) => `acc_b${Math.floor(k / PER_SOURCE) % ACCOUNTS}`;

async function setup(db: Db): Promise<void> {
  for (let a = 0; a < ACCOUNTS; a++) await db.query(`INSERT INTO accounts (id, name, slug) VALUES ($1, $1, $1)`, [`acc_b${a}`]);
}

async function load(db: Db, from: number, to: number): Promise<void> {
  const BATCH = 250;
  for (let start = from; start < to; start += BATCH) {
    const n = Math.min(BATCH, to - start);
    const texts = Array.from({ length: n }, chunkText);
    const vectors = await embedder.embed(texts);
    const params: unknown[] = [];
    const values: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      const src = `src_b${Math.floor(k / PER_SOURCE)}`;
      if (k % PER_SOURCE === 0) {
        await db.query(
          `INSERT INTO sources (id, account_id, kind, origin, idempotency_key, status, raw, raw_content_type, title, occurred_at)
           VALUES ($1, $2, 'call', 'bench', $1, 'processed', '', 'text/plain', $1, now())`,
          [src, accountOf(k)],
        );
      }
      const b = params.length;
      values.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, '{"segment":0,"at":0,"offset":null}', $${b + 5}, $${b + 6}::vector, $${b + 7})`);
      params.push(`chk_b${k}`, src, accountOf(k), k % PER_SOURCE, texts[i], toVector(vectors[i]!), embedder.name);
    }
    await db.query(`INSERT INTO chunks (id, source_id, account_id, ord, locator, text, embedding, embedder) VALUES ${values.join(',')}`, params);
  }
}

/** Wall-clock and process-CPU milliseconds of each call. */
// PGlite's buffer cache as the server opens it (LIAISON_PGLITE_SHARED_BUFFERS, default 320MB: the 100k-chunk
// HNSW index is larger than PGlite's own 128MB default). SEARCH_BENCH_SHARED_BUFFERS overrides it.
async function openDb(): Promise<Db> {
  const sharedBuffers = process.env.SEARCH_BENCH_SHARED_BUFFERS ?? parseEnv({ LIAISON_API_TOKEN: 'bench-token-0123456789abcdef' }).LIAISON_PGLITE_SHARED_BUFFERS;
  const { db } = await openPglite({ sharedBuffers });
  const [{ shared_buffers: got } = { shared_buffers: '?' }] = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
  console.log(`  PGlite shared_buffers = ${got}${process.env.SEARCH_BENCH_SHARED_BUFFERS ? ' (SEARCH_BENCH_SHARED_BUFFERS)' : ' (the server\'s default, LIAISON_PGLITE_SHARED_BUFFERS)'}`);
  return db;
}

async function timeQueries(n: number, fn: (i: number) => Promise<unknown>): Promise<{ ms: number[]; cpu: number[] }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ms, cpu };
}

const pair = (xs: number[], p: number) => fmtMs(p === 50 ? median(xs) : percentile(xs, p));

async function main() {
  const db = await openDb();
  await migrate(db, loadMigrations());
  await setup(db);
  // The index as the migrations made it, unless the env asks for other parameters.
  const [{ def }] = await db.query<{ def: string }>(`SELECT pg_get_indexdef('chunks_embedding_idx'::regclass) AS def`) as [{ def: string }];
  const param = (k: string, env: string | undefined) => Number(env ?? def.match(new RegExp(`${k}='?(\\d+)`))?.[1]);
  const HNSW = { m: param('m', process.env.SEARCH_BENCH_M), efConstruction: param('ef_construction', process.env.SEARCH_BENCH_EFC) };
  const indexSql = `CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops) WITH (m = ${HNSW.m}, ef_construction = ${HNSW.efConstruction})`;
  console.log(`  migration's index: ${def.replace(/^.* USING /, 'USING ')}`);
  // Bulk load without the index, then build it (as `liaison reembed` or a restore would face it).
  await db.exec('DROP INDEX chunks_embedding_idx');
  await db.exec(`SET maintenance_work_mem = '768MB'`);
  let loaded = 0;
  for (const size of SIZES) {
    console.log(`\n-- ${size.toLocaleString('en')} chunks (HNSW m=${HNSW.m}, ef_construction=${HNSW.efConstruction}, ef_search=${EF_SEARCH}) --`);
    report('load average (1/5/15 min) before', load1());
    await db.exec('DROP INDEX IF EXISTS chunks_embedding_idx');
    const t0 = performance.now();
    await load(db, loaded, size);
    const loadS = (performance.now() - t0) / 1000;
    report('embed-and-insert throughput (offline embedder)', `${Math.round((size - loaded) / loadS)} chunks/s`);
    loaded = size;
    const t1 = performance.now();
    await db.exec(indexSql);
    report('HNSW build time', `${((performance.now() - t1) / 1000).toFixed(1)} s`);

    // Queries: a few words recalled from a random chunk plus a stray word, as an AM would type them.
    const qs = Array.from({ length: QUERIES }, () => {
      const k = Math.floor(rand() * size);
      return { k, text: '' };
    });
    const rows = await db.query<{ id: string; text: string }>('SELECT id, text FROM chunks WHERE id = ANY($1::text[])', [qs.map((q) => `chk_b${q.k}`)]);
    const byId = new Map(rows.map((r) => [r.id, r.text]));
    for (const q of qs) {
      const words = byId.get(`chk_b${q.k}`)!.replace(/\./g, '').split(' ');
      const start = Math.floor(rand() * Math.max(1, words.length - 6));
      q.text = [...words.slice(start, start + 3 + Math.floor(rand() * 4)), word()].join(' ');
    }
    const qvecs = await embedder.embed(qs.map((q) => q.text));
    const ann = (v: number[], ef: number) => db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('hnsw.ef_search', $1, true)`, [String(ef)]);
      return tx.query<{ id: string }>('SELECT id FROM chunks ORDER BY embedding <=> $1::vector LIMIT 10', [toVector(v)]);
    });
    const exact = (v: number[]) => db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('enable_indexscan', 'off', true)`);
      return tx.query<{ id: string }>('SELECT id FROM chunks ORDER BY embedding <=> $1::vector LIMIT 10', [toVector(v)]);
    });
    const exactMs: number[] = [];
    const truth: Set<string>[] = [];
    for (let i = 0; i < RECALL_QUERIES; i++) {
      const t = performance.now();
      truth.push(new Set((await exact(qvecs[i]!)).map((r) => r.id)));
      exactMs.push(performance.now() - t);
    }
    report('exact sequential search p50 (for reference)', fmtMs(median(exactMs)));
    const big = size >= 100_000;
    for (const ef of EF_LIST) {
      await ann(qvecs[0]!, ef); // warm
      const t = await timeQueries(QUERIES, (i) => ann(qvecs[i]!, ef));
      let hit = 0;
      for (let i = 0; i < RECALL_QUERIES; i++) for (const r of await ann(qvecs[i]!, ef)) if (truth[i]!.has(r.id)) hit++;
      const recall = hit / (RECALL_QUERIES * 10);
      const held = big && ef === EF_SEARCH;
      const p95 = percentile(t.ms, 95);
      report(`ef_search=${ef}: vector query p50 / p95`, `${pair(t.ms, 50)} / ${pair(t.ms, 95)}`, held ? 'p95 <= 30 ms' : undefined, held ? p95 <= 30 : undefined);
      report(`ef_search=${ef}: same, process CPU time`, `${pair(t.cpu, 50)} / ${pair(t.cpu, 95)}`);
      report(`ef_search=${ef}: recall@10 vs exact`, recall.toFixed(3), held ? '>= 0.95' : undefined, held ? recall >= 0.95 : undefined);
    }
    await searchAccount({ db, embedder }, { q: qs[0]!.text, limit: 10 });
    const scoped = await timeQueries(QUERIES, (i) => searchAccount({ db, embedder }, { q: qs[i]!.text, account: accountOf(qs[i]!.k), limit: 10 }));
    const global = await timeQueries(QUERIES, (i) => searchAccount({ db, embedder }, { q: qs[i]!.text, limit: 10 }));
    const sp95 = percentile(scoped.ms, 95);
    report(`hybrid search, one account (${size / ACCOUNTS} chunks) p50 / p95`, `${pair(scoped.ms, 50)} / ${pair(scoped.ms, 95)}`, big ? 'p95 <= 30 ms' : undefined, big ? sp95 <= 30 : undefined);
    report('same, process CPU time', `${pair(scoped.cpu, 50)} / ${pair(scoped.cpu, 95)}`);
    report(`hybrid search, all ${size} chunks p50 / p95`, `${pair(global.ms, 50)} / ${pair(global.ms, 95)}`);
    report('same, process CPU time', `${pair(global.cpu, 50)} / ${pair(global.cpu, 95)}`);
    report('load average (1/5/15 min) after', load1());
    report('peak RSS so far', `${Math.round(peakRssMb())} MB`);
  }
  // The production path: chunks inserted while the HNSW index is in place (each insert updates the graph).
  const t = performance.now();
  await load(db, loaded, loaded + 2000);
  report(`embed-and-insert with the HNSW index in place (at ${loaded / 1000}k)`, `${Math.round(2000 / ((performance.now() - t) / 1000))} chunks/s`);
  report('peak RSS', `${Math.round(peakRssMb())} MB`);
  await db.close();
}

await main();
