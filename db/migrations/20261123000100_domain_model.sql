-- The whole domain model of Liaison. Ids are text (prefix + random) so both drivers and the API agree.

CREATE TABLE accounts (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  slug          text NOT NULL UNIQUE,
  tier          smallint NOT NULL DEFAULT 2 CHECK (tier BETWEEN 1 AND 3),
  domains       text[] NOT NULL DEFAULT '{}',
  inbound_alias text UNIQUE,
  -- Days between calls before a cadence signal; null means the tier's default.
  cadence_days  integer,
  am_email      text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_domains_idx ON accounts USING gin (domains);

CREATE TABLE people (
  id          text PRIMARY KEY,
  account_id  text REFERENCES accounts(id) ON DELETE SET NULL,
  name        text NOT NULL,
  email       text,
  side        text NOT NULL CHECK (side IN ('agency', 'client', 'unknown')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_email_idx ON people (lower(email)) WHERE email IS NOT NULL;

-- A source is also the processing job: status, attempts, lease and next attempt live on it.
CREATE TABLE sources (
  id               text PRIMARY KEY,
  account_id       text REFERENCES accounts(id) ON DELETE SET NULL,
  kind             text NOT NULL CHECK (kind IN ('call', 'email')),
  origin           text NOT NULL,              -- api, fathom, inbound:raw, inbound:postmark, ...
  external_id      text,
  idempotency_key  text NOT NULL UNIQUE,
  status           text NOT NULL CHECK (status IN ('received', 'processing', 'processed', 'failed', 'unassigned', 'needs_transcript')),
  raw              text NOT NULL,              -- the delivery as received, byte for byte when text
  raw_content_type text NOT NULL,
  normalized       jsonb,
  -- Routing hints kept with the source (account hints, plus-address, cover note) for later assignment.
  hints            jsonb NOT NULL DEFAULT '{}',
  title            text,
  occurred_at      timestamptz,
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL DEFAULT 5,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  lease_until      timestamptz,
  leased_by        text,
  last_error       text,
  processed_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sources_due_idx ON sources (next_attempt_at) WHERE status IN ('received', 'processing', 'needs_transcript');
CREATE INDEX sources_account_idx ON sources (account_id, occurred_at DESC);
CREATE INDEX sources_status_idx ON sources (status, created_at DESC);
CREATE INDEX sources_external_idx ON sources (origin, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE extractions (
  id              text PRIMARY KEY,
  source_id       text NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  provider        text NOT NULL,
  model           text NOT NULL,
  prompt_version  text NOT NULL,
  prompt_hash     text NOT NULL,
  schema_version  text NOT NULL,
  input_tokens    integer NOT NULL DEFAULT 0,
  output_tokens   integer NOT NULL DEFAULT 0,
  cached_tokens   integer NOT NULL DEFAULT 0,
  latency_ms      integer NOT NULL DEFAULT 0,
  dropped_quotes  integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX extractions_source_idx ON extractions (source_id);

-- Every LLM call, including failed ones, with the raw output kept for inspection.
CREATE TABLE llm_calls (
  id              text PRIMARY KEY,
  source_id       text REFERENCES sources(id) ON DELETE SET NULL,
  task            text NOT NULL,
  provider        text NOT NULL,
  model           text NOT NULL,
  prompt_version  text,
  prompt_hash     text,
  request_hash    text,
  status          text NOT NULL CHECK (status IN ('ok', 'error', 'refused', 'invalid_output', 'cached')),
  input_tokens    integer NOT NULL DEFAULT 0,
  output_tokens   integer NOT NULL DEFAULT 0,
  cached_tokens   integer NOT NULL DEFAULT 0,
  latency_ms      integer NOT NULL DEFAULT 0,
  error           text,
  raw_output      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_source_idx ON llm_calls (source_id);

CREATE TABLE chunks (
  id          text PRIMARY KEY,
  source_id   text NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  account_id  text REFERENCES accounts(id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  speaker     text,
  locator     jsonb NOT NULL,
  text        text NOT NULL,
  embedding   vector(256),
  embedder    text,
  tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(speaker, '') || ' ' || text)) STORED,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, ord)
);
CREATE INDEX chunks_embedding_idx ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);
CREATE INDEX chunks_account_idx ON chunks (account_id);

CREATE TABLE items (
  id             text PRIMARY KEY,
  account_id     text REFERENCES accounts(id) ON DELETE CASCADE,
  source_id      text REFERENCES sources(id) ON DELETE SET NULL,   -- where it was first seen
  extraction_id  text REFERENCES extractions(id) ON DELETE SET NULL,
  type           text NOT NULL CHECK (type IN ('request', 'commitment', 'risk')),
  origin         text NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'system')),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'done', 'overdue', 'dismissed', 'merged')),
  text           text NOT NULL,
  quote          text NOT NULL,
  locator        jsonb,
  -- Type-specific fields in SCORING.md names: requester, channel, triage, due, owner, owner_side, kind, severity, rationale.
  fields         jsonb NOT NULL DEFAULT '{}',
  due            date,
  embedding      vector(256),
  merged_into    text REFERENCES items(id) ON DELETE SET NULL,
  -- For system signals: a key that makes the same signal idempotent (e.g. cadence:acc_1:2026-03).
  signal_key     text UNIQUE,
  status_changed_at timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX items_account_idx ON items (account_id, type, status);
CREATE INDEX items_source_idx ON items (source_id);
CREATE INDEX items_due_idx ON items (due) WHERE status IN ('open', 'acknowledged');
CREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_cosine_ops);

-- Each time an item is seen: the first sighting and every later merged one.
CREATE TABLE item_mentions (
  id             text PRIMARY KEY,
  item_id        text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  source_id      text REFERENCES sources(id) ON DELETE CASCADE,
  extraction_id  text REFERENCES extractions(id) ON DELETE SET NULL,
  quote          text NOT NULL,
  locator        jsonb,
  fields         jsonb NOT NULL DEFAULT '{}',
  -- The item this mention would have been, had it not been merged (so a merge can be undone).
  merged_from    text,
  similarity     real,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX item_mentions_item_idx ON item_mentions (item_id);
CREATE INDEX item_mentions_source_idx ON item_mentions (source_id);

CREATE TABLE drafts (
  id              text PRIMARY KEY,
  account_id      text REFERENCES accounts(id) ON DELETE CASCADE,
  source_id       text REFERENCES sources(id) ON DELETE SET NULL,
  item_id         text REFERENCES items(id) ON DELETE SET NULL,
  kind            text NOT NULL CHECK (kind IN ('recap', 'ack', 'handoff', 'flag', 'writeup', 'chaser')),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'published', 'publish_failed')),
  title           text NOT NULL,
  body            text NOT NULL,
  evidence        jsonb NOT NULL DEFAULT '[]',
  -- Optimistic concurrency: every change bumps it; edits may send the version they saw.
  version         integer NOT NULL DEFAULT 1,
  -- One draft per (kind, subject): a re-run of the pipeline replaces nothing already decided.
  dedupe_key      text UNIQUE,
  meta            jsonb NOT NULL DEFAULT '{}',
  decided_by      text,
  decided_at      timestamptz,
  reject_reason   text,
  publish_error   text,
  publish_attempts integer NOT NULL DEFAULT 0,
  published_at    timestamptz,
  external_ref    text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_queue_idx ON drafts (status, created_at DESC);
CREATE INDEX drafts_account_idx ON drafts (account_id, status);

CREATE TABLE draft_edits (
  id          text PRIMARY KEY,
  draft_id    text NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  version     integer NOT NULL,
  before      text NOT NULL,
  after       text NOT NULL,
  editor      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draft_edits_draft_idx ON draft_edits (draft_id);

CREATE TABLE audit_log (
  id           text PRIMARY KEY,
  actor        text NOT NULL,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  data         jsonb NOT NULL DEFAULT '{}',
  request_id   text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at);

-- Small key/value facts about this installation (embedder name and dimension, ...).
CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
