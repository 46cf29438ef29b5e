import assert from 'node:assert/strict';
import type { Clock } from '../../src/platform/clock.ts';
import type { DialectName } from '../../src/platform/db/database.ts';
import { useTestApp } from '../helpers/app.ts';
import { newOrderInput } from '../helpers/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
export type Json = any;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/**
 * The monitor tests' app on one database: API calls as admin (`api` insists on a 2xx), and
 * orders of one tee SKU, numbered `<prefix>-<dialect>-N` so suites never share an order.
 */
export function useMonitorTestApp(
  dialect: DialectName,
  prefix: string,
  options: { clock?: Clock; env?: Record<string, string> } = {},
) {
  const t = useTestApp(dialect, options);
  const call = (method: Method, url: string, payload?: object) =>
    t.current.request({ method, url: `/api/v1${url}`, payload });
  const api = async (method: Method, url: string, payload?: object) => {
    const response = await call(method, url, payload);
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as Json;
  };
  let sequence = 0;
  let tee: Promise<unknown> | null = null;
  const order = async (overrides: Record<string, unknown> = {}) => {
    tee ??= api('POST', '/skus', { code: 'TEE-RED-M', name: 'Tee', price: '59.90' });
    await tee;
    sequence += 1;
    return api(
      'POST',
      '/orders',
      newOrderInput({ externalId: `${prefix}-${dialect}-${sequence}`, ...overrides }),
    );
  };
  return { t, app: () => t.current.app, call, api, order };
}
