// Typed calls for waves, packing, shipping, carriers, delivery rules, tracking and scorecards
// (exception cases are the risk module's: api/risk.ts). The shapes are the server's own zod contracts, imported as types only so no
// server code reaches the bundle.
import type { z } from 'zod';
import type {
  Carrier,
  carrierChangesBody,
  carrierScore,
  createdCarrier,
  DeliveryRules,
  newCarrierBody,
  newWaveBody,
  OrderShipment,
  packBody,
  pickBody,
  routePlan,
  Shipment,
  scorecardList,
  serviceBody,
  serviceKinds,
  shipmentStatuses,
  trackingEvent,
  Wave,
  wavePage,
  waveStatuses,
  zoneRunPlan,
  zoneRunsBody,
} from '../../../src/contracts/fulfilment.ts';
import type { PackingView } from '../../../src/contracts/packing.ts';
import { fileUrl, get, id, type Page, type PageParams, patch, post, put } from './client';

export type { Carrier, DeliveryRules, OrderShipment, PackingView, Shipment, Wave };
export type WaveSummary = z.output<typeof wavePage>['items'][number];
export type WaveStatus = (typeof waveStatuses)[number];
export type PickLine = Wave['lines'][number];
export type WaveInput = z.input<typeof newWaveBody>;
export type PickInput = z.input<typeof pickBody>;
export type PackInput = z.input<typeof packBody>;
export type ShipmentSummary = Omit<Shipment, 'events'>;
export type ShipmentStatus = (typeof shipmentStatuses)[number];
export type TrackingEvent = z.output<typeof trackingEvent>;
export type CarrierService = Carrier['services'][number];
export type ServiceKind = (typeof serviceKinds)[number];
export type ServiceInput = z.input<typeof serviceBody>;
export type CarrierInput = z.input<typeof newCarrierBody>;
export type CarrierChanges = z.input<typeof carrierChangesBody>;
export type CreatedCarrier = z.output<typeof createdCarrier>;
export type Scorecards = z.output<typeof scorecardList>;
export type CarrierScore = z.output<typeof carrierScore>;

/** Own-rider route planning: the stop list goes in as written, the plan comes back by stop id. */
export type RoutePlan = z.output<typeof routePlan>;
export type PlannedRoute = RoutePlan['routes'][number];
export type StopId = PlannedRoute['stops'][number];
/** Riders' runs for the same-day parcels waiting, by district and street (no coordinates). */
export type ZoneRunPlan = z.output<typeof zoneRunPlan>;
export type ZoneRunsInput = z.input<typeof zoneRunsBody>;

/** Carriers bill in yuan: rate cards, parcel prices and costs per parcel carry no currency of their own. */
export const logisticsCurrency = 'CNY';

export const fulfilmentApi = {
  waves: {
    list: (params: PageParams & { status?: string }) => get<Page<WaveSummary>>('/waves', params),
    get: (waveId: string) => get<Wave>(`/waves/${id(waveId)}`),
    create: (input: WaveInput) => post<Wave>('/waves', input),
    /** A pick by scan or tick; `isShort` says the bin holds no more of that line. */
    pick: (waveId: string, input: PickInput) => post<Wave>(`/waves/${id(waveId)}/picks`, input),
    pickListUrl: (waveId: string) => fileUrl(`/waves/${id(waveId)}/pick-list.pdf`),
  },
  packing: {
    /** By order number or id, exactly as scanned. */
    find: (reference: string) => get<PackingView>(`/packing/${id(reference)}`),
    pack: (orderId: string, input: PackInput) => post<PackingView>(`/orders/${id(orderId)}/pack`, input),
    ship: (orderId: string, serviceId?: string) =>
      post<Shipment>(`/orders/${id(orderId)}/ship`, serviceId ? { serviceId } : {}),
    packingSlipUrl: (orderId: string) => fileUrl(`/orders/${id(orderId)}/packing-slip.pdf`),
  },
  shipments: {
    list: (params: PageParams & { status?: string; carrier?: string; q?: string }) =>
      get<Page<ShipmentSummary>>('/shipments', params),
    get: (shipmentId: string) => get<Shipment>(`/shipments/${id(shipmentId)}`),
    labelUrl: (shipmentId: string) => fileUrl(`/shipments/${id(shipmentId)}/label.pdf`),
  },
};

export const logisticsApi = {
  carriers: {
    list: () => get<{ items: Carrier[] }>('/carriers').then((list) => list.items),
    create: (input: CarrierInput) => post<CreatedCarrier>('/carriers', input),
    update: (carrierId: string, changes: CarrierChanges) =>
      patch<Carrier>(`/carriers/${id(carrierId)}`, changes),
    /** Adds the service, or replaces the one with the same code. */
    saveService: (carrierId: string, input: ServiceInput) =>
      put<Carrier>(`/carriers/${id(carrierId)}/services`, input),
  },
  rules: {
    get: () => get<DeliveryRules>('/logistics/rules'),
    save: (rules: DeliveryRules) => put<DeliveryRules>('/logistics/rules', rules),
  },
  scorecards: (period: { from?: string; to?: string }) => get<Scorecards>('/carriers/scorecards', period),
  routes: {
    plan: (stopList: unknown) => post<RoutePlan>('/routes/plan', stopList),
    sameDay: (fleet: ZoneRunsInput) => post<ZoneRunPlan>('/routes/same-day', fleet),
  },
};
