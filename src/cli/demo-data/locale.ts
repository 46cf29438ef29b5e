/** What a locale makes: a person and an address as people in that country write them. */
import type { Rng } from './random.ts';
import type { DemoAddress } from './types.ts';

export interface Person {
  name: string;
  phone: string;
  email?: string;
}

export type LocalAddress = Omit<DemoAddress, 'name' | 'phone'>;

export interface Locale {
  country: string;
  newPerson(rng: Rng): Person;
  newAddress(rng: Rng): LocalAddress;
}

/** Reserved for examples (RFC 2606), so demo mail can never reach a real person. */
export const exampleDomains = ['example.com', 'example.net', 'example.org'];
