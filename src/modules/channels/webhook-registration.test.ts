import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLocalAddress, topicStates } from './webhook-registration.ts';

describe('webhook registration rules', () => {
  it('knows the addresses a shop on the internet cannot reach', () => {
    for (const url of [
      'http://localhost:3000',
      'http://127.0.0.1:8080/',
      'http://[::1]:3000',
      'http://0.0.0.0',
      'https://ordo.localhost',
    ])
      assert.equal(isLocalAddress(url), true, url);
    for (const url of ['https://ordo.example.com', 'https://localhost.example.com', 'http://10.1.2.3'])
      assert.equal(isLocalAddress(url), false, url);
  });

  it('reads each topic from the webhooks held for Ordo’s address only', () => {
    const ours = 'https://ordo.example.com/api/v1/channels/woo/webhook';
    const states = topicStates(
      ['order.created', 'order.updated', 'order.deleted'],
      [
        { topic: 'order.created', address: ours, isActive: true },
        { topic: 'order.updated', address: ours, isActive: false },
        { topic: 'order.deleted', address: 'https://other.example.com/hook', isActive: true },
      ],
      ours,
    );
    assert.deepEqual(states, [
      { topic: 'order.created', state: 'existing' },
      { topic: 'order.updated', state: 'inactive' },
      { topic: 'order.deleted', state: 'missing' },
    ]);
  });

  it('counts a topic as registered when one of several webhooks for it is active', () => {
    const ours = 'https://ordo.example.com/api/v1/channels/shop/webhook';
    const held = [
      { topic: 'orders/paid', address: ours, isActive: false },
      { topic: 'orders/paid', address: ours, isActive: true },
    ];
    assert.deepEqual(topicStates(['orders/paid'], held, ours), [{ topic: 'orders/paid', state: 'existing' }]);
  });
});
