import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { App } from '../app.ts';
import {
  compileMapping,
  fitsHeader,
  type ImportOutcome,
  importSheet,
  openSheet,
  ordersIntake,
  parseMappingJson,
  sheetFormat,
} from '../modules/channels/file-imports/index.ts';
import { readOrderFile } from '../modules/orders/index.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError, invalidField } from '../platform/errors.ts';

export interface ImportSummary {
  created: number;
  duplicate: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
}

function progressBar(isShown: boolean, counted = '{orders} orders') {
  if (!isShown || !process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    {
      format: `importing [{bar}] {percentage}% | ${counted} | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return bar;
}

/**
 * `ordo import orders FILE`: streams the file and feeds intake in batches, so a 100,000-order
 * file needs the memory of one batch. Each order is judged exactly like an API request; with
 * `history`, each is stored in its recorded status with its milestones (docs/imports.md).
 */
export async function importOrdersFile(
  app: App,
  actor: Actor,
  file: string,
  options: { batchSize: number; showProgress: boolean; history?: boolean },
): Promise<ImportSummary> {
  if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
  const summary: ImportSummary = { created: 0, duplicate: 0, rejected: 0, rejections: [] };
  const bar = progressBar(options.showProgress);
  let seen = 0;
  bar?.start(fs.statSync(file).size || 1, 0, { orders: 0 });
  let batch: { line: number; order: unknown }[] = [];
  const flush = async () => {
    const orders = batch.map((b) => b.order);
    // --history: past orders in their recorded state, without audit, stock, mail or sync.
    const results = options.history
      ? await app.orders.intake.receiveHistory(actor, orders)
      : await app.orders.intake.receiveBatch(actor, orders);
    results.forEach((result, i) => {
      summary[result.outcome] += 1;
      if (result.outcome === 'rejected')
        summary.rejections.push({ line: batch[i].line, reason: result.error.message });
    });
    batch = [];
  };
  for await (const record of readOrderFile(file, {
    onBytes: (bytes) => bar?.update(bytes, { orders: seen }),
  })) {
    seen += 1;
    if ('error' in record) {
      summary.rejected += 1;
      summary.rejections.push({ line: record.line, reason: record.error });
      continue;
    }
    batch.push(record);
    if (batch.length >= options.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  bar?.stop();
  printSummary(summary);
  return summary;
}

function printSummary(summary: ImportSummary): void {
  console.log(`created: ${summary.created}`);
  console.log(`duplicate: ${summary.duplicate}`);
  console.log(`rejected: ${summary.rejected}`);
  for (const r of summary.rejections.sort((a, b) => a.line - b.line))
    console.log(`  line ${r.line}: ${r.reason}`);
}

/** `ordo import skus FILE`: the same CSV the console's SKU import takes. */
export async function importSkusFile(app: App, actor: Actor, file: string): Promise<void> {
  const result = await app.catalog.importSkus(actor, readImportFile(file));
  console.log(`created: ${result.created}`);
  console.log(`updated: ${result.updated}`);
  printRejections(result.rejected);
}

/** `ordo import stock FILE`: sets counted on-hand figures, each as an adjustment in the ledger. */
export async function importStockFile(
  app: App,
  actor: Actor,
  file: string,
  options: { showProgress: boolean },
): Promise<void> {
  const csv = readImportFile(file);
  const bar = progressBar(options.showProgress, '{value}/{total} lines');
  const result = await app.inventory.levels.importCsv(actor, csv, {
    onProgress: (done, total) => {
      if (done === 1) bar?.start(total, 0);
      bar?.update(done);
    },
  });
  bar?.stop();
  console.log(`created: ${result.created}`);
  console.log(`updated: ${result.updated}`);
  console.log(`unchanged: ${result.unchanged}`);
  printRejections(result.rejected.map((r) => ({ ...r, code: r.sku })));
}

/** `ordo import suppliers FILE`: creates or updates suppliers by code, optionally assigning SKUs. */
export async function importSuppliersFile(app: App, actor: Actor, file: string): Promise<void> {
  const csv = readImportFile(file);
  const result = await app.inventory.suppliers.importCsv(actor, csv);
  console.log(`created: ${result.created}`);
  console.log(`updated: ${result.updated}`);
  console.log(`SKUs assigned: ${result.assigned}`);
  printRejections(result.rejected);
}

function readImportFile(file: string): string {
  if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
  return fs.readFileSync(file, 'utf8');
}

function printRejections(rejected: readonly { line: number; code?: string; message: string }[]): void {
  console.log(`rejected: ${rejected.length}`);
  for (const r of rejected) console.log(`  line ${r.line}${r.code ? ` (${r.code})` : ''}: ${r.message}`);
}

/**
 * `ordo import orders FILE.csv|xlsx --channel CODE [--mapping NAME|FILE.json] [--result FILE]`:
 * a marketplace export read through a column mapping (docs/imports.md). Without `--mapping`,
 * the channel's saved mapping or the preset whose columns the file has. The lines that failed
 * go, with the reason, to the result file (next to the input unless `--result` names one).
 */
export async function importMarketplaceFile(
  app: App,
  actor: Actor,
  file: string,
  options: { channel: string; mapping?: string; result?: string; batchSize: number; showProgress: boolean },
): Promise<ImportOutcome> {
  if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
  const { mappings } = app.fileImports;
  const bar = progressBar(options.showProgress);
  bar?.start(fs.statSync(file).size || 1, 0, { orders: 0 });
  let orders = 0;
  const sheet = await openSheet({ path: file }, sheetFormat(file), {
    onBytes: (bytes) => bar?.update(bytes, { orders }),
  });
  const mapping = await mappings.resolveMapping(
    options.channel,
    await chosenMapping(app, options.channel, options.mapping, sheet.header),
  );
  const outcome = await importSheet(sheet, compileMapping(mapping, sheet.header), {
    actor,
    channel: options.channel,
    receive: ordersIntake(app.orders),
    batchSize: options.batchSize,
    onProgress: (counts) => {
      orders = counts.created + counts.duplicate;
    },
  });
  bar?.stop();
  console.log(`created: ${outcome.created}`);
  console.log(`duplicate: ${outcome.duplicate}`);
  console.log(`rejected: ${outcome.failed}`);
  const resultPath = options.result ?? path.join(path.dirname(file), `${path.parse(file).name}.failed.csv`);
  if (outcome.resultCsv !== null || options.result) {
    fs.writeFileSync(resultPath, outcome.resultCsv ?? '\uFEFFline,reason\r\n');
    console.log(`result file: ${resultPath}`);
  }
  return outcome;
}

async function chosenMapping(app: App, channel: string, mapping: string | undefined, header: string[]) {
  if (mapping?.toLowerCase().endsWith('.json')) {
    if (!fs.existsSync(mapping)) throw new AppError('FILE_NOT_FOUND', `${mapping}: no such file`);
    return parseMappingJson(fs.readFileSync(mapping, 'utf8'));
  }
  if (mapping) return mapping;
  const known = await app.fileImports.mappings.listMappings(channel);
  const fitting = known.find((m) => fitsHeader(m.mapping, header));
  if (!fitting) throw invalidField('mapping', 'noMappingFits', { channel });
  return fitting.name;
}
