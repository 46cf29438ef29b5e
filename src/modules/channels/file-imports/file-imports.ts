/**
 * Imports of uploaded marketplace exports: upload (kept in the database), preview of the first
 * rows as the mapping reads them, then an import run in the background whose progress the
 * console polls, and a result file of the lines that failed and why.
 */
import type { z } from 'zod';
import type { ImportJob, previewRow } from '../../../contracts/file-imports.ts';
import type { Actor } from '../../../platform/actor.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import { fileImportsRepository as repo } from './file-imports.repository.ts';
import { importSheet } from './import-run.ts';
import type { MappingChoice, Mappings, MappingsDeps } from './mappings.ts';
import { compileMapping, fitsHeader, mapOrders } from './order-mapping.ts';
import type { ReceiveOrders } from './orders-intake.ts';
import { openSheet, sheetFormat } from './sheet-reader.ts';

export interface FileImportsDeps extends MappingsDeps {
  mappings: Mappings;
  receiveOrders: ReceiveOrders;
  logger?: Logger;
}

export function createFileImports(deps: FileImportsDeps) {
  const { database, clock, mappings } = deps;
  /** Runs in this process, so tests and shutdown can wait for them. */
  const running = new Set<Promise<void>>();

  async function upload(actor: Actor, input: { channel: string; fileName: string; bytes: Uint8Array }) {
    await mappings.assertChannel(input.channel);
    const format = sheetFormat(input.fileName);
    const sheet = await openSheet({ bytes: input.bytes }, format);
    let rowCount = 0;
    for await (const _ of sheet.rows) rowCount += 1;
    const suggested = (await mappings.listMappings(input.channel)).find((m) =>
      fitsHeader(m.mapping, sheet.header),
    );
    const id = uuidv7();
    await repo.insertImport(database.db, {
      id,
      channel_id: input.channel,
      file_name: input.fileName,
      content: input.bytes,
      row_count: rowCount,
      status: 'uploaded',
      mapping: null,
      error: null,
      result_csv: null,
      created_by: actor.name,
      created_at: clock.now().toISOString(),
      finished_at: null,
    });
    return {
      id,
      channel: input.channel,
      fileName: input.fileName,
      columns: sheet.header,
      rowCount,
      suggestedMapping: suggested?.name ?? null,
    };
  }

  async function openUpload(id: string) {
    const row = await repo.findImport(database.db, id);
    const content = row && (await repo.importContent(database.db, id));
    if (!row || !content) throw notFound('file import', id);
    return { row, sheet: await openSheet({ bytes: content }, sheetFormat(row.file_name)) };
  }

  /** The first `limit` rows as the mapping reads them, with what is wrong with each. */
  async function preview(id: string, choice: MappingChoice, limit: number) {
    const { row, sheet } = await openUpload(id);
    const compiled = compileMapping(await mappings.resolveMapping(row.channel_id, choice), sheet.header);
    const rows: z.output<typeof previewRow>[] = [];
    let orders = 0;
    for await (const mapped of mapOrders(compiled, sheet.rows)) {
      if (rows.length >= limit) break;
      if (mapped.order) orders += 1;
      const order = mapped.order ?? {};
      const lines = (order.lines ?? []) as Record<string, unknown>[];
      mapped.rows.forEach((sheetRow, i) => {
        const text = (value: unknown) => (value === undefined ? null : String(value));
        const customer = order.customer as Record<string, unknown> | undefined;
        rows.push({
          line: sheetRow.line,
          externalId: mapped.externalId ?? null,
          sku: text(lines[i]?.sku),
          quantity: text(lines[i]?.quantity),
          unitPrice: text(lines[i]?.unitPrice),
          placedAt: text(order.placedAt),
          total: text(order.total),
          currency: text(order.currency),
          customerName: text(customer?.name),
          problems: mapped.problems
            .filter((p) => p.line === sheetRow.line)
            .map(({ field, message, severity }) => ({ field, message, severity })),
        });
      });
    }
    return { columns: sheet.header, rows: rows.slice(0, limit), orders };
  }

  /** Starts the import of an uploaded file in the background; poll `job(id)` for progress. */
  async function startImport(actor: Actor, id: string, choice: MappingChoice): Promise<ImportJob> {
    const { row, sheet } = await openUpload(id);
    const mapping = await mappings.resolveMapping(row.channel_id, choice);
    const compiled = compileMapping(mapping, sheet.header);
    if (!(await repo.startImport(database.db, id, writeJson(mapping))))
      throw new AppError('IMPORT_ALREADY_STARTED', `file import ${id} has already been started`, { id });
    const run = importSheet(sheet, compiled, {
      actor,
      channel: row.channel_id,
      receive: deps.receiveOrders,
      onProgress: ({ rowsDone, created, duplicate, failed }) =>
        repo.recordProgress(database.db, id, { rows_done: rowsDone, created, duplicate, failed }),
    })
      .then((outcome) =>
        repo.finishImport(database.db, id, {
          status: 'finished',
          rows_done: outcome.rowsDone,
          created: outcome.created,
          duplicate: outcome.duplicate,
          failed: outcome.failed,
          result_csv: outcome.resultCsv,
          error: null,
          finished_at: clock.now().toISOString(),
        }),
      )
      .catch(async (error: Error) => {
        deps.logger?.error({ err: error, importId: id }, 'file import failed');
        await repo
          .finishImport(database.db, id, {
            status: 'failed',
            rows_done: 0,
            created: 0,
            duplicate: 0,
            failed: 0,
            result_csv: null,
            error: error.message,
            finished_at: clock.now().toISOString(),
          })
          .catch(() => {});
      })
      .finally(() => running.delete(run));
    running.add(run);
    return job(id);
  }

  async function job(id: string): Promise<ImportJob> {
    const row = await repo.findImport(database.db, id);
    if (!row) throw notFound('file import', id);
    const isDone = row.status === 'finished';
    return {
      id: row.id,
      channel: row.channel_id,
      fileName: row.file_name,
      status: row.status as ImportJob['status'],
      rowCount: row.row_count,
      rowsDone: row.rows_done,
      progress: isDone ? 1 : row.row_count === 0 ? 0 : Math.min(1, row.rows_done / row.row_count),
      created: row.created,
      duplicate: row.duplicate,
      failed: row.failed,
      error: row.error,
      hasResultFile: Boolean(row.has_result),
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  async function resultFile(id: string): Promise<{ fileName: string; csv: string }> {
    const row = await repo.findImport(database.db, id);
    const csv = row && (await repo.resultCsv(database.db, id));
    if (!row || !csv) throw notFound('result file of import', id);
    return { fileName: `${row.file_name.replace(/\.[^.]+$/, '')}.failed.csv`, csv };
  }

  /** Resolves when every import started here has finished (shutdown, tests). */
  async function whenIdle(): Promise<void> {
    while (running.size > 0) await Promise.all([...running]);
  }

  return { upload, preview, startImport, job, resultFile, whenIdle };
}
