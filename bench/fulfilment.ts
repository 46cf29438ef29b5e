import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { labelPdf } from '../src/modules/fulfilment/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { runRoutesBench } from './routes.ts';
import { tempDir, withCleanup } from './support/cleanup.ts';
import { progress } from './support/measure.ts';
import { paidOrderOf } from './support/orders.ts';

/**
 * `npm run bench -- fulfilment [--quick] [--save]`: a wave over 10,000 allocated orders
 * (bound 2 s), label PDFs (bound 50 ms each), and route planning: 200 stops (bound 2 s) and the
 * gap to the proven optimum on the standard CVRP instances.
 */
const actor = { type: 'system' as const, id: null, name: 'bench' };
const skus = 200;

function orderInput(i: number) {
  const lines = [{ sku: `PICK-${i % skus}`, quantity: 1 + (i % 2) }];
  if (i % 3 === 0) lines.push({ sku: `PICK-${(i * 7 + 11) % skus}`, quantity: 1 });
  return paidOrderOf(i, `wave-${i}`, lines);
}

async function waveOver(orders: number): Promise<{ seconds: number; orders: number }> {
  return withCleanup(async (cleanup) => {
    const dir = tempDir('wave', cleanup);
    const app = await createApp({ config: loadConfig({ ORDO_DATA_DIR: dir }), logger: createLogger('warn') });
    cleanup.add('close app', () => app.close());
    progress(`seeding ${orders} allocated orders`);
    for (let s = 0; s < skus; s++) {
      await app.catalog.skus.createSku(actor, { code: `PICK-${s}`, name: `Item ${s}`, price: '10.00' });
      const bin = `${String.fromCharCode(65 + (s % 6))}-${String(s % 40).padStart(2, '0')}-${s % 4}`;
      await app.inventory.levels.adjust(actor, {
        sku: `PICK-${s}`,
        warehouse: 'main',
        delta: 100_000,
        reason: 'bench',
        bin,
      });
    }
    for (let start = 0; start < orders; start += 1000) {
      const results = await app.orders.intake.receiveBatch(
        actor,
        Array.from({ length: Math.min(1000, orders - start) }, (_, k) => orderInput(start + k)),
      );
      const held = results.filter((r) => r.outcome !== 'created' || r.order.status !== 'approved');
      if (held.length > 0)
        throw new Error(`seed: ${held.length} orders not approved: ${JSON.stringify(held[0]).slice(0, 300)}`);
    }
    const allocation = await app.orders.allocation.allocateApproved();
    if (allocation.allocated !== orders)
      throw new Error(`seed: ${allocation.allocated} of ${orders} allocated`);
    progress('building one wave over all of them');
    const started = performance.now();
    const wave = await app.fulfilment.waves.create(actor, {
      warehouse: 'main',
      maxOrders: orders,
      itemMix: 'any',
    });
    const seconds = (performance.now() - started) / 1000;
    if (wave.orders.length !== orders)
      throw new Error(`the wave took ${wave.orders.length} of ${orders} orders`);
    return { seconds, orders };
  });
}

async function labelTimes(count: number): Promise<number> {
  const label = (i: number) => ({
    trackingNumber: `YT${String(i).padStart(10, '0')}`,
    carrierName: '圆通速递',
    serviceName: '标准快递',
    from: { name: '杭州仓', phone: '0571-88888888', addressLines: ['浙江省 杭州市 西湖区', '文三路 100 号'] },
    to: { name: '王芳', phone: '+8613800138000', addressLines: ['上海市 浦东新区', '世纪大道 1 号'] },
    orderNumber: `SO261122${i}`,
    weightGrams: 1200,
    parcelIndex: 1,
    parcelCount: 1,
    createdAt: new Date(),
  });
  await labelPdf(label(0)); // fonts and the barcode encoder load once
  const started = performance.now();
  for (let i = 1; i <= count; i++) await labelPdf(label(i));
  return (performance.now() - started) / count;
}

export async function run(args: string[]): Promise<void> {
  const isQuick = args.includes('--quick');
  const lines = [
    `# fulfilment ${isQuick ? 'quick' : 'full'} run ${new Date().toISOString()}; node ${process.version}, ${os.cpus().length} CPUs`,
  ];
  const print = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const wave = await waveOver(isQuick ? 2000 : 10_000);
  print(
    `fulfilment wave over ${wave.orders} allocated orders: ${wave.seconds.toFixed(2)} s (bound 2 s), ratio ${(wave.seconds / 2).toFixed(2)}`,
  );
  const perLabel = await labelTimes(isQuick ? 20 : 100);
  print(
    `fulfilment label PDF: ${perLabel.toFixed(1)} ms each (bound 50 ms), ratio ${(perLabel / 50).toFixed(2)}`,
  );
  for (const line of await runRoutesBench()) print(line);
  if (args.includes('--save')) {
    const file = path.join('bench/results', `fulfilment-${new Date().toISOString().slice(0, 10)}.txt`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`saved ${file}`);
  }
}
