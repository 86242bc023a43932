-- Chunk search at 100k chunks: with the default graph (m = 16, ef_construction = 64) recall@10 against
-- exact search stayed near 0.86 however far hnsw.ef_search went within the latency budget; a denser graph
-- reaches 0.95 (bench/search.bench.ts, README memory section). The rebuild costs minutes at 100k chunks:
-- the build gets enough memory to keep the graph in memory rather than spilling.
SET LOCAL maintenance_work_mem = '512MB';
DROP INDEX IF EXISTS chunks_embedding_idx;
CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 32, ef_construction = 128);
