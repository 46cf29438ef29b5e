/**
 * The order vocabulary of CONTRACT.md as plain constants (no zod), shared by the server's
 * schemas and the console's selects and tags.
 */
export const orderStatuses = [
  'pending_review',
  'approved',
  'backordered',
  'allocated',
  'picking',
  'packed',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
] as const;
export const orderTypes = ['normal', 'urgent', 'custom', 'presale', 'b2b', 'replacement'] as const;
export const paymentStatuses = ['pending', 'paid', 'partially_paid', 'refunded', 'cod'] as const;
export const deliveryServices = ['standard', 'express', 'freight', 'same_day'] as const;
/** How an order stands against its ship-by deadline ('none' when it has none). */
export const slaStatuses = ['on_track', 'at_risk', 'breached', 'none'] as const;
/** The two stages of the review a HIGH_RISK order waits for. */
export const reviewStages = ['processor', 'finance'] as const;
/** What a blocklist entry matches: an address is blocked from one of its orders. */
export const blocklistKinds = ['phone', 'email', 'name', 'address'] as const;
/** Who wrote a note, and who sees it: internal notes stay in the console. */
export const noteDirections = ['internal', 'to_customer', 'from_customer'] as const;
