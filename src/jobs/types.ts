/** How a stored delivery gets processed: the Node runner is woken, the Worker sends a Queue message. */
export interface JobQueue {
  enqueue(sourceId: string): Promise<void>;
}
export const noopQueue: JobQueue = { enqueue: async () => {} };
