import type { z } from 'zod';
import type { newSupplierBody, Supplier, supplierChangesBody } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { escapeLike, likeOperator } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { pageByKeys } from '../../platform/pagination.ts';
import { suppliersRepository } from './suppliers.repository.ts';

export function toSupplier(row: Row<'suppliers'>): Supplier {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contactName: row.contact_name,
    email: row.email,
    phone: row.phone,
    leadTimeDays: row.lead_time_days,
    minOrderQty: row.min_order_qty,
    packSize: row.pack_size,
    maxOrderQty: row.max_order_qty,
    notes: row.notes,
    isActive: row.is_active === 1,
  };
}

export async function supplierByCode(
  db: Executor,
  code: string,
  field = 'supplier',
): Promise<Row<'suppliers'>> {
  const row = await suppliersRepository.findByCode(db, code);
  if (!row) throw new AppError('UNKNOWN_SUPPLIER', `${field}: no supplier "${code}"`, { field, code });
  return row;
}

export function createSuppliers(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const like = likeOperator(database.dialect);

  async function listSuppliers(filter: { q?: string; cursor?: string; limit: number }) {
    const search = filter.q ? { pattern: `%${escapeLike(filter.q)}%`, like } : undefined;
    const query = suppliersRepository.query(database.db, search);
    return pageByKeys(query, ['code'], filter, toSupplier, (r) => [r.code]);
  }

  async function createSupplier(actor: Actor, input: z.output<typeof newSupplierBody>): Promise<Supplier> {
    const now = clock.now();
    const at = now.toISOString();
    return inTransaction(database, async (tx) => {
      if (await suppliersRepository.findByCode(tx, input.code))
        throw new AppError('SUPPLIER_CODE_TAKEN', `code: supplier "${input.code}" already exists`, {
          field: 'code',
        });
      const row: Row<'suppliers'> = {
        id: uuidv7(now.getTime()),
        code: input.code,
        name: input.name,
        contact_name: input.contactName ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        lead_time_days: input.leadTimeDays,
        min_order_qty: input.minOrderQty,
        pack_size: input.packSize,
        max_order_qty: input.maxOrderQty ?? null,
        notes: input.notes ?? null,
        is_active: 1,
        created_at: at,
        updated_at: at,
      };
      await suppliersRepository.insert(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'supplier.created',
        targetType: 'supplier',
        targetId: row.id,
        details: { code: row.code },
      });
      return toSupplier(row);
    });
  }

  async function updateSupplier(
    actor: Actor,
    id: string,
    changes: z.output<typeof supplierChangesBody>,
  ): Promise<Supplier> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const found = await suppliersRepository.findById(tx, id);
      if (!found) throw notFound('supplier', id);
      const set: Partial<Row<'suppliers'>> = { updated_at: now.toISOString() };
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.contactName !== undefined) set.contact_name = changes.contactName;
      if (changes.email !== undefined) set.email = changes.email;
      if (changes.phone !== undefined) set.phone = changes.phone;
      if (changes.leadTimeDays !== undefined) set.lead_time_days = changes.leadTimeDays;
      if (changes.minOrderQty !== undefined) set.min_order_qty = changes.minOrderQty;
      if (changes.packSize !== undefined) set.pack_size = changes.packSize;
      if (changes.maxOrderQty !== undefined) set.max_order_qty = changes.maxOrderQty;
      if (changes.notes !== undefined) set.notes = changes.notes;
      if (changes.isActive !== undefined) set.is_active = changes.isActive ? 1 : 0;
      await suppliersRepository.update(tx, id, set);
      await recordAudit(tx, actor, now, {
        action: 'supplier.updated',
        targetType: 'supplier',
        targetId: id,
        details: changes,
      });
      return toSupplier({ ...found, ...set });
    });
  }

  return { listSuppliers, createSupplier, updateSupplier };
}

export type Suppliers = ReturnType<typeof createSuppliers>;
