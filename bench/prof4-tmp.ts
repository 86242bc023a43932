import { createOfflineExtractor, finalizeExtraction } from '../src/extract/index.js';
import { normalizeTranscript } from '../src/ingest/index.js';
import { longCall } from './fixtures/long-call.js';
const call = longCall(9000);
const src = normalizeTranscript(call as never, []);
const ex = createOfflineExtractor();
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const raw = await ex.extract({ source: src, account: { name: 'x', tier: 2 } });
  const t1 = performance.now();
  finalizeExtraction(src, raw);
  const t2 = performance.now();
  console.log(`extract ${(t1 - t0).toFixed(0)} finalize ${(t2 - t1).toFixed(0)} items ${raw.requests.length + raw.commitments.length + raw.risks.length}`);
}
