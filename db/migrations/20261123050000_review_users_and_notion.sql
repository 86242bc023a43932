-- Review UI users (per-user tokens, stored only as a SHA-256 hash) and the Notion pages publishing maintains.

CREATE TABLE users (
  id          text PRIMARY KEY,
  email       text NOT NULL,
  name        text,
  token_hash  text NOT NULL UNIQUE,
  disabled_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

-- One Notion page per account: publishing updates it rather than creating another.
CREATE TABLE notion_pages (
  key         text PRIMARY KEY,          -- account:<id>, or leadership:data_source
  page_id     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The queue page: newest first with a stable tie-break, read straight off the index (no sort of the whole queue).
CREATE INDEX drafts_queue_page_idx ON drafts (status, created_at DESC, id);
