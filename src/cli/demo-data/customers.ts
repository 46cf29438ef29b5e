/** Who buys: new and returning customers, at home and abroad, and who receives the parcel. */
import { chineseLocale } from './chinese-locale.ts';
import type { LocalAddress, Locale, Person } from './locale.ts';
import { chance, pickOne, pickWeighted, type Rng } from './random.ts';
import type { DemoAddress } from './types.ts';
import { germanLocale, singaporeLocale, ukLocale, usLocale } from './western-locales.ts';

export interface DemoCustomer {
  person: Person;
  address: LocalAddress;
  locale: Locale;
  isDomestic: boolean;
}

/** The part of the order-building context that customers are drawn from and added to. */
export interface CustomerPool {
  rng: Rng;
  customers: DemoCustomer[];
}

const internationalLocales = [
  [usLocale, 40],
  [ukLocale, 25],
  [germanLocale, 20],
  [singaporeLocale, 15],
] as const;

const domesticShare = 0.75;
const repeatCustomerShare = 0.25;

/** A returning customer a quarter of the time, as repeat buyers are in a healthy shop. */
export function chooseCustomer(context: CustomerPool, mustBeDomestic: boolean): DemoCustomer {
  const { rng } = context;
  const returning = mustBeDomestic
    ? context.customers.filter((customer) => customer.isDomestic)
    : context.customers;
  if (returning.length >= 20 && chance(rng, repeatCustomerShare)) return pickOne(rng, returning);
  const isDomestic = mustBeDomestic || chance(rng, domesticShare);
  const locale = isDomestic ? chineseLocale : pickWeighted(rng, internationalLocales);
  const customer = { person: locale.newPerson(rng), address: locale.newAddress(rng), locale, isDomestic };
  context.customers.push(customer);
  return customer;
}

/** One order in twenty goes to someone else: a gift, or a colleague receiving at the office. */
export function shippingAddressFor(rng: Rng, customer: DemoCustomer): DemoAddress {
  const recipient = chance(rng, 0.05) ? customer.locale.newPerson(rng) : customer.person;
  return { name: recipient.name, phone: recipient.phone, ...customer.address };
}
