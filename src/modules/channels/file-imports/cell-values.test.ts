import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanCell, readAmount, readDateTime, readQuantity, splitAddress } from './cell-values.ts';

describe('cells of marketplace exports', () => {
  it('takes off spreadsheet guards', () => {
    assert.equal(cleanCell("'75008"), '75008');
    assert.equal(cleanCell('="0012345"'), '0012345');
    assert.equal(cleanCell("O'Brien"), "O'Brien");
    assert.equal(cleanCell(undefined), '');
  });

  it('reads dates in their local spellings', () => {
    assert.equal(readDateTime('2026-11-20 09:50:26 +0100', 'ymd'), '2026-11-20T09:50:26+01:00');
    assert.equal(readDateTime('2026/11/20 8:01:02', 'ymd'), '2026-11-20T08:01:02');
    assert.equal(readDateTime('2026-11-20T08:01:02Z', 'ymd'), '2026-11-20T08:01:02Z');
    assert.equal(readDateTime('20.11.2026 14:05', 'dmy'), '2026-11-20T14:05:00');
    assert.equal(readDateTime('11/20/2026 2:05 PM', 'mdy'), '2026-11-20T14:05:00');
    assert.equal(readDateTime('2026-11-20', 'ymd'), '2026-11-20T00:00:00');
    assert.equal(readDateTime('20/11/2026', 'ymd'), undefined, 'day-first needs dmy');
    assert.equal(readDateTime('11/20/2026', 'dmy'), undefined, 'no 20th month');
    assert.equal(readDateTime('yesterday', 'ymd'), undefined);
  });

  it('reads amounts with decimal points or commas', () => {
    assert.equal(readAmount('1,234.56', false), '1234.56');
    assert.equal(readAmount('1.234,56', true), '1234.56');
    assert.equal(readAmount('¥129.80', false), '129.80');
    assert.equal(readAmount('12,00 €', true), '12.00');
    assert.equal(readAmount('EUR 5', false), '5');
    assert.equal(readAmount('free', false), undefined);
  });

  it('reads whole quantities only', () => {
    assert.equal(readQuantity('3'), 3);
    assert.equal(readQuantity('2.0'), 2);
    assert.equal(readQuantity('2,00'), 2);
    assert.equal(readQuantity('1.5'), undefined);
    assert.equal(readQuantity('two'), undefined);
  });

  it('splits a one-cell Chinese address', () => {
    assert.deepEqual(splitAddress('浙江省 杭州市 西湖区 文三路 100 号 (310012)'), {
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      line1: '文三路 100 号',
      postalCode: '310012',
    });
    assert.deepEqual(splitAddress('北京市 北京市 朝阳区 建国路 1 号'), {
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      line1: '建国路 1 号',
      postalCode: undefined,
    });
    assert.deepEqual(splitAddress('221B Baker Street, London'), {
      line1: '221B Baker Street, London',
      postalCode: undefined,
    });
  });
});
