import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { NormalisedOrder } from '../../intake/normalise.ts';

/** What the audit needs to know of a phone, as libphonenumber reads it. */
export interface PhoneReading {
  /** E.164 (`+8613800138000`), also for a readable number that is not valid. */
  e164: string;
  /** The country the number belongs to, when it tells. */
  country: string | undefined;
  /** MOBILE, FIXED_LINE, …; undefined exactly when the number is not valid. */
  type: string | undefined;
}

const readPhones = new Map<string, PhoneReading | null>();
// A reading is a few short strings (a parsed PhoneNumber is far larger). A batch's phones are read
// by the keys, the phone check and the velocity lookup: 5,000 hold a full batch's (at most 2,000)
// and a burst's repeat buyers, in each intake thread, without a few megabytes more per thread.
const maxRememberedPhones = 5000;

/**
 * A phone as libphonenumber reads it, remembered. Parsing and typing are the audit's costliest
 * steps, so both happen once: with full metadata a number is valid exactly when it has a type,
 * which is how libphonenumber's own `isValid()` decides.
 */
export function readPhone(phone: string, country: string): PhoneReading | null {
  const key = `${country}|${phone}`;
  let reading = readPhones.get(key);
  if (reading === undefined) {
    try {
      const parsed = parsePhoneNumberFromString(phone, country as CountryCode);
      reading = parsed ? { e164: parsed.number, country: parsed.country, type: parsed.getType() } : null;
    } catch {
      reading = null;
    }
    if (readPhones.size >= maxRememberedPhones) readPhones.clear();
    readPhones.set(key, reading);
  }
  return reading;
}

/**
 * E.164 form (`+8613800138000`) of a phone written as buyers write it (`138 0013 8000`,
 * `0086…`, `+86-…`), read in the address country when it has no country prefix. Null when it
 * cannot be read as a phone number at all; a readable but invalid number still gets a form, so
 * that blocklists and velocity counts match it however it was typed.
 */
export function normalisePhone(phone: string, country: string): string | null {
  return readPhone(phone, country)?.e164 ?? null;
}

// NFKC folds full-width forms (，１００) to ASCII; spaces and punctuation are dropped, not kept,
// because the same address is typed "文三路100号", "文三路 100 号" and "文三路100号。".
const separators = /[\p{P}\p{S}\p{Z}\s]+/gu;

/** One address part reduced to what identifies it: NFKC, lower case, no spaces or punctuation. */
export function normaliseAddressPart(part: string | null): string {
  return part === null ? '' : part.normalize('NFKC').toLowerCase().replace(separators, '');
}

/**
 * The same delivery address gives the same key however it was typed: country|province|city|
 * district|line1. An address without a street line names no delivery point, so it has no key
 * ('') and never matches another order's.
 */
export function addressKey(address: NormalisedOrder['shippingAddress']): string {
  let key = addressKeys.get(address);
  if (key === undefined) {
    key =
      normaliseAddressPart(address.line1) === ''
        ? ''
        : [address.country, address.province, address.city, address.district, address.line1]
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
  const phone = shippingPhoneKey(order);
  const address = addressKey(order.shippingAddress);
  // Neither phone nor address: nothing tells this buyer from another one.
  return phone === '' && address === '' ? '' : `${phone}|${address}`;
}

/** Blocklisted names are stored trimmed, lower case, with single spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
