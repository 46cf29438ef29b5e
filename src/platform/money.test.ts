import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from './errors.ts';
import { currencyDigits, fromMinor, isKnownCurrency, toMinor } from './money.ts';

describe('money', () => {
  it('parses decimal strings to minor units by the currency digits', () => {
    assert.equal(toMinor('59.90', 'CNY', 'price'), 5990);
    assert.equal(toMinor('59.9', 'CNY', 'price'), 5990);
    assert.equal(toMinor('59', 'CNY', 'price'), 5900);
    assert.equal(toMinor('1200', 'JPY', 'price'), 1200);
    assert.equal(toMinor('1.234', 'KWD', 'price'), 1234);
    assert.equal(toMinor('-3.50', 'USD', 'price'), -350);
  });

  it('refuses more decimals than the currency has, and non-numbers, naming the field', () => {
    assert.throws(
      () => toMinor('1.999', 'CNY', 'lines.0.unitPrice'),
      (e: AppError) => e.code === 'INVALID_MONEY' && e.details?.field === 'lines.0.unitPrice',
    );
    assert.throws(
      () => toMinor('12.5', 'JPY', 'total'),
      (e: AppError) => e.code === 'INVALID_MONEY',
    );
    assert.throws(
      () => toMinor('1e3', 'CNY', 'total'),
      (e: AppError) => e.code === 'INVALID_MONEY',
    );
  });

  it('formats minor units back to decimal strings', () => {
    assert.equal(fromMinor(5990, 'CNY'), '59.90');
    assert.equal(fromMinor(5, 'CNY'), '0.05');
    assert.equal(fromMinor(-350, 'USD'), '-3.50');
    assert.equal(fromMinor(1200, 'JPY'), '1200');
  });

  it('knows ISO 4217 currencies', () => {
    assert.equal(currencyDigits('CNY'), 2);
    assert.equal(isKnownCurrency('EUR'), true);
    assert.equal(isKnownCurrency('XX'), false);
    assert.equal(isKnownCurrency('cny'), false);
  });
});
