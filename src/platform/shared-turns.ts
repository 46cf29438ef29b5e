/**
 * Taking turns across threads: a lock in a SharedArrayBuffer that any thread holding the buffer
 * can enter, the main thread included. A waiter sleeps in `Atomics.waitAsync` (its event loop
 * keeps running) and is woken by the holder, so a turn passes on the moment the previous one
 * ends; SQLite's own busy timeout polls with sleeps of up to 100 ms and blocks the thread.
 */
export function sharedTurns(buffer: SharedArrayBuffer) {
  const cell = new Int32Array(buffer);
  return async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    while (Atomics.compareExchange(cell, 0, free, taken) !== free) {
      const wait = waitAsync(cell, 0, taken);
      if (wait.async) await wait.value;
    }
    try {
      return await work();
    } finally {
      releaseTurn(buffer);
    }
  };
}

const free = 0;
const taken = 1;

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

/** Ends the current turn; also what the owner of the threads calls when a holder died mid-turn. */
export function releaseTurn(buffer: SharedArrayBuffer): void {
  const cell = new Int32Array(buffer);
  Atomics.store(cell, 0, free);
  Atomics.notify(cell, 0);
}
