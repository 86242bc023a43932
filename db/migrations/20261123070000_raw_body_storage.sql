-- A delivery's raw body (a two-hour Fathom call is ~400 KB of JSON) is written on the acknowledgement
-- path. On embedded PGlite, Postgres compresses it with pglz inside WebAssembly, which made the insert
-- take twice as long as storing it uncompressed (7.5 ms against 3.9 ms for 416 KB; see
-- `npm run bench -- fathom-webhook`). There the column is stored out of line without compression.
-- Real Postgres keeps its default (compressed) storage: native compression is cheap and saves disk.
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    ALTER TABLE sources ALTER COLUMN raw SET STORAGE EXTERNAL;
  END IF;
END
$$;
