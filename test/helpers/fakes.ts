import { AppError, UpstreamError } from '../../src/errors.js';
import { createOfflineExtractor } from '../../src/extract/index.js';
import type { ExtractInput, Extractor, RawExtraction } from '../../src/extract/types.js';

/** An Extractor that records its calls and fails on demand, otherwise delegating to the offline rules. */
export class FakeExtractor implements Extractor {
  readonly name = 'fake';
  readonly calls: string[] = [];
  private failures: Error[] = [];
  private readonly inner = createOfflineExtractor();

  /** The next call(s) throw: retryable by default, like an LLM 429/5xx. */
  failNext(times = 1, err: Error = new UpstreamError('provider unavailable (test)', { retryAfterSeconds: 0 })): this {
    for (let i = 0; i < times; i++) this.failures.push(err);
    return this;
  }

  failNextPermanently(): this {
    return this.failNext(1, new AppError('UNPROCESSABLE', 'output broke the schema twice (test)', { retryable: false }));
  }

  async extract(input: ExtractInput): Promise<RawExtraction> {
    this.calls.push(input.sourceId ?? '?');
    const err = this.failures.shift();
    if (err) throw err;
    return this.inner.extract(input);
  }
}
