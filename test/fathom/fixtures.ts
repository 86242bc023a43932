import { readFileSync } from 'node:fs';
import { FIXTURES_DIR } from '../helpers/cases.js';
import { signFathomPayload } from '../../src/ingest/fathom/verify-signature.js';

// The shared sample and its documented test signature (../shared/reference/fathom.md §6).
export const SAMPLE_PATH = `${FIXTURES_DIR}fathom/meeting-content-ready.json`;
export const SAMPLE_SECRET = 'whsec_ZmF0aG9tLXNhbXBsZS1zZWNyZXQtZG8tbm90LXVzZS0wMQ==';
export const SAMPLE_ID = 'msg_2wQ8rTzK4mB7nVcL1xYpD9sF3aH';
export const SAMPLE_TS = 1789488892;
export const SAMPLE_SIG = 'v1,/7SlmDBhriTDzsVmqXEqLQjyksbhs8SRcqhQTsUA1qg=';
export const SAMPLE_NOW = new Date(SAMPLE_TS * 1000);
/** A second made-up secret for re-signed variants. */
export const TEST_SECRET = `whsec_${Buffer.from('liaison-test-secret-not-real-0001').toString('base64')}`;

export const sampleBytes = (): Uint8Array => new Uint8Array(readFileSync(SAMPLE_PATH));
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');
export const sampleJson = (): Record<string, unknown> => JSON.parse(sampleText()) as Record<string, unknown>;

export async function signedHeaders(body: string | Uint8Array, opts: { secret?: string; id?: string; ts?: number } = {}) {
  const id = opts.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const ts = opts.ts ?? SAMPLE_TS;
  const sig = await signFathomPayload(opts.secret ?? TEST_SECRET, id, ts, body);
  return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sig, 'content-type': 'application/json' };
}

const hms = (s: number) => [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');

/** A two-hour call built from the sample's own turns (about 400 KB), with a fresh recording_id. */
export function longCall(recordingId = 512000001): Record<string, unknown> {
  const m = sampleJson();
  const turns = m.transcript as Array<{ speaker: unknown; text: string }>;
  const transcript = [];
  for (let i = 0, t = 4; t < 7200; i++, t += 5) {
    const turn = turns[i % turns.length]!;
    transcript.push({ speaker: turn.speaker, text: `${turn.text} (${i})`, timestamp: hms(t) });
  }
  return { ...m, recording_id: recordingId, recording_end_time: '2026-09-15T18:01:47Z', transcript };
}
