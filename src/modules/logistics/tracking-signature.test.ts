import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isValidTrackingSignature,
  nextShipmentStatus,
  normaliseTrackingStatus,
  signTrackingBody,
} from './tracking-signature.ts';

const secret = 'whsec-test';
const body = '{"trackingNumber":"SF1234567890","status":"Delivered"}';

describe('tracking webhook signature', () => {
  it('signs as hex HMAC-SHA256 of the raw body', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assert.equal(
      signTrackingBody('Jefe', 'what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    assert.equal(signTrackingBody(secret, Buffer.from(body)), signTrackingBody(secret, body));
  });

  it('accepts the right signature, in either hex case', () => {
    const hex = signTrackingBody(secret, body);
    assert.equal(isValidTrackingSignature(secret, body, `sha256=${hex}`), true);
    assert.equal(isValidTrackingSignature(secret, Buffer.from(body), `sha256=${hex.toUpperCase()}`), true);
  });

  it('rejects a signature made with another secret', () => {
    const header = `sha256=${signTrackingBody('another-secret', body)}`;
    assert.equal(isValidTrackingSignature(secret, body, header), false);
  });

  it('rejects a tampered body', () => {
    const header = `sha256=${signTrackingBody(secret, body)}`;
    const tampered = body.replace('Delivered', 'Returned');
    assert.equal(isValidTrackingSignature(secret, tampered, header), false);
  });

  it('rejects a missing, empty, unprefixed or truncated header', () => {
    const hex = signTrackingBody(secret, body);
    assert.equal(isValidTrackingSignature(secret, body, undefined), false);
    assert.equal(isValidTrackingSignature(secret, body, ''), false);
    assert.equal(isValidTrackingSignature(secret, body, hex), false);
    assert.equal(isValidTrackingSignature(secret, body, `sha1=${hex}`), false);
    assert.equal(isValidTrackingSignature(secret, body, `sha256=${hex.slice(0, 63)}`), false);
  });
});

describe('normaliseTrackingStatus', () => {
  it('maps aggregator states in any spelling', () => {
    const cases: [string, ReturnType<typeof normaliseTrackingStatus>][] = [
      ['InTransit', 'in_transit'],
      ['in_transit', 'in_transit'],
      ['OutForDelivery', 'out_for_delivery'],
      ['Out for delivery', 'out_for_delivery'],
      ['AvailableForPickup', 'out_for_delivery'],
      ['Delivered', 'delivered'],
      ['AttemptFail', 'failed_attempt'],
      ['DeliveryFailure', 'failed_attempt'],
      ['Exception', 'exception'],
      ['Expired', 'exception'],
      ['ReturnToSender', 'returned_to_sender'],
    ];
    for (const [raw, expected] of cases) assert.equal(normaliseTrackingStatus(raw), expected, raw);
  });

  it('maps Chinese states', () => {
    const cases: [string, ReturnType<typeof normaliseTrackingStatus>][] = [
      ['在途', 'in_transit'],
      ['揽收', 'in_transit'],
      ['派件', 'out_for_delivery'],
      [' 签收 ', 'delivered'],
      ['疑难', 'exception'],
      ['退回', 'returned_to_sender'],
      ['退签', 'returned_to_sender'],
    ];
    for (const [raw, expected] of cases) assert.equal(normaliseTrackingStatus(raw), expected, raw);
  });

  it('returns null for states that change nothing and for unknown words', () => {
    for (const raw of ['InfoReceived', 'Pending', 'NotFound', '3', '', 'constructor']) {
      assert.equal(normaliseTrackingStatus(raw), null, raw);
    }
  });
});

describe('nextShipmentStatus', () => {
  const at = (time: string) => new Date(`2026-11-16T${time}:00+08:00`);

  it('applies a newer event, and the first event of a shipment', () => {
    assert.equal(
      nextShipmentStatus('in_transit', 'out_for_delivery', {
        eventAt: at('09:00'),
        lastEventAt: at('08:00'),
      }),
      'out_for_delivery',
    );
    assert.equal(
      nextShipmentStatus('shipped', 'in_transit', { eventAt: at('09:00'), lastEventAt: null }),
      'in_transit',
    );
  });

  it('keeps the status for an event older than the last one', () => {
    // The 08:00 "in transit" scan arrives after the 10:00 "out for delivery" one.
    assert.equal(
      nextShipmentStatus('out_for_delivery', 'in_transit', {
        eventAt: at('08:00'),
        lastEventAt: at('10:00'),
      }),
      'out_for_delivery',
    );
  });

  it('applies an event at the same instant as the last one', () => {
    assert.equal(
      nextShipmentStatus('out_for_delivery', 'failed_attempt', {
        eventAt: at('10:00'),
        lastEventAt: at('10:00'),
      }),
      'failed_attempt',
    );
  });

  it('never moves a delivered or returned shipment', () => {
    const later = { eventAt: at('12:00'), lastEventAt: at('10:00') };
    assert.equal(nextShipmentStatus('delivered', 'in_transit', later), 'delivered');
    assert.equal(nextShipmentStatus('delivered', 'returned_to_sender', later), 'delivered');
    assert.equal(nextShipmentStatus('returned_to_sender', 'delivered', later), 'returned_to_sender');
  });

  it('keeps the status for a state that means nothing new', () => {
    assert.equal(
      nextShipmentStatus('in_transit', normaliseTrackingStatus('InfoReceived'), {
        eventAt: at('12:00'),
        lastEventAt: at('10:00'),
      }),
      'in_transit',
    );
  });
});
