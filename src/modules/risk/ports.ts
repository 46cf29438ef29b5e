import type { Explanation } from '../../contracts/explanations.ts';
import type { CustomerMessageText } from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import type { BusinessCalendar } from '../../platform/business-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail.ts';

/**
 * A message to an order's customer (`{number}` = the order number), in the order's language where
 * a translation is given; app.ts sends it through the service module's templates and message log.
 */
export type NotifyCustomer = (message: { orderId: string } & CustomerMessageText) => Promise<void>;

/**
 * The system-health page's figures the health metrics judge (src/api/system-health.ts reads
 * them): timestamps rather than ages, so a monitor measures them against its own clock.
 */
export interface SystemFigures {
  outbox: { pending: number; dead: number; oldestPendingAt: string | null };
  /** The last beat of any worker (they write one shared heartbeat), null before the first. */
  workerHeartbeatAt: string | null;
  disk: { freeBytes: number; totalBytes: number } | null;
  database: { sizeBytes: number | null; serverConnections: number | null };
}

/** What the risk module needs from below, filled in app.ts from orders' exported functions. */
export interface RiskDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  calendar: () => Promise<BusinessCalendar>;
  notifyCustomer: NotifyCustomer;
  orders: {
    exists(orderId: string): Promise<boolean>;
    holdOrders(
      actor: Actor,
      orderIds: readonly string[],
      reason: { code: string; explanation: Explanation },
    ): Promise<{ held: string[]; skipped: string[] }>;
    cancel(actor: Actor, orderId: string, reason: string): Promise<unknown>;
    /** The audit rule set: read and saved as a new version (pausing auto-approval per channel). */
    activeRules(): Promise<{ rules: { code: string; enabled: boolean; params: Record<string, unknown> }[] }>;
    saveRules(actor: Actor, rules: unknown[], note: string): Promise<unknown>;
  };
  /** Carriers by code, and taking one out of (or back into) carrier selection. */
  logistics: {
    carrierId(code: string): Promise<string | null>;
    setCarrierActive(actor: Actor, code: string, isActive: boolean): Promise<{ wasActive: boolean }>;
  };
  /** Forecast daily demand in units, of one SKU by code or of all (inventory's stock plans). */
  inventory: { expectedDailyDemand(sku: string | null): Promise<number> };
  /** Interface health and per-SKU stock sync of the channels. */
  channels: {
    interfaceFailures(since: string, channel: string | null): Promise<{ volume: number; hits: number }>;
    isSkuExcluded(channel: string, sku: string): Promise<boolean>;
    setSkuExcluded(actor: Actor, channel: string, sku: string, excluded: boolean): Promise<void>;
  };
  /** System health: outbox, worker, disk and database figures. */
  system: { figures(): Promise<SystemFigures> };
}
