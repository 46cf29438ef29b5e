import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { parseStopList } from './stop-list.ts';

const riderDay = {
  name: 'Saturday community run',
  depot: { id: 'shop', lat: 30.0, lng: 120.0 },
  vehicles: { count: 2, capacity: 20, shiftMinutes: 120, speedKmh: 20 },
  stops: [
    { id: 'A-1', lat: 30.01, lng: 120.0, demand: 5, serviceMinutes: 4 },
    { id: 'A-2', lat: 30.0, lng: 120.01, demand: 3 },
  ],
};

function rejects(list: unknown, reason: RegExp) {
  assert.throws(
    () => parseStopList(JSON.stringify(list)),
    (error: unknown) => error instanceof AppError && reason.test(error.message),
  );
}

describe('stop list reader', () => {
  it('reads a lat/lng stop list into great-circle km and a shift in minutes', () => {
    const problem = parseStopList(JSON.stringify(riderDay));
    assert.equal(problem.name, 'Saturday community run');
    assert.deepEqual(problem.nodeIds, ['shop', 'A-1', 'A-2']);
    assert.deepEqual(problem.demands, [0, 5, 3]);
    assert.equal(problem.capacity, 20);
    assert.equal(problem.vehicleCount, 2);
    assert.equal(problem.distances[1], 1.112); // 0.01° of latitude
    assert.equal(problem.distances[2], 0.963); // 0.01° of longitude at 30° N
    assert.deepEqual(problem.shift, { maxDuration: 120, timePerDistance: 3, serviceTimes: [0, 4, 0] });
    assert.equal(problem.distanceDecimals, 3);
  });

  it('reads x/y as grid km, numeric ids, and no fleet size as as many riders as needed', () => {
    const problem = parseStopList(
      JSON.stringify({
        depot: { x: 0, y: 0 },
        vehicles: { capacity: 10 },
        stops: [{ id: 7, x: 3, y: 4, demand: 1 }],
      }),
    );
    assert.deepEqual(problem.nodeIds, ['depot', 7]);
    assert.equal(problem.distances[1], 5);
    assert.equal(problem.vehicleCount, undefined);
    assert.equal(problem.shift, undefined);
  });

  it('names the field that is wrong', () => {
    rejects({ ...riderDay, stops: [{ ...riderDay.stops[0], demand: -1 }] }, /stops\.0\.demand/);
    rejects({ ...riderDay, vehicles: { count: 2 } }, /vehicles\.capacity/);
    rejects({ ...riderDay, stops: [] }, /stops/);
    rejects(
      { ...riderDay, stops: [{ id: 'B', x: 1, y: 1, demand: 1 }] },
      /stops\.0 needs lat and lng like the depot/,
    );
    rejects(
      { ...riderDay, stops: [riderDay.stops[0], riderDay.stops[0]] },
      /stops\.1\.id "A-1" is used twice/,
    );
    rejects({ ...riderDay, vehicles: { capacity: 20, shiftMinutes: 60 } }, /vehicles\.speedKmh/);
  });

  it('says when the file is not JSON at all', () => {
    assert.throws(
      () => parseStopList('{"depot": '),
      (error: unknown) => error instanceof AppError && error.code === 'INVALID_JSON',
    );
  });
});
