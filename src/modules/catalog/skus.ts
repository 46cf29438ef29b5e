import type { NewSku, Sku, SkuChanges } from '../../contracts/catalog.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { likeOperator } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { afterKey, type Page, toPage } from '../../platform/pagination.ts';
import { catalogRepository as repo } from './catalog.repository.ts';

/** The shop's currency for catalog prices when a SKU does not name one. */
export const defaultCurrency = 'CNY';

export function toSku(row: Row<'skus'>): Sku {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    barcode: row.barcode,
    weightGrams: row.weight_grams,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
    isMadeToOrder: row.is_made_to_order === 1,
    presaleReleaseAt: row.presale_release_at,
    price: fromMinor(row.price_minor, row.currency),
    currency: row.currency,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function priceMinor(price: string, currency: string): number {
  const minor = toMinor(price, currency, 'price');
  if (minor < 0) throw new AppError('INVALID_MONEY', 'price: must not be negative', { field: 'price' });
  return minor;
}

/** The planning fields inventory keeps on a SKU; absent fields stay as they are. */
export interface SkuPlanningFields {
  category?: string | null;
  unitCostMinor?: number | null;
  supplierId?: string | null;
  ownerUserId?: string | null;
}

/**
 * Writes a SKU's planning fields in the caller's transaction. Inventory owns their meaning
 * (and audits the change); the catalog owns the row.
 */
export async function setSkuPlanningFields(
  db: Executor,
  skuId: string,
  fields: SkuPlanningFields,
  now: Date,
): Promise<void> {
  const set: Partial<Row<'skus'>> = { updated_at: now.toISOString() };
  if (fields.category !== undefined) set.category = fields.category;
  if (fields.unitCostMinor !== undefined) set.unit_cost_minor = fields.unitCostMinor;
  if (fields.supplierId !== undefined) set.supplier_id = fields.supplierId;
  if (fields.ownerUserId !== undefined) set.owner_user_id = fields.ownerUserId;
  await repo.updateSku(db, skuId, set);
}

export function createSkus(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  /** Inserts one SKU inside the caller's transaction (shared by the API and the CSV import). */
  async function insertSku(tx: Executor, actor: Actor, now: Date, input: NewSku): Promise<Row<'skus'>> {
    if (await repo.findSkuByCode(tx, input.code)) {
      throw new AppError('SKU_CODE_TAKEN', `code: SKU "${input.code}" already exists`, { field: 'code' });
    }
    const currency = input.currency ?? defaultCurrency;
    const row: Row<'skus'> = {
      id: uuidv7(now.getTime()),
      code: input.code,
      name: input.name,
      barcode: input.barcode ?? null,
      weight_grams: input.weightGrams ?? null,
      length_mm: input.lengthMm ?? null,
      width_mm: input.widthMm ?? null,
      height_mm: input.heightMm ?? null,
      is_made_to_order: input.isMadeToOrder ? 1 : 0,
      presale_release_at: input.presaleReleaseAt ? new Date(input.presaleReleaseAt).toISOString() : null,
      price_minor: priceMinor(input.price, currency),
      currency,
      is_active: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      category: null,
      unit_cost_minor: null,
      supplier_id: null,
      owner_user_id: null,
    };
    await repo.insertSku(tx, row);
    await recordAudit(tx, actor, now, {
      action: 'sku.created',
      targetType: 'sku',
      targetId: row.id,
      details: { code: row.code },
    });
    await publish(tx, now, 'sku.changed', { skuId: row.id, code: row.code, change: 'created' });
    return row;
  }

  async function applySkuChanges(
    tx: Executor,
    actor: Actor,
    now: Date,
    existing: Row<'skus'>,
    changes: SkuChanges,
  ): Promise<Row<'skus'>> {
    const set: Partial<Row<'skus'>> = { updated_at: now.toISOString() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.price !== undefined) set.price_minor = priceMinor(changes.price, existing.currency);
    if (changes.barcode !== undefined) set.barcode = changes.barcode;
    if (changes.weightGrams !== undefined) set.weight_grams = changes.weightGrams;
    if (changes.lengthMm !== undefined) set.length_mm = changes.lengthMm;
    if (changes.widthMm !== undefined) set.width_mm = changes.widthMm;
    if (changes.heightMm !== undefined) set.height_mm = changes.heightMm;
    if (changes.isActive !== undefined) set.is_active = changes.isActive ? 1 : 0;
    if (changes.isMadeToOrder !== undefined) set.is_made_to_order = changes.isMadeToOrder ? 1 : 0;
    if (changes.presaleReleaseAt !== undefined) {
      set.presale_release_at = changes.presaleReleaseAt
        ? new Date(changes.presaleReleaseAt).toISOString()
        : null;
    }
    await repo.updateSku(tx, existing.id, set);
    await recordAudit(tx, actor, now, {
      action: 'sku.updated',
      targetType: 'sku',
      targetId: existing.id,
      details: { code: existing.code, ...changes },
    });
    await publish(tx, now, 'sku.changed', { skuId: existing.id, code: existing.code, change: 'updated' });
    return { ...existing, ...set };
  }

  async function createSku(actor: Actor, input: NewSku): Promise<Sku> {
    const now = clock.now();
    return toSku(await inTransaction(database, (tx) => insertSku(tx, actor, now, input)));
  }

  async function updateSku(actor: Actor, id: string, changes: SkuChanges): Promise<Sku> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const existing = await repo.findSkuById(tx, id);
      if (!existing) throw notFound('SKU', id);
      return toSku(await applySkuChanges(tx, actor, now, existing, changes));
    });
  }

  async function deleteSku(actor: Actor, id: string): Promise<void> {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const existing = await repo.findSkuById(tx, id);
      if (!existing) throw notFound('SKU', id);
      // Order lines keep the SKU code as text, so history survives the deletion.
      await repo.deleteSku(tx, id);
      await recordAudit(tx, actor, now, {
        action: 'sku.deleted',
        targetType: 'sku',
        targetId: id,
        details: { code: existing.code },
      });
      await publish(tx, now, 'sku.changed', { skuId: id, code: existing.code, change: 'deleted' });
    });
  }

  async function getSku(id: string): Promise<Sku> {
    const row = await repo.findSkuById(database.db, id);
    if (!row) throw notFound('SKU', id);
    return toSku(row);
  }

  async function listSkus(filter: { q?: string }, cursor: string | null, limit: number): Promise<Page<Sku>> {
    const rows = await repo.listSkus(
      database.db,
      { q: filter.q, like: likeOperator(database.dialect) },
      afterKey(cursor),
      limit,
    );
    return toPage(rows, limit, toSku, (r) => [r.code]);
  }

  return { createSku, updateSku, deleteSku, getSku, listSkus, insertSku, applySkuChanges };
}

export type Skus = ReturnType<typeof createSkus>;
