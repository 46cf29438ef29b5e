/**
 * Collects calls that arrive while a batch is being processed and runs them as the next batch.
 * If a batch fails as a whole (a database error), each of its items is retried alone so only
 * the one at fault fails.
 */
export function groupCommit<I, R>(process: (items: readonly I[]) => Promise<R[]>, maxBatch = 500) {
  let waiting: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let isRunning = false;

  async function runAlone(entry: (typeof waiting)[number]) {
    try {
      entry.resolve((await process([entry.item]))[0]);
    } catch (error) {
      entry.reject(error);
    }
  }

  async function drain() {
    isRunning = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      try {
        const results = await process(batch.map((b) => b.item));
        for (const [i, entry] of batch.entries()) entry.resolve(results[i]);
      } catch {
        for (const entry of batch) await runAlone(entry);
      }
    }
    isRunning = false;
  }

  return (item: I): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Wait one turn of the event loop so requests parsed together go together.
      if (!isRunning && waiting.length === 1) setImmediate(() => void drain());
    });
}
