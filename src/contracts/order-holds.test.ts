import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditRules } from '../modules/orders/audit/audit-rules.ts';
import { holdCodes } from './order-holds.ts';

const known: readonly string[] = holdCodes;

describe('hold codes of the contract', () => {
  it('name every hold the server gives, so the console can show and filter each', () => {
    // Besides the audit rules, intake's timers hold orders as AUTOHOLD and PRESALE.
    const given = [...Object.keys(auditRules), 'AUTOHOLD', 'PRESALE'];
    assert.deepEqual(
      given.filter((code) => !known.includes(code)),
      [],
    );
  });
});
