import { threadId } from 'node:worker_threads';

/**
 * Taking turns across threads: a lock in a SharedArrayBuffer that any thread holding the buffer
 * can enter, the main thread included. A waiter sleeps in `Atomics.waitAsync` (its event loop
 * keeps running) and is woken by the holder, so a turn passes on the moment the previous one
 * ends; SQLite's own busy timeout polls with sleeps of up to 100 ms and blocks the thread. The
 * lock only saves that waiting: SQLite itself still never lets two writers in at once.
 */
export function sharedTurns(buffer: SharedArrayBuffer) {
  const cell = new Int32Array(buffer);
  const me = holderOf(threadId);
  return async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      const holder = Atomics.compareExchange(cell, 0, free, me);
      if (holder === free) break;
      const wait = waitAsync(cell, 0, holder);
      if (wait.async) await wait.value;
    }
    try {
      return await work();
    } finally {
      releaseTurn(buffer, threadId);
    }
  };
}

const free = 0;
/** The cell holds the holder's thread id + 1 (the main thread is 0), so a turn is never 0. */
const holderOf = (id: number) => id + 1;

// In Node since 16; TypeScript lists it from ES2024 on.
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

export function newTurnsBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/**
 * Ends the turn of the thread with this id, if it holds it: what a holder does when done, and
 * what the owner of the threads does for a thread that died (mid-turn or not).
 */
export function releaseTurn(buffer: SharedArrayBuffer, holderThreadId: number): void {
  const cell = new Int32Array(buffer);
  if (Atomics.compareExchange(cell, 0, holderOf(holderThreadId), free) === holderOf(holderThreadId))
    Atomics.notify(cell, 0);
}
