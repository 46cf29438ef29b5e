/**
 * The hold codes of CONTRACT.md as plain constants (no zod), shared by the server's rules and
 * the console's tags, filters and actions.
 */

/** Every hold reason the server gives: the audit rules' codes, the timers and unreadable input. */
export const holdCodes = [
  'PAYMENT_PENDING',
  'AMOUNT_MISMATCH',
  'TOTAL_MISMATCH',
  'UNKNOWN_SKU',
  'ADDRESS_INCOMPLETE',
  'PHONE_INVALID',
  'CONTACT_MISSING',
  'ADDRESS_UNSERVED',
  'DATA_UNREADABLE',
  'BLOCKLISTED',
  'AMOUNT_OVER_LIMIT',
  'QUANTITY_OVER_LIMIT',
  'VELOCITY',
  'MERGE_CANDIDATE',
  'BUYER_NOTE',
  'SELLER_NOTE',
  'HIGH_RISK',
  'AUTOHOLD',
  'PRESALE',
] as const;
export type HoldCode = (typeof holdCodes)[number];

/** Holds a person may not simply release: high risk needs the two-stage review. */
export const reviewOnlyHolds: readonly string[] = ['HIGH_RISK'] satisfies HoldCode[];

/**
 * Holds about the delivery address and contact, which the customer can clear from the link in
 * their mail and a reviewer from the address dialog.
 */
export const customerActionHolds: readonly string[] = [
  'ADDRESS_INCOMPLETE',
  'PHONE_INVALID',
  'CONTACT_MISSING',
  'ADDRESS_UNSERVED',
] satisfies HoldCode[];
