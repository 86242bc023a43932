-- Every verified Fathom webhook delivery, by its webhook-id, so a redelivery (same id) creates nothing.
-- The meeting itself is deduplicated on the source's idempotency key (fathom:recording:<recording_id>).
CREATE TABLE fathom_deliveries (
  webhook_id    text PRIMARY KEY,
  source_id     text REFERENCES sources(id) ON DELETE SET NULL,
  recording_id  bigint,
  received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fathom_deliveries_recording_idx ON fathom_deliveries (recording_id);
