-- Items are compared only within one account (merge candidates), a few hundred rows at most, where an
-- exact scan is both faster and exact; the HNSW index cost ~0.3 ms per inserted item for nothing.
-- Chunks keep theirs: search runs over every chunk of an account's history.
DROP INDEX IF EXISTS items_embedding_idx;
