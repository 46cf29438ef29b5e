import type { blocklistKinds } from '../../../contracts/order-enums.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Page, toPage } from '../../../platform/pagination.ts';
import { ordersRepository } from '../orders.repository.ts';
import { normaliseName, normalisePhone } from './audit-rules.ts';
import { blocklistRepository } from './blocklist.repository.ts';

export type BlocklistKind = (typeof blocklistKinds)[number];

function toEntry(row: Row<'blocklist'>) {
  return {
    id: row.id,
    kind: row.kind as BlocklistKind,
    value: row.value,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Stored the way the BLOCKLISTED check compares: E.164 phones, lower-case emails and names. */
export function normaliseBlocklistValue(kind: BlocklistKind, value: string, country = 'CN'): string {
  if (kind === 'phone') {
    const phone = normalisePhone(value, country);
    if (!phone) throw invalidField('value', 'notPhone', { value });
    return phone;
  }
  if (kind === 'name') return normaliseName(value);
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function createBlocklist(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  /** The value to block: given, or taken from an order (the only way to name an address exactly). */
  async function valueToBlock(input: {
    kind: BlocklistKind;
    value?: string;
    orderId?: string;
    country?: string;
  }): Promise<string> {
    if (!input.orderId) return normaliseBlocklistValue(input.kind, input.value ?? '', input.country);
    const order = await ordersRepository.findById(database.db, input.orderId);
    if (!order) throw notFound('order', input.orderId);
    const fromOrder = {
      phone: order.phone_key ?? order.ship_phone,
      email: order.customer_email ?? '',
      name: order.customer_name,
      address: order.address_key ?? '',
    }[input.kind];
    if (!fromOrder) throw invalidField('orderId', 'orderLacks', { order: order.number, kind: input.kind });
    return input.kind === 'address' || input.kind === 'phone'
      ? fromOrder
      : normaliseBlocklistValue(input.kind, fromOrder);
  }

  async function addEntry(
    actor: Actor,
    input: { kind: BlocklistKind; value?: string; orderId?: string; note?: string; country?: string },
  ) {
    const now = clock.now();
    const row = {
      id: uuidv7(now.getTime()),
      kind: input.kind,
      value: await valueToBlock(input),
      note: input.note ?? null,
      created_by: actor.name,
      created_at: now.toISOString(),
    };
    try {
      await inTransaction(database, async (tx) => {
        await blocklistRepository.insert(tx, row);
        await recordAudit(tx, actor, now, {
          action: 'blocklist.added',
          targetType: 'blocklist',
          targetId: row.id,
          details: { kind: row.kind, value: row.value },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw invalidField('value', 'alreadyBlocked', { value: row.value });
      throw error;
    }
    return toEntry(row);
  }

  async function removeEntry(actor: Actor, id: string) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const row = await blocklistRepository.findById(tx, id);
      if (!row) throw notFound('blocklist entry', id);
      await blocklistRepository.delete(tx, id);
      await recordAudit(tx, actor, now, {
        action: 'blocklist.removed',
        targetType: 'blocklist',
        targetId: id,
        details: { kind: row.kind, value: row.value },
      });
    });
  }

  async function listEntries(
    cursor: string | null,
    limit: number,
  ): Promise<Page<ReturnType<typeof toEntry>>> {
    const rows = await blocklistRepository.listNewestFirst(database.db, cursor, limit);
    return toPage(rows, limit, toEntry, (r) => [r.id]);
  }

  return { addEntry, removeEntry, listEntries };
}

export type Blocklist = ReturnType<typeof createBlocklist>;
