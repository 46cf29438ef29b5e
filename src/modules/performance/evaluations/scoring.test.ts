import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertWeights, scorePeople } from './scoring.ts';

const figures = (pickLines: number, shortUnits: number) => ({
  pickLines,
  pickedUnits: 0,
  shortUnits,
  parcelsPacked: 0,
  ordersReviewed: 0,
});

describe('evaluation scoring', () => {
  it('weighs figures relative to the best of the group, fewer short units being better', () => {
    const ranking = scorePeople(
      [
        { person: 'ann', figures: figures(40, 2) },
        { person: 'bob', figures: figures(20, 0) },
        { person: 'cy', figures: figures(0, 0) },
      ],
      [
        { figure: 'pickLines', weight: 70 },
        { figure: 'shortUnits', weight: 30 },
      ],
    );
    // ann: 100*0.7 + 0*0.3 = 70; bob: 50*0.7 + 100*0.3 = 65; cy: 0 + 30 = 30.
    assert.deepEqual(
      ranking.map((p) => [p.person, p.score, p.rank]),
      [
        ['ann', 70, 1],
        ['bob', 65, 2],
        ['cy', 30, 3],
      ],
    );
    assert.deepEqual(ranking[1]!.parts[0], { figure: 'pickLines', value: 20, weight: 70, points: 50 });
  });

  it('gives equal scores one rank', () => {
    const ranking = scorePeople(
      [
        { person: 'a', figures: figures(5, 0) },
        { person: 'b', figures: figures(5, 0) },
        { person: 'c', figures: figures(1, 0) },
      ],
      [{ figure: 'pickLines', weight: 100 }],
    );
    assert.deepEqual(
      ranking.map((p) => p.rank),
      [1, 1, 3],
    );
  });

  it('weighs errors, review time and rates per shift hour; a figure without a value gives 0 points', () => {
    const ranking = scorePeople(
      [
        { person: 'ann', figures: { pickErrors: 1, reviewMinutes: 10, picksPerHour: 30 } },
        { person: 'bob', figures: { pickErrors: 4, reviewMinutes: 40, picksPerHour: 60 } },
        // No shift (no rate) and no timed review: nothing is guessed for cy.
        { person: 'cy', figures: { pickErrors: 0, reviewMinutes: null, picksPerHour: null } },
      ],
      [
        { figure: 'pickErrors', weight: 40 },
        { figure: 'reviewMinutes', weight: 20 },
        { figure: 'picksPerHour', weight: 40 },
      ],
    );
    // ann: 75*0.4 + 75*0.2 + 50*0.4 = 65; bob: 0 + 0 + 40 = 40; cy: 40 + 0 + 0 = 40.
    assert.deepEqual(
      ranking.map((p) => [p.person, p.score, p.rank]),
      [
        ['ann', 65, 1],
        ['bob', 40, 2],
        ['cy', 40, 2],
      ],
    );
    assert.deepEqual(ranking[2]!.parts[1], { figure: 'reviewMinutes', value: null, weight: 20, points: 0 });
  });

  it('refuses weights that do not sum to 100 or weigh a figure twice', () => {
    assert.throws(
      () => assertWeights([{ figure: 'pickLines', weight: 60 }]),
      /sum to 100 \(they sum to 60\)/,
    );
    assert.throws(
      () =>
        assertWeights([
          { figure: 'pickLines', weight: 50 },
          { figure: 'pickLines', weight: 50 },
        ]),
      /weighted twice/,
    );
    assertWeights([
      { figure: 'pickLines', weight: 50 },
      { figure: 'parcelsPacked', weight: 50 },
    ]);
  });
});
