import type { z } from 'zod';
import { type Explanation, type ExplanationPart, renderExplanation } from '../../contracts/explanations.ts';
import type { channelRule, channelRuleBody, channelStockQuery } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { escapeLike, likeOperator, readJson, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { pageByKeys } from '../../platform/pagination.ts';
import { skuByCode } from '../catalog/index.ts';
import { channelStockRepository } from './channel-stock.repository.ts';
import { levelsRepository } from './levels.repository.ts';
import { warehouseByCode } from './warehouses.ts';

type ChannelRule = z.output<typeof channelRule>;
export interface StockRule {
  percent: number;
  buffer: number;
  minimum: number;
  warehouseIds: string[] | null;
}

/** Without a rule a channel may sell everything available. */
export const sellEverything: StockRule = { percent: 100, buffer: 0, minimum: 0, warehouseIds: null };

/**
 * Available-to-sell for one channel (pure): keep `buffer` units back, offer `percent` of the
 * rest, and show nothing at all below `minimum`, so the last few units are not oversold on a
 * channel that syncs slowly. Only the rule's warehouses count, when it names any.
 */
export function availableToSell(availableByWarehouse: ReadonlyMap<string, number>, rule: StockRule): number {
  let available = 0;
  for (const [warehouseId, units] of availableByWarehouse)
    if (!rule.warehouseIds || rule.warehouseIds.includes(warehouseId)) available += Math.max(0, units);
  const offered = Math.floor(((available - rule.buffer) * rule.percent) / 100);
  return offered < rule.minimum ? 0 : Math.max(0, offered);
}

export function ruleExplanation(rule: StockRule): Explanation {
  const parts: ExplanationPart[] = [{ key: 'channelRule.percent', params: { percent: rule.percent } }];
  if (rule.buffer > 0) parts.push({ key: 'channelRule.buffer', params: { buffer: rule.buffer } });
  if (rule.minimum > 0) parts.push({ key: 'channelRule.minimum', params: { minimum: rule.minimum } });
  if (rule.warehouseIds) {
    parts.push({ key: 'channelRule.warehouses', params: { warehouses: rule.warehouseIds.join('+') } });
  }
  return { key: 'channelRule.rule', parts };
}

export function describeRule(rule: StockRule): string {
  return renderExplanation(ruleExplanation(rule), 'en');
}

export function createChannelStock(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const like = likeOperator(database.dialect);

  function toRule(row: Row<'channel_stock_rules'> & { sku_code: string | null }): ChannelRule {
    return {
      id: row.id,
      channel: row.channel_id,
      sku: row.sku_code,
      percent: row.percent,
      buffer: row.buffer,
      minimum: row.minimum,
      warehouses: row.warehouse_ids ? readJson<string[]>(row.warehouse_ids) : null,
    };
  }

  async function listChannelRules(): Promise<{ items: ChannelRule[] }> {
    const rows = await channelStockRepository.listRules(database.db);
    return { items: rows.map(toRule) };
  }

  async function saveChannelRule(
    actor: Actor,
    input: z.output<typeof channelRuleBody>,
  ): Promise<ChannelRule> {
    const now = clock.now();
    const id = await inTransaction(database, async (tx) => {
      if (!(await channelStockRepository.channelExists(tx, input.channel)))
        throw new AppError('UNKNOWN_CHANNEL', `channel: no channel "${input.channel}"`, { field: 'channel' });
      const skuId = input.sku ? (await skuByCode(tx, input.sku)).id : null;
      const warehouses = input.warehouses?.length
        ? await Promise.all(
            input.warehouses.map(async (code, i) => (await warehouseByCode(tx, code, `warehouses.${i}`)).id),
          )
        : null;
      const found = await channelStockRepository.findRuleFor(tx, input.channel, skuId);
      const values = {
        percent: input.percent,
        buffer: input.buffer,
        minimum: input.minimum,
        warehouse_ids: warehouses ? writeJson(warehouses) : null,
        updated_at: now.toISOString(),
      };
      const ruleId = found?.id ?? uuidv7(now.getTime());
      if (found) await channelStockRepository.updateRule(tx, ruleId, values);
      else
        await channelStockRepository.insertRule(tx, {
          id: ruleId,
          channel_id: input.channel,
          sku_id: skuId,
          ...values,
        });
      await recordAudit(tx, actor, now, {
        action: 'channel_stock_rule.saved',
        targetType: 'channel_stock_rule',
        targetId: ruleId,
        details: input,
      });
      return ruleId;
    });
    return toRule(await channelStockRepository.findRule(database.db, id));
  }

  async function deleteChannelRule(actor: Actor, id: string): Promise<void> {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      if (!(await channelStockRepository.deleteRule(tx, id))) throw notFound('channel stock rule', id);
      await recordAudit(tx, actor, now, {
        action: 'channel_stock_rule.deleted',
        targetType: 'channel_stock_rule',
        targetId: id,
      });
    });
  }

  /** What each SKU shows on a channel: the SKU's own rule, else the channel's, else everything. */
  async function channelStock(filter: z.output<typeof channelStockQuery>) {
    const db = database.db;
    if (!(await channelStockRepository.channelExists(db, filter.channel)))
      throw new AppError('UNKNOWN_CHANNEL', `channel: no channel "${filter.channel}"`, { field: 'channel' });
    const search = filter.q ? { pattern: `%${escapeLike(filter.q)}%`, like } : undefined;
    const skus = channelStockRepository.activeSkus(db, search);
    const page = await pageByKeys(
      skus,
      ['code'],
      filter,
      (sku) => sku,
      (sku) => [sku.code],
    );
    const ids = page.items.map((s) => s.id);
    const [levels, rules] = await Promise.all([
      levelsRepository.ofSkus(db, ids),
      channelStockRepository.rulesOfChannel(db, filter.channel),
    ]);
    const ruleFor = (skuId: string): StockRule => {
      const row = rules.find((r) => r.sku_id === skuId) ?? rules.find((r) => r.sku_id === null);
      if (!row) return sellEverything;
      return {
        percent: row.percent,
        buffer: row.buffer,
        minimum: row.minimum,
        warehouseIds: row.warehouse_ids ? readJson(row.warehouse_ids) : null,
      };
    };
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((sku) => {
        const byWarehouse = new Map(
          levels
            .filter((l) => l.sku_id === sku.id)
            .map((l) => [l.warehouse_id, Number(l.on_hand) - Number(l.reserved)]),
        );
        const rule = ruleFor(sku.id);
        return {
          sku: sku.code,
          skuName: sku.name,
          available: [...byWarehouse.values()].reduce((a, b) => a + b, 0),
          availableToSell: availableToSell(byWarehouse, rule),
          rule: describeRule(rule),
          ruleExplanation: ruleExplanation(rule),
        };
      }),
    };
  }

  return { listChannelRules, saveChannelRule, deleteChannelRule, channelStock };
}
