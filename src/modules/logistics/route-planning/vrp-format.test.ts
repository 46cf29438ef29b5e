import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { parseVrp } from './vrp-format.ts';

const tiny = `NAME : tiny-n4-k2
COMMENT : (hand made, No of trucks: 3)
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
 1 0 0
 2 3 4
 3 6 0
 4 0 -2
DEMAND_SECTION
1 0
2 4
3 7
4 2
DEPOT_SECTION
 1
 -1
EOF
`;

function rejects(text: string, reason: RegExp) {
  assert.throws(
    () => parseVrp(text),
    (error: unknown) =>
      error instanceof AppError && error.code === 'VALIDATION_FAILED' && reason.test(error.message),
  );
}

describe('.vrp reader', () => {
  it('reads nodes, demands, capacity and EUC_2D distances, the depot first', () => {
    const problem = parseVrp(tiny);
    assert.equal(problem.name, 'tiny-n4-k2');
    assert.deepEqual(problem.nodeIds, [1, 2, 3, 4]);
    assert.deepEqual(problem.demands, [0, 4, 7, 2]);
    assert.equal(problem.capacity, 10);
    assert.equal(problem.distances[0 * 4 + 1], 5);
    assert.equal(problem.distances[1 * 4 + 2], 5);
    assert.equal(problem.distances[2 * 4 + 3], 6); // √40 = 6.32… → 6
    assert.equal(problem.distanceDecimals, 0);
    assert.equal(problem.shift, undefined);
  });

  it('takes the fleet from VEHICLES only; the -kN of the name and the comment are no limit', () => {
    assert.equal(parseVrp(tiny.replace('TYPE', 'VEHICLES : 4\nTYPE')).vehicleCount, 4);
    assert.equal(parseVrp(tiny).vehicleCount, undefined);
    assert.equal(parseVrp(tiny.replace('tiny-n4-k2', 'tiny')).vehicleCount, undefined);
  });

  it('puts a depot that is not node 1 first and keeps the file numbering', () => {
    const problem = parseVrp(tiny.replace('DEPOT_SECTION\n 1', 'DEPOT_SECTION\n 3').replace('3 7', '3 0'));
    assert.deepEqual(problem.nodeIds, [3, 1, 2, 4]);
    assert.deepEqual(problem.demands, [0, 0, 4, 2]);
    assert.equal(problem.distances[1], 6); // depot (6,0) to node 1 (0,0)
  });

  it('turns DISTANCE and SERVICE_TIME into a route limit', () => {
    const problem = parseVrp(tiny.replace('CAPACITY', 'DISTANCE : 30\nSERVICE_TIME : 2\nCAPACITY'));
    assert.deepEqual(problem.shift, { maxDuration: 30, timePerDistance: 1, serviceTimes: [0, 2, 2, 2] });
  });

  it('says what is wrong with a file it cannot read', () => {
    rejects(tiny.replace('EUC_2D', 'GEO'), /EDGE_WEIGHT_TYPE GEO is not supported/);
    rejects(tiny.replace('DIMENSION : 4', 'DIMENSION : 5'), /DIMENSION is 5 but NODE_COORD_SECTION has 4/);
    rejects(tiny.replace('4 2\n', ''), /node 4 has no row in DEMAND_SECTION/);
    rejects(tiny.replace(' 2 3 4', ' 2 3'), /line 9: NODE_COORD_SECTION rows are "id x y"/);
    rejects(tiny.replace('CAPACITY : 10\n', ''), /CAPACITY is missing/);
    rejects(tiny.replace(' 1\n -1', ' 1\n 2\n -1'), /exactly one depot/);
    rejects('hello world', /line 1: expected "KEY : value"/);
  });
});
