import { z } from 'zod';
import { listQuery, moneyString, pageOf } from './common.ts';
import { explanation } from './explanations.ts';

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, 'letters, digits and . _ - /, at most 64');
const grams = z.number().int().min(1).max(10_000_000);
const mm = z.number().int().min(1).max(100_000);
const region = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}(\/[^/]{1,60}){0,2}$/, 'a region such as "CN" or "CN/浙江省"');

export const serviceKinds = [
  'express',
  'standard',
  'freight',
  'same_day',
  'crowdsourced',
  'pickup_point',
] as const;
export const shipmentStatuses = [
  'label_created',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'exception',
  'returned_to_sender',
] as const;
export const waveStatuses = ['picking', 'picked', 'cancelled'] as const;
/** What the detectors raise (fulfilment's exceptions); the risk module opens a case on each. */
export const exceptionKinds = [
  'short_pick',
  'no_scan',
  'late',
  'lost',
  'damaged',
  'failed_attempt',
  'returned',
  'channel_change',
] as const;

// ── Carriers, services, rate cards ───────────────────────────────────────────
export const rateCard = z.object({
  zones: z
    .array(z.object({ id: z.string().min(1).max(40), regions: z.array(region).min(1).max(200) }))
    .min(1)
    .max(50),
  rates: z
    .array(
      z.object({
        zoneId: z.string().min(1).max(40),
        firstWeightGrams: grams,
        firstPrice: moneyString,
        extraWeightStepGrams: grams,
        extraPrice: moneyString,
      }),
    )
    .min(1)
    .max(50),
  volumetricDivisor: z.number().int().min(1000).max(20_000).nullable().default(6000),
});
export type RateCardInput = z.output<typeof rateCard>;

export const serviceBody = z.object({
  code,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(serviceKinds),
  rateCard,
  maxWeightGrams: grams.nullable().default(null),
  maxLongestSideMm: mm.nullable().default(null),
  dailyCapacity: z.number().int().min(1).max(1_000_000).nullable().default(null),
  transitDays: z.number().int().min(0).max(60).default(2),
  isActive: z.boolean().default(true),
});

export const newCarrierBody = z.object({
  code,
  name: z.string().trim().min(1).max(100),
  contractNotes: z.string().trim().max(2000).optional().nullable(),
  trackingPrefix: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{0,8}$/, 'capital letters and digits, at most 8')
    .default(''),
  trackingRangeStart: z.number().int().min(0).max(1e12).default(1),
  trackingRangeEnd: z.number().int().min(1).max(1e12).default(99_999_999),
});
export const carrierChangesBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  contractNotes: z.string().trim().max(2000).optional().nullable(),
  isActive: z.boolean().optional(),
});

export const carrierService = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(serviceKinds),
  rateCard: rateCard,
  maxWeightGrams: z.number().nullable(),
  maxLongestSideMm: z.number().nullable(),
  dailyCapacity: z.number().nullable(),
  transitDays: z.number(),
  isActive: z.boolean(),
});
export const carrier = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    contractNotes: z.string().nullable(),
    trackingPrefix: z.string(),
    trackingRange: z.object({ start: z.number(), end: z.number(), next: z.number() }),
    isActive: z.boolean(),
    services: z.array(carrierService),
  })
  .meta({ id: 'Carrier' });
export type Carrier = z.output<typeof carrier>;
/** Shown once, on creation: carriers sign tracking pushes with it. */
export const createdCarrier = carrier.extend({ trackingSecret: z.string() });
export const carrierList = z.object({ items: z.array(carrier) });

export const deliveryRules = z
  .object({
    bulkyWeightGrams: grams.default(20_000),
    bulkyLongestSideMm: mm.default(1200),
    minOnTimeRate: z.number().min(0).max(1).default(0.95),
    noScanHours: z.number().int().min(1).max(240).default(48),
    lostAfterDays: z.number().int().min(1).max(60).default(7),
  })
  .meta({ id: 'DeliveryRules' });
export type DeliveryRules = z.output<typeof deliveryRules>;

// ── Waves and picking ────────────────────────────────────────────────────────
export const newWaveBody = z.object({
  warehouse: z.string().trim().min(1).max(64),
  maxOrders: z.number().int().min(1).max(2000).default(200),
  itemMix: z
    .enum(['any', 'single', 'multi'])
    .default('any')
    .describe('single-item or multi-item orders only'),
  minPriority: z.number().int().optional(),
  shipByBefore: z.iso.datetime({ offset: true }).optional().describe('only orders due before this (cut-off)'),
  requestedService: z.enum(['standard', 'express', 'freight', 'same_day']).optional(),
});
export const pickLine = z.object({
  sku: z.string(),
  skuName: z.string(),
  barcode: z.string().nullable(),
  bin: z.string().nullable(),
  quantity: z.number(),
  pickedQuantity: z.number(),
  shortQuantity: z.number(),
  orders: z.array(z.string()),
});
export const wave = z
  .object({
    id: z.string(),
    number: z.string(),
    warehouse: z.string(),
    status: z.enum(waveStatuses),
    rule: z.record(z.string(), z.unknown()),
    orderCount: z.number(),
    unitCount: z.number(),
    pickedUnits: z.number(),
    createdBy: z.string(),
    createdAt: z.string(),
    lines: z.array(pickLine),
    orders: z.array(z.object({ id: z.string(), number: z.string(), status: z.string() })),
  })
  .meta({ id: 'Wave' });
export type Wave = z.output<typeof wave>;
export const waveQuery = listQuery.extend({ status: z.enum(waveStatuses).optional() });
export const wavePage = pageOf(wave.omit({ lines: true, orders: true }));
export const pickBody = z.object({
  sku: z.string().trim().min(1).max(64).describe('SKU code or barcode as scanned'),
  quantity: z.number().int().min(0).max(100_000),
  isShort: z.boolean().default(false).describe('the bin holds no more: what is missing is short'),
});

// ── Packing and shipping ─────────────────────────────────────────────────────
export const packBody = z.object({
  scans: z
    .array(z.string().trim().min(1).max(64))
    .min(1)
    .max(5000)
    .describe('SKU codes or barcodes, one per unit'),
  weightGrams: grams,
  lengthMm: mm.optional(),
  widthMm: mm.optional(),
  heightMm: mm.optional(),
});
export const shipBody = z.object({
  serviceId: z.string().trim().max(64).optional().describe('omit to let the delivery rules choose'),
});
export const trackingEvent = z.object({
  id: z.string(),
  status: z.enum(shipmentStatuses),
  rawStatus: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  eventAt: z.string(),
  receivedAt: z.string(),
});
export const shipment = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    carrier: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    service: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(serviceKinds) }),
    trackingNumber: z.string(),
    status: z.enum(shipmentStatuses),
    weightGrams: z.number(),
    price: z.string(),
    explanation: z.string().describe('Why the delivery rules chose this service, in English'),
    decision: explanation
      .nullable()
      .describe('The same as a key with parameters; null on shipments made before it was stored'),
    promisedBy: z.string().nullable(),
    shippedAt: z.string(),
    deliveredAt: z.string().nullable(),
    lastEventAt: z.string().nullable(),
    events: z.array(trackingEvent),
  })
  .meta({ id: 'Shipment' });
export type Shipment = z.output<typeof shipment>;
/** One parcel as the order page lists it: the order contract leaves shipments to logistics. */
export const orderShipment = z.object({
  id: z.string(),
  carrier: z.string().describe('carrier name'),
  trackingNumber: z.string(),
  status: z.enum(shipmentStatuses),
  shippedAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type OrderShipment = z.output<typeof orderShipment>;
export const shipmentQuery = listQuery.extend({
  status: z.enum(shipmentStatuses).optional(),
  carrier: z.string().trim().max(64).optional(),
  q: z.string().trim().max(64).optional().describe('tracking or order number'),
});
export const shipmentPage = pageOf(shipment.omit({ events: true }));

export const trackingPush = z.object({
  events: z
    .array(
      z.object({
        eventId: z.string().trim().min(1).max(128),
        trackingNumber: z.string().trim().min(1).max(64),
        status: z.string().trim().min(1).max(64),
        occurredAt: z.iso.datetime({ offset: true }),
        description: z.string().trim().max(500).optional(),
        location: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export const trackingResult = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  unknown: z.array(z.string()),
});

// ── Scorecards ───────────────────────────────────────────────────────────────
export const scorecardQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const carrierScore = z.object({
  carrier: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  parcels: z.number(),
  onTimeRate: z.number().nullable(),
  firstAttemptRate: z.number().nullable(),
  lossRate: z.number().nullable(),
  damageRate: z.number().nullable(),
  averageTransitHours: z.number().nullable(),
  costPerParcel: z.string().nullable(),
  complaintsPer100: z
    .number()
    .nullable()
    .describe(
      'Complaints per 100 parcels; null when no complaints are recorded for the period (no data, not zero)',
    ),
  rating: z.number().nullable(),
});
export const scorecardList = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(carrierScore),
  weekly: z.array(
    z.object({
      week: z.string(),
      carrier: z.string(),
      onTimeRate: z.number().nullable(),
      parcels: z.number(),
    }),
  ),
});

/** Own-rider route planning: each route lists its stops by the ids the stop list gave them. */
export const routePlan = z.object({
  routes: z.array(
    z.object({
      stops: z.array(z.union([z.string(), z.number()])),
      load: z.number(),
      distance: z.number(),
      duration: z.number().optional(),
    }),
  ),
  totalDistance: z.number(),
  iterations: z.number(),
});

/** Riders' runs for the same-day parcels on the shelf: how many riders, how much each carries. */
export const zoneRunsBody = z.object({
  capacity: z.number().int().positive().max(1000).describe('parcels one rider carries'),
  riders: z
    .number()
    .int()
    .positive()
    .max(500)
    .optional()
    .describe('riders available; none: as many as needed'),
});
const zoneStop = z.object({
  id: z.string().describe("the stop's first order number"),
  zone: z.string().describe('province, city and district'),
  street: z.string(),
  orders: z.array(z.string()),
  demand: z.number().describe('parcels, one per order'),
});
/** Runs by zone and street order, not distance: orders carry no coordinates (docs/routes.md). */
export const zoneRunPlan = z.object({
  orderCount: z.number(),
  stopCount: z.number(),
  capacity: z.number(),
  runs: z.array(z.object({ zones: z.array(z.string()), stops: z.array(zoneStop), load: z.number() })),
});
