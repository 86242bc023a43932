-- Memory: merged mentions keep their own text (so a merge can be split back), fulfilments are
-- recorded as mentions of their own kind, and item vectors carry the embedder that made them (reembed).
ALTER TABLE item_mentions ADD COLUMN text text;
ALTER TABLE item_mentions ADD COLUMN role text NOT NULL DEFAULT 'mention' CHECK (role IN ('mention', 'merge', 'fulfilment'));
ALTER TABLE items ADD COLUMN embedder text;
CREATE INDEX items_open_merge_idx ON items (account_id, type) WHERE status IN ('open', 'acknowledged', 'overdue');
CREATE INDEX chunks_reembed_idx ON chunks (embedder, id);
