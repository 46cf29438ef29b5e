import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  Carrier,
  carrierChangesBody,
  DeliveryRules,
  newCarrierBody,
  RateCardInput,
  serviceBody,
} from '../../contracts/fulfilment.ts';
import { deliveryRules } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { readSetting, writeSetting } from '../../platform/settings.ts';
import { carriersRepository } from './carriers.repository.ts';
import type { RateCard } from './rate-card.ts';

const currency = 'CNY';
const rulesKey = 'logistics.rules';

/** Rate cards travel as decimal strings and are kept in minor units. */
export function toStoredRateCard(card: RateCardInput, field = 'rateCard'): RateCard {
  return {
    zones: card.zones,
    volumetricDivisor: card.volumetricDivisor,
    rates: card.rates.map((rate, i) => ({
      zoneId: rate.zoneId,
      firstWeightGrams: rate.firstWeightGrams,
      firstPriceMinor: toMinor(rate.firstPrice, currency, `${field}.rates.${i}.firstPrice`),
      extraWeightStepGrams: rate.extraWeightStepGrams,
      extraPriceMinor: toMinor(rate.extraPrice, currency, `${field}.rates.${i}.extraPrice`),
    })),
  };
}

function toRateCardInput(card: RateCard): RateCardInput {
  return {
    zones: card.zones,
    volumetricDivisor: card.volumetricDivisor,
    rates: card.rates.map((rate) => ({
      zoneId: rate.zoneId,
      firstWeightGrams: rate.firstWeightGrams,
      firstPrice: fromMinor(rate.firstPriceMinor, currency),
      extraWeightStepGrams: rate.extraWeightStepGrams,
      extraPrice: fromMinor(rate.extraPriceMinor, currency),
    })),
  };
}

function assertZonesPriced(card: RateCardInput): void {
  const priced = new Set(card.rates.map((r) => r.zoneId));
  const unpriced = card.zones.find((zone) => !priced.has(zone.id));
  if (unpriced) throw invalidField('rateCard.zones', 'zoneUnpriced', { zone: unpriced.id });
}

export function toCarrier(row: Row<'carriers'>, services: Row<'carrier_services'>[]): Carrier {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    contractNotes: row.contract_notes,
    trackingPrefix: row.tracking_prefix,
    trackingRange: {
      start: Number(row.range_start),
      end: Number(row.range_end),
      next: Number(row.range_next),
    },
    isActive: row.is_active === 1,
    services: services
      .filter((s) => s.carrier_id === row.id)
      .map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        kind: s.kind as Carrier['services'][number]['kind'],
        rateCard: toRateCardInput(readJson<RateCard>(s.rate_card)),
        maxWeightGrams: s.max_weight_grams,
        maxLongestSideMm: s.max_longest_side_mm,
        dailyCapacity: s.daily_capacity,
        transitDays: s.transit_days,
        isActive: s.is_active === 1,
      })),
  };
}

export async function carrierByIdOrCode(db: Executor, ref: string): Promise<Row<'carriers'> | undefined> {
  return carriersRepository.findByIdOrCode(db, ref);
}

/** Carriers and their services (express, standard, freight, same-day, crowdsourced, pickup point). */
export function createCarriers(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function listCarriers(): Promise<{ items: Carrier[] }> {
    const [rows, services] = await Promise.all([
      carriersRepository.listAll(database.db),
      carriersRepository.services(database.db),
    ]);
    return { items: rows.map((row) => toCarrier(row, services)) };
  }

  async function getCarrier(ref: string): Promise<Carrier> {
    const row = await carrierByIdOrCode(database.db, ref);
    if (!row) throw notFound('carrier', ref);
    const services = await carriersRepository.services(database.db, row.id);
    return toCarrier(row, services);
  }

  async function createCarrier(actor: Actor, input: z.output<typeof newCarrierBody>) {
    if (input.trackingRangeEnd < input.trackingRangeStart)
      throw invalidField('trackingRangeEnd', 'rangeBelowStart');
    const now = clock.now();
    const secret = randomBytes(24).toString('base64url');
    const id = await inTransaction(database, async (tx) => {
      if (await carrierByIdOrCode(tx, input.code))
        throw new AppError('CARRIER_CODE_TAKEN', `code: carrier "${input.code}" already exists`, {
          field: 'code',
        });
      const at = now.toISOString();
      const carrierId = uuidv7(now.getTime());
      await carriersRepository.insert(tx, {
        id: carrierId,
        code: input.code,
        name: input.name,
        contract_notes: input.contractNotes ?? null,
        tracking_secret: secret,
        tracking_prefix: input.trackingPrefix,
        range_start: input.trackingRangeStart,
        range_end: input.trackingRangeEnd,
        range_next: input.trackingRangeStart,
        is_active: 1,
        created_at: at,
        updated_at: at,
      });
      await recordAudit(tx, actor, now, {
        action: 'carrier.created',
        targetType: 'carrier',
        targetId: carrierId,
      });
      return carrierId;
    });
    // The signing secret is shown once, like an API key.
    return { ...(await getCarrier(id)), trackingSecret: secret };
  }

  async function updateCarrier(actor: Actor, ref: string, changes: z.output<typeof carrierChangesBody>) {
    const now = clock.now();
    const id = await inTransaction(database, async (tx) => {
      const row = await carrierByIdOrCode(tx, ref);
      if (!row) throw notFound('carrier', ref);
      const set: Partial<Row<'carriers'>> = { updated_at: now.toISOString() };
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.contractNotes !== undefined) set.contract_notes = changes.contractNotes;
      if (changes.isActive !== undefined) set.is_active = changes.isActive ? 1 : 0;
      await carriersRepository.update(tx, row.id, set);
      await recordAudit(tx, actor, now, {
        action: 'carrier.updated',
        targetType: 'carrier',
        targetId: row.id,
        details: changes,
      });
      return row.id;
    });
    return getCarrier(id);
  }

  /** Adds or replaces (by code) a service with its coverage, rate card, limits and capacity. */
  async function saveService(actor: Actor, ref: string, input: z.output<typeof serviceBody>) {
    assertZonesPriced(input.rateCard);
    const card = toStoredRateCard(input.rateCard);
    const now = clock.now();
    const id = await inTransaction(database, async (tx) => {
      const carrier = await carrierByIdOrCode(tx, ref);
      if (!carrier) throw notFound('carrier', ref);
      const values = {
        name: input.name,
        kind: input.kind,
        rate_card: writeJson(card),
        max_weight_grams: input.maxWeightGrams,
        max_longest_side_mm: input.maxLongestSideMm,
        daily_capacity: input.dailyCapacity,
        transit_days: input.transitDays,
        is_active: input.isActive ? 1 : 0,
      };
      await carriersRepository.saveService(
        tx,
        { id: uuidv7(now.getTime()), carrierId: carrier.id, code: input.code },
        values,
      );
      await recordAudit(tx, actor, now, {
        action: 'carrier.service_saved',
        targetType: 'carrier',
        targetId: carrier.id,
        details: { code: input.code, kind: input.kind },
      });
      return carrier.id;
    });
    return getCarrier(id);
  }

  const readRules = () => readSetting(database.db, rulesKey, deliveryRules, deliveryRules.parse({}));

  async function updateRules(actor: Actor, rules: DeliveryRules): Promise<DeliveryRules> {
    const now = clock.now();
    await inTransaction(database, (tx) => writeSetting(tx, actor, now, rulesKey, rules));
    return rules;
  }

  return {
    listCarriers,
    getCarrier,
    createCarrier,
    updateCarrier,
    saveService,
    deliveryRules: readRules,
    updateDeliveryRules: updateRules,
  };
}
