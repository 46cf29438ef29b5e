import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ParcelAddress, planZoneRuns, stopsByAddress } from './zone-runs.ts';

const parcel = (orderNumber: string, district: string | null, street: string): ParcelAddress => ({
  orderNumber,
  province: '浙江省',
  city: '杭州市',
  district,
  street,
});

describe('stopsByAddress', () => {
  it('makes one stop per door, zones by district and doors in house-number order', () => {
    const stops = stopsByAddress([
      parcel('SO-3', '西湖区', '文三路 100 号'),
      parcel('SO-1', '西湖区', '文三路 9 号'),
      parcel('SO-2', '上城区', '解放路 1 号'),
      parcel('SO-4', '西湖区', '文三路100号'),
      parcel('SO-5', null, '环城北路 8 号'),
    ]);
    assert.deepEqual(
      stops.map((stop) => [stop.id, stop.zone, stop.street, stop.orders, stop.demand]),
      [
        ['SO-2', '浙江省 杭州市 上城区', '解放路 1 号', ['SO-2'], 1],
        ['SO-5', '浙江省 杭州市', '环城北路 8 号', ['SO-5'], 1],
        ['SO-1', '浙江省 杭州市 西湖区', '文三路 9 号', ['SO-1'], 1],
        ['SO-3', '浙江省 杭州市 西湖区', '文三路 100 号', ['SO-3', 'SO-4'], 2],
      ].sort((a, b) => new Intl.Collator('zh-CN').compare(String(a[1]), String(b[1]))),
    );
  });
});

describe('planZoneRuns', () => {
  const stops = stopsByAddress([
    parcel('A-1', '西湖区', '文三路 1 号'),
    parcel('A-2', '西湖区', '文三路 2 号'),
    parcel('A-3', '西湖区', '文三路 3 号'),
    parcel('B-1', '上城区', '解放路 1 号'),
    parcel('C-1', '拱墅区', '湖墅南路 1 号'),
  ]);

  it('keeps a zone on one rider and fills riders with whole zones', () => {
    const result = planZoneRuns(stops, { capacity: 3 });
    assert.equal(result.kind, 'planned');
    if (result.kind !== 'planned') return;
    const runs = result.runs.map((run) => run.stops.map((stop) => stop.id));
    assert.equal(runs.length, 2);
    assert.ok(
      runs.some((run) => run.join() === 'A-1,A-2,A-3'),
      JSON.stringify(runs),
    );
    assert.ok(result.runs.every((run) => run.load <= 3));
    assert.deepEqual(runs.flat().sort(), ['A-1', 'A-2', 'A-3', 'B-1', 'C-1']);
  });

  it('cuts a zone larger than a rider in street order', () => {
    const result = planZoneRuns(stops, { capacity: 2 });
    assert.equal(result.kind, 'planned');
    if (result.kind !== 'planned') return;
    const west = result.runs.flatMap((run) => run.stops).filter((stop) => stop.zone.endsWith('西湖区'));
    assert.deepEqual(
      west.map((stop) => stop.id),
      ['A-1', 'A-2', 'A-3'],
    );
    assert.ok(result.runs.every((run) => run.load <= 2));
  });

  it('says why no fleet can carry the stops', () => {
    const pairs = stopsByAddress(
      ['西湖区', '上城区', '拱墅区'].flatMap((district) => [
        parcel(`${district}-1`, district, '一号'),
        parcel(`${district}-2`, district, '二号'),
      ]),
    );
    assert.deepEqual(planZoneRuns(pairs, { capacity: 3, riders: 2 }), {
      kind: 'unplannable',
      reason: 'keeping zones together the stops need 3 riders of capacity 3; 2 are available',
    });
    assert.deepEqual(planZoneRuns(stops, { capacity: 2, riders: 2 }), {
      kind: 'unplannable',
      reason: 'the stops have 5 parcels in all, more than 2 riders of capacity 2 carry',
    });
    const crowded = stopsByAddress([parcel('X-1', '西湖区', '一号'), parcel('X-2', '西湖区', '一号')]);
    assert.deepEqual(planZoneRuns(crowded, { capacity: 1 }), {
      kind: 'unplannable',
      reason: "stop X-1 has 2 parcels, more than a rider's capacity of 1",
    });
  });
});
