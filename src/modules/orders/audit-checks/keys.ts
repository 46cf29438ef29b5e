import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { NormalisedOrder } from '../normalise.ts';

const parsedPhones = new Map<string, PhoneNumber | null>();

/**
 * A phone as libphonenumber reads it, remembered: one order's phone is read by the key
 * functions, the phone check and the velocity lookup, and parsing is the audit's costliest step.
 */
export function parsePhone(phone: string, country: string): PhoneNumber | null {
  const key = `${country}|${phone}`;
  let parsed = parsedPhones.get(key);
  if (parsed === undefined) {
    try {
      parsed = parsePhoneNumberFromString(phone, country as CountryCode) ?? null;
    } catch {
      parsed = null;
    }
    // Bounded to a few batches (each phone is read several times within its batch); parsed
    // numbers are large objects, and a day of distinct phones would hold tens of megabytes.
    if (parsedPhones.size >= 4000) parsedPhones.clear();
    parsedPhones.set(key, parsed);
  }
  return parsed;
}

/**
 * E.164 form (`+8613800138000`) of a phone written as buyers write it (`138 0013 8000`,
 * `0086…`, `+86-…`), read in the address country when it has no country prefix. Null when it
 * cannot be read as a phone number at all; a readable but invalid number still gets a form, so
 * that blocklists and velocity counts match it however it was typed.
 */
export function normalisePhone(phone: string, country: string): string | null {
  return parsePhone(phone, country)?.number ?? null;
}

// NFKC folds full-width forms (，１００) to ASCII; spaces and punctuation are dropped, not kept,
// because the same address is typed "文三路100号", "文三路 100 号" and "文三路100号。".
const separators = /[\p{P}\p{S}\p{Z}\s]+/gu;

/** One address part reduced to what identifies it: NFKC, lower case, no spaces or punctuation. */
export function normaliseAddressPart(part: string | null): string {
  return part === null ? '' : part.normalize('NFKC').toLowerCase().replace(separators, '');
}

/** The same delivery address gives the same key however it was typed: country|province|city|district|line1. */
export function addressKey(address: NormalisedOrder['shippingAddress']): string {
  let key = addressKeys.get(address);
  if (key === undefined) {
    key = [address.country, address.province, address.city, address.district, address.line1]
      .map(normaliseAddressPart)
      .join('|');
    addressKeys.set(address, key);
  }
  return key;
}

// Several checks and the intake ask for the same order's key; addresses are not mutated after
// normalisation (a correction builds a new address object), so the key can be kept with it.
const addressKeys = new WeakMap<object, string>();

/** The shipping phone's E.164 form, or just its digits when it cannot be parsed as a number. */
export function shippingPhoneKey(order: NormalisedOrder): string {
  const { phone, country } = order.shippingAddress;
  return normalisePhone(phone, country) ?? phone.replace(/\D/g, '');
}

/**
 * Who the buyer is for merging and open-order lookups: the shipping phone and address.
 * (Issue 3 makes this configurable later; callers must key `openOrdersByBuyer` with this.)
 */
export function buyerKey(order: NormalisedOrder): string {
  return `${shippingPhoneKey(order)}|${addressKey(order.shippingAddress)}`;
}

/** Blocklisted names are stored trimmed, lower case, with single spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
