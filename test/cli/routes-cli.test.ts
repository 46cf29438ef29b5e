import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const instance = path.resolve(root, 'test/fixtures/cvrp/A-n32-k5.vrp');
const stopsFixture = path.join(root, 'test/fixtures/stops.json');
// The CVRPLIB instances live beside the repository (/work/shared), not in it; a bare clone skips them.
const withInstance = { skip: fs.existsSync(instance) ? false : `no ${instance}` };

function ordo(...args: string[]) {
  const result = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function planJson(file: string): { routes: (number | string)[][]; totalDistance: number } {
  const run = ordo('routes', 'plan', file, '--json');
  assert.equal(run.status, 0, run.stderr);
  const plan = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(plan), ['routes', 'totalDistance']);
  return plan;
}

/** The .vrp's coordinates and demands, read here independently of the planner's reader. */
function readVrp(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const section = (name: string) =>
    text
      .split(name)[1]
      .split(/\n[A-Z_]+/)[0]
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
  const coordinates = new Map(section('NODE_COORD_SECTION').map(([id, x, y]) => [id, { x, y }]));
  const demands = new Map(section('DEMAND_SECTION').map(([id, demand]) => [id, demand]));
  return { coordinates, demands, capacity: Number(/CAPACITY\s*:\s*(\d+)/.exec(text)![1]) };
}

/** Great-circle km on the mean Earth radius, each leg rounded to the metre (docs/routes.md). */
function legKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return Math.round(2 * 6371.0088 * Math.asin(Math.sqrt(h)) * 1000) / 1000;
}

function sumOfLegs<P>(routes: P[][], depot: P, leg: (a: P, b: P) => number): number {
  let total = 0;
  for (const stops of routes) {
    const visits = [depot, ...stops, depot];
    for (let k = 1; k < visits.length; k++) total += leg(visits[k - 1], visits[k]);
  }
  return total;
}

function assertEachOnce(routes: unknown[][], ids: unknown[]) {
  const visited = routes.flat().map(String).sort();
  assert.deepEqual(visited, ids.map(String).sort());
}

describe('ordo routes plan', () => {
  it('plans a CVRPLIB instance: one line per route, the total on the last line', withInstance, () => {
    const run = ordo('routes', 'plan', instance);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    const routeLines = lines.filter((line) => line.startsWith('route '));
    assert.ok(routeLines.length >= 1 && routeLines.length <= 5);
    for (const line of routeLines) assert.match(line, /^route \d+: [\d ]+ \(load \d+\/100, distance \d+\)$/);
    const last = /^total distance: (\d+)$/.exec(lines[lines.length - 1]);
    assert.ok(last, lines[lines.length - 1]);
    assert.ok(Number(last[1]) <= 784 * 1.05, `total ${last[1]} vs optimum 784`);
  });

  it(
    'prints --json with the file numbering, no depot, every customer once, and a total that adds up',
    withInstance,
    () => {
      const { coordinates, demands, capacity } = readVrp(instance);
      const plan = planJson(instance);
      assert.ok(plan.routes.length <= 5);
      assertEachOnce(
        plan.routes,
        [...coordinates.keys()].filter((id) => id !== 1),
      );
      for (const route of plan.routes) {
        assert.ok(route.every((id) => typeof id === 'number'));
        assert.ok(route.reduce((load: number, id) => load + demands.get(id as number)!, 0) <= capacity);
      }
      const euc2d = (a: { x: number; y: number }, b: { x: number; y: number }) =>
        Math.round(Math.hypot(a.x - b.x, a.y - b.y));
      const legs = plan.routes.map((route) => route.map((id) => coordinates.get(id as number)!));
      assert.equal(plan.totalDistance, sumOfLegs(legs, coordinates.get(1)!, euc2d));
    },
  );

  it('plans a JSON stop list in its own ids, within each rider capacity', () => {
    const list = JSON.parse(fs.readFileSync(stopsFixture, 'utf8'));
    const byId = new Map<string, { lat: number; lng: number; demand: number }>(
      list.stops.map((stop: { id: string }) => [stop.id, stop]),
    );
    const plan = planJson(stopsFixture);
    assert.ok(plan.routes.length <= list.vehicles.count);
    assertEachOnce(plan.routes, [...byId.keys()]);
    for (const route of plan.routes)
      assert.ok(
        route.reduce((load: number, id) => load + byId.get(id as string)!.demand, 0) <=
          list.vehicles.capacity,
      );
    const legs = plan.routes.map((route) => route.map((id) => byId.get(id as string)!));
    assert.equal(plan.totalDistance, Number(sumOfLegs(legs, list.depot, legKm).toFixed(3)));

    const human = ordo('routes', 'plan', stopsFixture);
    assert.equal(human.status, 0, human.stderr);
    const lines = human.stdout.trim().split('\n');
    assert.match(lines[1], /^route 1: WEB-\d+( WEB-\d+)* \(load \d+\/16, distance [\d.]+, time \d+\/150\)$/);
    assert.equal(lines[lines.length - 1], `total distance: ${plan.totalDistance}`);
  });

  it('fails with a non-zero status and a one-line reason on a bad file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-routes-'));
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const list = JSON.parse(fs.readFileSync(stopsFixture, 'utf8'));
    const cases: [string, RegExp][] = [
      [path.join(dir, 'absent.vrp'), /absent\.vrp: no such file/],
      [
        file('negative.json', JSON.stringify({ ...list, stops: [{ ...list.stops[0], demand: -2 }] })),
        /stops\.0\.demand/,
      ],
      [
        file('bulky.json', JSON.stringify({ ...list, stops: [{ ...list.stops[0], demand: 17 }] })),
        /needs 17, more than a vehicle's capacity of 16/,
      ],
      [
        file('other.vrp', 'NAME : other\nTYPE : CVRP\nDIMENSION : 2\nEDGE_WEIGHT_TYPE : ATT\nEOF\n'),
        /EDGE_WEIGHT_TYPE ATT is not supported/,
      ],
    ];
    for (const [badFile, reason] of cases) {
      const run = ordo('routes', 'plan', badFile);
      assert.notEqual(run.status, 0, badFile);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, reason);
    }
  });

  it('takes the k of a CVRPLIB name as no fleet limit (X set); --vehicles or VEHICLES sets one', () => {
    // Like X-n101-k25: the name's k is the fewest routes the total demand allows (18 over a
    // capacity of 10 → 2), but no two stops of 6 share a vehicle, so every plan needs 3 routes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-routes-x-'));
    const vrp = (extra = '') =>
      `NAME : X-n4-k2\nCOMMENT : (Uchoa et al, No of trucks: min 2)\nTYPE : CVRP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n${extra}NODE_COORD_SECTION\n1 0 0\n2 100 0\n3 0 100\n4 -100 0\nDEMAND_SECTION\n1 0\n2 6\n3 6\n4 6\nDEPOT_SECTION\n1\n-1\nEOF\n`;
    const tight = path.join(dir, 'X-n4-k2.vrp');
    fs.writeFileSync(tight, vrp());
    const plan = planJson(tight);
    assertEachOnce(plan.routes, [2, 3, 4]);
    assert.equal(plan.routes.length, 3);
    assert.equal(plan.totalDistance, 600);

    const capped = ordo('routes', 'plan', tight, '--vehicles', '2', '--json');
    assert.notEqual(capped.status, 0);
    assert.match(capped.stderr, /2 vehicles/);
    const fixed = path.join(dir, 'X-n4-k2-fixed.vrp');
    fs.writeFileSync(fixed, vrp('VEHICLES : 2\n'));
    assert.notEqual(ordo('routes', 'plan', fixed).status, 0);
    const bad = ordo('routes', 'plan', tight, '--vehicles', 'many');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /--vehicles must be a whole number/);
  });
});
