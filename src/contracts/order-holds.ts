/**
 * The hold codes of CONTRACT.md as plain constants (no zod), shared by the server's rules and
 * the console's tags, filters and actions.
 */

/**
 * Every hold reason the server gives: the audit rules' codes (CHANNEL_PAUSED is a risk monitor's
 * measure), the timers, unreadable input, and INCIDENT (orders held by a declared incident).
 */
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
  'CHANNEL_PAUSED',
  'INCIDENT',
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

/** The parts of a shipping address the ADDRESS_INCOMPLETE rule can require. */
export const addressParts = ['name', 'phone', 'province', 'city', 'district', 'line1', 'postalCode'] as const;
export type AddressPart = (typeof addressParts)[number];

/** The rule's parameters that decide which parts an address needs, as the rule set stores them. */
export interface AddressRequirements {
  /** Parts each country needs; `default` for countries not listed. */
  requiredParts: Record<string, readonly AddressPart[]>;
  /** Countries where addresses have no (or only an optional) postal code. */
  countriesWithoutPostcode: readonly string[];
}

export const defaultAddressRequirements: AddressRequirements = {
  requiredParts: {
    // Chinese couriers call or text the recipient: a CN parcel needs a phone on the label.
    CN: ['name', 'phone', 'province', 'city', 'district', 'line1'],
    default: ['name', 'city', 'line1', 'postalCode'],
  },
  countriesWithoutPostcode: ['HK', 'MO', 'AE', 'QA', 'IE'],
};

/**
 * The parts an address to `country` needs not to be held ADDRESS_INCOMPLETE. One function for
 * the audit and the New order form, so the form marks exactly what the audit will hold for.
 */
export function addressPartsNeeded(country: string, requirements: AddressRequirements): AddressPart[] {
  const required = requirements.requiredParts[country] ?? requirements.requiredParts.default ?? [];
  const hasNoPostcode = requirements.countriesWithoutPostcode.includes(country);
  return required.filter((part) => !(part === 'postalCode' && hasNoPostcode));
}
