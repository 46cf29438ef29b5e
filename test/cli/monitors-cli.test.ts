import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.ts';
import { newSkuBody } from '../../src/contracts/catalog.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { runOrdo } from '../helpers/cli.ts';
import { stockUp } from '../helpers/factories.ts';

describe('ordo monitors', () => {
  let dir: string;
  // The installation's own system-health monitors run beside the two made here.
  let enabled = 0;
  let total = 0;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-monitors-cli-'));
    const app = await createApp({
      config: loadConfig({ ORDO_DATA_DIR: dir }),
      logger: createLogger('silent'),
    });
    // A SKU whose only stock level is empty: its stock-out monitor alerts on the first cycle.
    await app.catalog.skus.createSku(
      systemActor,
      newSkuBody.parse({ code: 'GONE-1', name: 'Sold out', price: '10.00' }),
    );
    await stockUp(app, { sku: 'GONE-1', delta: 1 });
    await stockUp(app, { sku: 'GONE-1', delta: -1 });
    const monitor = {
      channel: null,
      carrier: null,
      windowMinutes: 60,
      minVolume: 1,
      controls: [],
      notify: { emails: [], webhookUrl: null },
    };
    await app.risk.monitors.create(systemActor, {
      ...monitor,
      name: 'GONE-1 out of stock',
      metric: 'stockout_rate',
      sku: 'GONE-1',
      warning: 0.5,
      critical: 0.9,
      controls: [
        { kind: 'notify', level: 'warning' },
        { kind: 'notify', level: 'critical' },
      ],
    });
    const quiet = await app.risk.monitors.create(systemActor, {
      ...monitor,
      name: 'Holds',
      metric: 'hold_rate',
      sku: null,
      warning: 0.2,
      critical: 0.4,
    });
    await app.risk.monitors.update(systemActor, quiet.id, { isEnabled: false });
    const all = await app.risk.monitors.list();
    total = all.length;
    enabled = all.filter((m) => m.isEnabled).length;
    await app.close();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the monitors, checks them once (alerting once), and shows the state the check left', async () => {
    const env = { ORDO_DATA_DIR: dir };
    const before = await runOrdo(['monitors', 'list'], env);
    assert.equal(before.status, 0, before.stderr);
    assert.match(before.stdout, /NAME\s+METRIC\s+LEVEL\s+LAST VALUE\s+STATE\s+CONTROLS/);
    assert.match(
      before.stdout,
      /GONE-1 out of stock\s+stockout_rate\s+50\.0% \/ 90\.0%\s+-\s+ok\s+notify@warning, notify@critical$/m,
    );
    assert.match(before.stdout, /Holds\s+hold_rate\s+20\.0% \/ 40\.0%\s+-\s+paused\s+-$/m);

    const check = await runOrdo(['monitors', 'check'], env);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /critical\tGONE-1 out of stock\tstockout_rate 100\.0% over 1/);
    assert.match(
      check.stdout,
      new RegExp(`^${enabled} monitors evaluated in \\d+ ms; 1 alerts raised$`, 'm'),
    );
    const again = await runOrdo(['monitors', 'check'], env);
    assert.match(
      again.stdout,
      new RegExp(`^${enabled} monitors evaluated in \\d+ ms; 0 alerts raised$`, 'm'),
      'alerts once',
    );

    const after = await runOrdo(['monitors', 'list'], env);
    assert.match(after.stdout, /GONE-1 out of stock\s+stockout_rate\s+50\.0% \/ 90\.0%\s+100\.0%\s+critical/);
    assert.match(after.stdout, new RegExp(`^${total} monitors$`, 'm'));
    assert.ok(total > 2 && enabled === total - 1, 'the paused one is not evaluated');
  });
});
