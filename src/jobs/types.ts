/** How a stored delivery gets processed: the Node runner is woken, the Worker sends a Queue message. */
export interface JobQueue {
  enqueue(sourceId: string): Promise<void>;
  /**
   * A delivery (webhook, inbound email, API ingest) started; call the returned function when it has been
   * answered. The in-process runner holds off processing while deliveries are arriving (see runner.ts).
   */
  deliveryStarted?(): () => void;
  /** Resolves when long work may go on: at once, or once deliveries have gone quiet (the in-process runner). */
  quiet?(): Promise<void>;
}
export const noopQueue: JobQueue = { enqueue: async () => {} };
