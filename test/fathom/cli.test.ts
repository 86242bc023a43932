import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { fathomBackfill } from '../../src/cli/commands/fathom-backfill.js';
import { fathomFetch } from '../../src/cli/commands/fathom-fetch.js';
import { useMsw } from '../helpers/msw.js';
import { sampleJson } from './fixtures.js';

const API = 'https://api.fathom.test/external/v1';

describe('liaison fathom backfill / fetch (the commands, on an embedded database in a temp dir)', () => {
  const server = useMsw();
  const saved = { ...process.env };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-fathom-cli-'));
    Object.assign(process.env, { LIAISON_DATA_DIR: dir, FATHOM_API_KEY: 'k-123', FATHOM_API_URL: API, LIAISON_LOG_LEVEL: 'silent', DATABASE_URL: '' });
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(cmd: typeof fathomBackfill, argv: string[]) {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    const err = vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
    try {
      return { rc: await cmd.run(parseArgs(argv)), out: out.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  }

  it('backfills with progress, then a rerun stores nothing new; fetch reports what it finds', async () => {
    server.use(http.get(`${API}/meetings`, () =>
      HttpResponse.json({ items: [{ ...sampleJson(), recording_id: 61 }, { ...sampleJson(), recording_id: 62, transcript: null }], next_cursor: null, limit: 2 })));
    const first = await run(fathomBackfill, ['--since', '2026-09-01', '--per-minute', '30']);
    expect(first.rc).toBe(0);
    expect(first.out).toContain('page 1: 2 seen, 2 stored, 0 already stored, 0 invalid');
    expect(first.out).toContain('2 stored, 0 already stored');
    const again = await run(fathomBackfill, ['--since', '2026-09-01']);
    expect(again.out).toContain('0 stored, 2 already stored');

    expect((await run(fathomFetch, ['61'])).out).toContain('already has 41 segments');
    server.use(http.get(`${API}/recordings/62/transcript`, () => HttpResponse.json({ transcript: sampleJson().transcript })));
    const fetched = await run(fathomFetch, ['62']);
    expect(fetched).toMatchObject({ rc: 0, out: expect.stringContaining('41 transcript segments stored') });
    const missing = await run(fathomFetch, ['63']);
    expect(missing).toMatchObject({ rc: 1, out: expect.stringContaining('NOT_FOUND: Fathom recording 63 is not stored yet') });
  });

  it('refuses a missing --since or a non-numeric recording id as usage errors', async () => {
    await expect(fathomBackfill.run(parseArgs([]))).rejects.toBeInstanceOf(UsageError);
    await expect(fathomFetch.run(parseArgs(['abc']))).rejects.toBeInstanceOf(UsageError);
  });
});
