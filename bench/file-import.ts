/**
 * File import benchmark: the same orders imported from a marketplace export (Shopify's orders
 * CSV, read through the `shopify` mapping) and from Ordo's canonical CSV, each into a fresh
 * database in the same run. Prints both rates (orders/s) and their ratio (marketplace ÷ canonical).
 *
 *   npm run bench -- file-import [--orders 100000] [--quick] [--db sqlite|postgres]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { importMarketplaceFile, importOrdersFile } from '../src/cli/import.ts';
import type { CanonicalOrder } from '../src/contracts/orders.ts';
import { systemActor } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { type Cleanup, tempDir, withCleanup } from './support/cleanup.ts';
import { progress, type Throughput, timed } from './support/measure.ts';
import { benchSkus, formatMinor, OrderFactory } from './support/orders.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

type Kind = 'canonical' | 'marketplace';

const csvField = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const csvLine = (cells: (string | number | undefined)[]) => `${cells.map(csvField).join(',')}\n`;

const canonicalHeader = [
  'channel',
  'externalId',
  'placedAt',
  'currency',
  'customerName',
  'customerEmail',
  'customerPhone',
  'country',
  'province',
  'city',
  'district',
  'line1',
  'postalCode',
  'sku',
  'quantity',
  'unitPrice',
  'shippingFee',
  'discount',
  'total',
  'paymentStatus',
  'paymentMethod',
  'paidAmount',
  'paidAt',
];
function canonicalRows(order: CanonicalOrder): string {
  const a = order.shippingAddress;
  return order.lines
    .map((line) =>
      csvLine([
        'web',
        order.externalId,
        order.placedAt,
        order.currency,
        order.customer?.name,
        order.customer?.email,
        order.customer?.phone,
        a?.country,
        a?.province,
        a?.city,
        a?.district,
        a?.line1,
        a?.postalCode,
        line.sku,
        line.quantity,
        line.unitPrice,
        order.shippingFee,
        order.discount,
        order.total,
        'paid',
        'alipay',
        order.total,
        order.payment?.paidAt,
      ]),
    )
    .join('');
}

/** Shopify's export columns (a subset is enough: the mapping names only these). */
const shopifyHeader = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Currency',
  'Shipping',
  'Total',
  'Discount Amount',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem sku',
  'Billing Name',
  'Billing Phone',
  'Shipping Name',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Payment Method',
];
/** Shopify writes `2026-11-20 09:50:26 +0800` and fills order cells on an order's first row only. */
const shopifyTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
function shopifyRows(order: CanonicalOrder): string {
  const a = order.shippingAddress;
  return order.lines
    .map((line, i) =>
      csvLine(
        i === 0
          ? [
              order.externalId,
              order.customer?.email,
              'paid',
              shopifyTime(order.payment!.paidAt!),
              'CNY',
              order.shippingFee,
              order.total,
              order.discount,
              shopifyTime(order.placedAt),
              line.quantity,
              line.sku,
              line.unitPrice,
              line.sku,
              order.customer?.name,
              order.customer?.phone,
              a?.name,
              a?.line1,
              '',
              a?.city,
              `'${a?.postalCode}`,
              a?.province,
              a?.country,
              a?.phone,
              '',
              'alipay',
            ]
          : [
              order.externalId,
              '',
              '',
              '',
              '',
              '',
              '',
              '',
              '',
              line.quantity,
              line.sku,
              line.unitPrice,
              line.sku,
            ],
      ),
    )
    .join('');
}

function writeFiles(dir: string, count: number): Record<Kind, string> {
  const files = {
    canonical: path.join(dir, 'canonical.csv'),
    marketplace: path.join(dir, 'orders_export.csv'),
  };
  const canonical = fs.openSync(files.canonical, 'w');
  const marketplace = fs.openSync(files.marketplace, 'w');
  fs.writeSync(canonical, csvLine(canonicalHeader));
  fs.writeSync(marketplace, csvLine(shopifyHeader));
  const factory = new OrderFactory('FI');
  for (let done = 0; done < count; done += 1000) {
    const orders = factory.take(Math.min(1000, count - done));
    fs.writeSync(canonical, orders.map(canonicalRows).join(''));
    fs.writeSync(marketplace, orders.map(shopifyRows).join(''));
  }
  fs.closeSync(canonical);
  fs.closeSync(marketplace);
  return files;
}

/** The importers print their summaries; here they go to stderr with the progress lines. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => progress(args.join(' '));
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

async function importInto(kind: Kind, file: string, db: string, orders: number, cleanup: Cleanup) {
  const dataDir = tempDir(`file-import-${kind}`, cleanup);
  const env: Record<string, string> = { ORDO_DATA_DIR: dataDir };
  if (db === 'postgres') env.DATABASE_URL = await freshPostgresDatabase(`fi_${kind}`, cleanup);
  const app = await createApp({ config: loadConfig(env), logger: createLogger('warn') });
  try {
    for (const sku of benchSkus)
      await app.catalog.skus.createSku(systemActor, {
        code: sku.code,
        name: sku.name,
        price: formatMinor(sku.priceMinor),
      });
    await app.catalog.channels.createChannel(systemActor, {
      id: 'market',
      name: 'Marketplace',
      kind: 'marketplace',
    });
    progress(`importing ${orders} orders from the ${kind} file (${db})`);
    const options = { batchSize: 500, showProgress: false };
    return await timed(orders, () =>
      quietly(async () => {
        if (kind === 'canonical') await importOrdersFile(app, systemActor, file, options);
        else
          await importMarketplaceFile(app, systemActor, file, {
            ...options,
            channel: 'market',
            mapping: 'shopify',
          });
      }),
    );
  } finally {
    await app.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      orders: { type: 'string' },
      quick: { type: 'boolean', default: false },
      db: { type: 'string', default: 'sqlite' },
    },
  });
  const orders = Number(values.orders ?? (values.quick ? 10_000 : 100_000));
  if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  const db = values.db;
  await withCleanup(async (cleanup) => {
    const dir = tempDir('file-import-files', cleanup);
    progress(`writing ${orders} orders as a Shopify export and as canonical CSV`);
    const files = writeFiles(dir, orders);
    const result: Record<Kind, Throughput> = {
      canonical: await importInto('canonical', files.canonical, db, orders, cleanup),
      marketplace: await importInto('marketplace', files.marketplace, db, orders, cleanup),
    };
    const rate = (t: Throughput) => `${Math.round(t.perSecond)} orders/s (${t.seconds.toFixed(1)} s)`;
    console.log(`file import, ${orders} orders, ${db}`);
    console.log(`  marketplace CSV (shopify mapping): ${rate(result.marketplace)}`);
    console.log(`  canonical CSV:                     ${rate(result.canonical)}`);
    console.log(
      `  ratio marketplace / canonical:     ${(result.marketplace.perSecond / result.canonical.perSecond).toFixed(2)}`,
    );
  });
}
