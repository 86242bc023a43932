-- pgvector first: chunks and items carry embeddings.
CREATE EXTENSION IF NOT EXISTS vector;
