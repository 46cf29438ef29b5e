import type { z } from 'zod';
import type { Warehouse } from '../../contracts/inventory.ts';
import {
  type InventorySettings,
  inventorySettings,
  type newWarehouseBody,
  type warehouseChangesBody,
} from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { readSetting, writeSetting } from '../../platform/settings.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import type { RoutingWarehouse } from './routing.ts';
import { warehousesRepository } from './warehouses.repository.ts';

/** Warehouse money (cost per order) is kept in the shop currency. */
const currency = 'CNY';

export function toWarehouse(row: Row<'warehouses'>): Warehouse {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: readJson(row.address),
    timeZone: row.time_zone,
    cutOff: row.cut_off,
    coverage: readJson(row.coverage),
    costPerOrder: fromMinor(Number(row.cost_per_order_minor), currency),
    isActive: row.is_active === 1,
  };
}

export const defaultInventorySettings: InventorySettings = {
  allowSplit: true,
  serviceLevel: 0.95,
  reviewPeriodDays: 7,
  defaultLeadTimeDays: 7,
  slowMoverDays: 60,
  // Count the valuable few often and the long tail rarely (cycle counting by ABC class).
  cycleCountDays: { A: 30, B: 90, C: 180 },
};
const settingsKey = 'inventory.settings';

/** Resolves a warehouse code (what people and APIs use) to its row, or a 422 naming the field. */
export async function warehouseByCode(
  db: Executor,
  code: string,
  field = 'warehouse',
): Promise<Row<'warehouses'>> {
  const row = await warehousesRepository.findByCode(db, code);
  if (!row) throw new AppError('UNKNOWN_WAREHOUSE', `${field}: no warehouse "${code}"`, { field, code });
  return row;
}

export function createWarehouses(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  const active = ttlCache(
    1000,
    async (): Promise<RoutingWarehouse[]> =>
      (await warehousesRepository.listActive(database.db)).map((row) => ({
        id: row.id,
        code: row.code,
        coverage: readJson<string[]>(row.coverage),
        costPerOrderMinor: Number(row.cost_per_order_minor),
      })),
  );
  const settingsCache = ttlCache(1000, () =>
    readSetting(database.db, settingsKey, inventorySettings, defaultInventorySettings),
  );

  async function listWarehouses(): Promise<Warehouse[]> {
    return (await warehousesRepository.listAll(database.db)).map(toWarehouse);
  }

  async function createWarehouse(actor: Actor, input: z.output<typeof newWarehouseBody>): Promise<Warehouse> {
    const now = clock.now();
    const at = now.toISOString();
    const row = await inTransaction(database, async (tx) => {
      if (await warehousesRepository.findByCode(tx, input.code))
        throw new AppError('WAREHOUSE_CODE_TAKEN', `code: warehouse "${input.code}" already exists`, {
          field: 'code',
        });
      const values = {
        id: input.code,
        code: input.code,
        name: input.name,
        address: writeJson(input.address),
        time_zone: input.timeZone,
        cut_off: input.cutOff,
        coverage: writeJson(input.coverage),
        cost_per_order_minor: toMinor(input.costPerOrder, currency, 'costPerOrder'),
        is_active: 1,
        created_at: at,
        updated_at: at,
      };
      await warehousesRepository.insert(tx, values);
      await recordAudit(tx, actor, now, {
        action: 'warehouse.created',
        targetType: 'warehouse',
        targetId: values.id,
        details: { code: input.code },
      });
      return values;
    });
    active.invalidate();
    return toWarehouse(row);
  }

  async function updateWarehouse(
    actor: Actor,
    id: string,
    changes: z.output<typeof warehouseChangesBody>,
  ): Promise<Warehouse> {
    const now = clock.now();
    const row = await inTransaction(database, async (tx) => {
      const found = await warehousesRepository.findById(tx, id);
      if (!found) throw notFound('warehouse', id);
      const set: Partial<Row<'warehouses'>> = { updated_at: now.toISOString() };
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.address !== undefined) set.address = writeJson(changes.address);
      if (changes.timeZone !== undefined) set.time_zone = changes.timeZone;
      if (changes.cutOff !== undefined) set.cut_off = changes.cutOff;
      if (changes.coverage !== undefined) set.coverage = writeJson(changes.coverage);
      if (changes.costPerOrder !== undefined)
        set.cost_per_order_minor = toMinor(changes.costPerOrder, currency, 'costPerOrder');
      if (changes.isActive !== undefined) set.is_active = changes.isActive ? 1 : 0;
      await warehousesRepository.update(tx, id, set);
      await recordAudit(tx, actor, now, {
        action: 'warehouse.updated',
        targetType: 'warehouse',
        targetId: id,
        details: changes,
      });
      return { ...found, ...set };
    });
    active.invalidate();
    return toWarehouse(row);
  }

  async function updateSettings(actor: Actor, value: InventorySettings): Promise<InventorySettings> {
    const now = clock.now();
    await inTransaction(database, (tx) => writeSetting(tx, actor, now, settingsKey, value));
    settingsCache.invalidate();
    return value;
  }

  return {
    listWarehouses,
    createWarehouse,
    updateWarehouse,
    /** Active warehouses, cached for a second: routing reads them for every order. */
    activeWarehouses: () => active.get(),
    inventorySettings: () => settingsCache.get(),
    updateInventorySettings: updateSettings,
  };
}

export type Warehouses = ReturnType<typeof createWarehouses>;
