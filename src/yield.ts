/**
 * Lets timers and I/O run. An embedded PGlite query finishes in the same turn of the event loop (its
 * WebAssembly runs synchronously and resolves a promise), so a job that awaits query after query never
 * gives the HTTP server a turn: a whole backlog of calls could be processed while webhooks waited for an
 * answer. Long work awaits this between its steps.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
