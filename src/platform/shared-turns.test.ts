import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { newTurnsBuffer, releaseTurn, sharedTurns } from './shared-turns.ts';

describe('shared turns', () => {
  it('lets one task in at a time, in turn, each as soon as the previous one ends', async () => {
    const inTurn = sharedTurns(newTurnsBuffer());
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        inTurn(async () => {
          inside += 1;
          most = Math.max(most, inside);
          await sleep(20);
          order.push(n);
          inside -= 1;
        }),
      ),
    );
    assert.equal(most, 1);
    assert.deepEqual(order.toSorted(), [1, 2, 3]);
  });

  it('waits while another thread holds the turn, and goes on once that thread’s turn is released', async () => {
    const buffer = newTurnsBuffer();
    // Thread 7 holds the turn (the cell stores its id + 1).
    Atomics.store(new Int32Array(buffer), 0, 8);
    const inTurn = sharedTurns(buffer);
    let ran = false;
    const waiting = inTurn(async () => {
      ran = true;
    });
    await sleep(30);
    assert.equal(ran, false, 'the holder still has its turn');
    releaseTurn(buffer, 3);
    await sleep(30);
    assert.equal(ran, false, 'only the holder’s turn can be released');
    releaseTurn(buffer, 7);
    await waiting;
    assert.equal(ran, true);
    assert.equal(Atomics.load(new Int32Array(buffer), 0), 0, 'and the turn is free again');
  });

  it('frees the turn when the work fails', async () => {
    const buffer = newTurnsBuffer();
    const inTurn = sharedTurns(buffer);
    await assert.rejects(
      inTurn(async () => {
        throw new Error('write failed');
      }),
      /write failed/,
    );
    assert.equal(Atomics.load(new Int32Array(buffer), 0), 0);
  });
});
