/**
 * Every event Ordo publishes, past tense, with its payload. Handlers receive exactly these;
 * delivery is at-least-once, so handlers must be idempotent.
 */
export interface EventMap {
  'order.received': { orderId: string; number: string; channel: string; status: string; holds: string[] };
  'order.status_changed': { orderId: string; number: string; from: string; to: string; reason?: string };
  /** A hold needs the customer (address, phone): mail them a link to fix it. */
  'order.customer_action_required': { orderId: string; codes: string[] };
  'order.customer_message': { orderId: string; noteId: string };
  /** Available stock of a SKU in a warehouse moved by `delta`; a rise lets backordered orders allocate. */
  'stock.changed': { skuId: string; warehouseId: string; available: number; delta: number };
  /** Available stock fell to or below the warning line. */
  'stock.low': { skuId: string; warehouseId: string; available: number; warningLine: number };
  'shipment.created': { shipmentId: string; orderId: string; trackingNumber: string };
  /**
   * A detector raised an exception (short pick, no scan, late, lost, damaged, failed attempt,
   * return, channel change). The risk module opens a case on the kind's playbook (owner,
   * deadline, steps).
   */
  'shipment.exception': { shipmentId: string | null; orderId: string; kind: string };
  /** The carrier has the parcel on the van today. */
  'shipment.out_for_delivery': { shipmentId: string; orderId: string };
  /** Money went back to the customer (after-sales). */
  'refund.issued': { orderId: string; refundId: string; amount: string; currency: string };
  /** Staff answered a complaint; the customer hears of it. */
  'complaint.answered': { complaintId: string; orderId: string | null; messageId: string };
  /**
   * A complaint changed (opened, answered, resolved) and its customer is to be mailed about
   * `messageId`, the message that change wrote. Sent by the worker, so an SMTP failure retries
   * instead of failing the request that stored the change.
   */
  'complaint.mail_due': {
    complaintId: string;
    messageId: string;
    mail: 'complaint_opened' | 'complaint_answered' | 'complaint_resolved';
    /** The template's own placeholders: message, reply, or resolution and rateUrl. */
    params: Record<string, string>;
  };
  /**
   * A risk case (not a drill) closed. Fulfilment releases the order's exceptions of
   * `exceptionKinds` seen up to `closedAt`, so the same problem seen again opens a new case.
   */
  'risk_case.closed': {
    caseId: string;
    orderId: string | null;
    caseType: string;
    exceptionKinds: string[];
    closedAt: string;
  };
  /** An incident closed with its review; the knowledge base keeps the review as a lesson. */
  'incident.closed': { incidentId: string; title: string; review: string };
  'sku.changed': { skuId: string; code: string; change: 'created' | 'updated' | 'deleted' };
  'user.changed': { userId: string; change: 'created' | 'updated' };
}

export type EventType = keyof EventMap;

export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  payload: EventMap[T];
}
