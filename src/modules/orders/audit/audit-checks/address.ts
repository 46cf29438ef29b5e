import { z } from 'zod';
import type { Explanation, ExplanationPart } from '../../../../contracts/explanations.ts';
import {
  type AddressPart,
  addressParts,
  addressPartsNeeded,
  defaultAddressRequirements,
} from '../../../../contracts/order-holds.ts';
import type { NormalisedOrder } from '../../intake/normalise.ts';
import { normaliseAddressPart, readPhone } from './keys.ts';
import { countryCode, defineRule, ruleParams } from './rule.ts';

type Address = NormalisedOrder['shippingAddress'];

const compiledPatterns = new Map<string, RegExp>();
/** Patterns are data edited in the console (anchored with ^…$, matched case-insensitively); compile each once. */
function compiled(pattern: string): RegExp {
  let regex = compiledPatterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'iu');
    compiledPatterns.set(pattern, regex);
  }
  return regex;
}

const regexSource = z
  .string()
  .max(500)
  .refine((source) => {
    try {
      compiled(source);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

const addressIncompleteParams = ruleParams(
  { action: 'hold', riskPoints: 0 },
  {
    /** Parts each country needs; `default` for countries not listed. */
    requiredParts: z
      .record(z.union([countryCode, z.literal('default')]), z.array(z.enum(addressParts)))
      .default(structuredClone(defaultAddressRequirements.requiredParts) as Record<string, AddressPart[]>),
    /** Countries where addresses have no (or only an optional) postal code. */
    countriesWithoutPostcode: z
      .array(countryCode)
      .default([...defaultAddressRequirements.countriesWithoutPostcode]),
    minLine1Length: z.number().int().min(0).max(50).default(5),
    postcodePatterns: z.record(countryCode, regexSource).default({
      CN: '^\\d{6}$',
      US: '^\\d{5}(-\\d{4})?$',
      GB: '^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$',
      DE: '^\\d{5}$',
      SG: '^\\d{6}$',
    }),
  },
);
type AddressIncompleteParams = z.output<typeof addressIncompleteParams>;

function missingParts(address: Address, params: AddressIncompleteParams): AddressPart[] {
  return addressPartsNeeded(address.country, params).filter((part) => (address[part] ?? '').trim() === '');
}

function addressProblems(address: Address, params: AddressIncompleteParams): ExplanationPart[] {
  const missing = (part: string): ExplanationPart => ({ key: 'address.missing', params: { part } });
  const problems = address.country === '' ? [missing('country')] : [];
  problems.push(...missingParts(address, params).map(missing));
  const line1 = address.line1.trim();
  // Counted in code points so that a Chinese street counts each character once.
  if (line1 !== '' && [...line1].length < params.minLine1Length) {
    problems.push({ key: 'address.line1TooShort', params: { line1, min: params.minLine1Length } });
  }
  const pattern = params.postcodePatterns[address.country];
  const postcode = address.postalCode?.trim();
  if (pattern && postcode && !compiled(pattern).test(postcode)) {
    problems.push({ key: 'address.postcodeInvalid', params: { postcode, country: address.country } });
  }
  return problems;
}

export const addressIncomplete = defineRule({
  code: 'ADDRESS_INCOMPLETE',
  title: { en: 'Address incomplete', 'zh-CN': '地址不完整' },
  description: {
    en: 'Holds orders whose address lacks a part the country needs, has a too short street line or a postal code in the wrong format.',
    'zh-CN': '地址缺少该国家必需的部分、街道地址过短或邮编格式错误时拦截。',
  },
  params: addressIncompleteParams,
  explain(order, _ctx, params) {
    const problems = addressProblems(order.shippingAddress, params);
    return problems.length === 0 ? null : { key: 'hold.addressIncomplete', parts: problems };
  },
});

/** Types a courier can text; libphonenumber cannot tell US/CA mobiles from landlines. */
const textableTypes = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

const phoneInvalidParams = ruleParams(
  { action: 'hold', riskPoints: 10 },
  {
    /** Numbers of these countries must be mobiles: couriers text the pickup code. */
    mobileOnlyCountries: z.array(countryCode).default(['CN']),
    /** Whether a valid number of another country (+852… for a CN address) is fine. */
    acceptForeignNumbers: z.boolean().default(true),
  },
);
type PhoneInvalidParams = z.output<typeof phoneInvalidParams>;

function phoneProblem(phone: string, country: string, params: PhoneInvalidParams): Explanation | null {
  const reading = readPhone(phone, country);
  if (reading?.type === undefined) return { key: 'hold.phoneInvalid', params: { phone, country } };
  const numberCountry = reading.country ?? 'international';
  if (numberCountry !== country && !params.acceptForeignNumbers) {
    return { key: 'hold.phoneForeign', params: { phone, numberCountry, country } };
  }
  if (params.mobileOnlyCountries.includes(numberCountry) && !textableTypes.has(reading.type)) {
    return { key: 'hold.phoneNotMobile', params: { phone, numberCountry } };
  }
  return null;
}

export const phoneInvalid = defineRule({
  code: 'PHONE_INVALID',
  title: { en: 'Phone number invalid', 'zh-CN': '电话号码无效' },
  description: {
    en: 'Holds orders whose shipping phone is not a valid number for the address country (numbers with a country prefix are read as international).',
    'zh-CN': '收货电话不是收货国家的有效号码时拦截（带国家区号的号码按国际号码校验）。',
  },
  params: phoneInvalidParams,
  // A missing phone is ADDRESS_INCOMPLETE's or CONTACT_MISSING's to report; this judges one given.
  explain: (order, _ctx, params) =>
    order.shippingAddress.phone === ''
      ? null
      : phoneProblem(order.shippingAddress.phone, order.shippingAddress.country, params),
});

export const contactMissing = defineRule({
  code: 'CONTACT_MISSING',
  title: { en: 'No way to reach the customer', 'zh-CN': '无法联系客户' },
  description: {
    en: 'Holds orders that carry neither an e-mail address nor a phone number: nobody could be asked about a problem or told about the delivery.',
    'zh-CN': '订单既无邮箱也无电话时拦截：出现问题无法询问客户，也无法通知配送进度。',
  },
  params: ruleParams({ action: 'hold', riskPoints: 0 }, {}),
  explain(order) {
    const hasContact = order.customer.email || order.customer.phone || order.shippingAddress.phone;
    return hasContact ? null : { key: 'hold.contactMissing' };
  },
});

/** 'CN/西藏自治区' or 'CN/新疆维吾尔自治区/喀什地区': country, then province, city, district. */
const regionPath = z
  .string()
  .regex(/^[A-Z]{2}(\/[^/]+){0,3}$/, 'COUNTRY[/province[/city[/district]]], e.g. CN/西藏自治区');

function isInRegion(address: Address, region: string): boolean {
  const [country, ...parts] = region.split('/');
  if (country !== address.country) return false;
  const addressPath = [address.province, address.city, address.district];
  return parts.every(
    (part, index) => normaliseAddressPart(part) === normaliseAddressPart(addressPath[index]),
  );
}

export const addressUnserved = defineRule({
  code: 'ADDRESS_UNSERVED',
  title: { en: 'Address not served', 'zh-CN': '地址不在配送范围' },
  description: {
    en: 'Holds orders shipping to a country outside the served list or into an excluded region.',
    'zh-CN': '收货国家不在配送国家列表中，或位于排除区域内时拦截。',
  },
  params: ruleParams(
    { action: 'hold', riskPoints: 20 },
    {
      // Stand-in until the carriers' real coverage replaces it.
      countries: z
        .array(countryCode)
        .default(['CN', 'HK', 'MO', 'TW', 'US', 'GB', 'DE', 'FR', 'SG', 'JP', 'KR', 'AU', 'CA']),
      excludedRegions: z.array(regionPath).default([]),
    },
  ),
  explain(order, _ctx, params) {
    const address = order.shippingAddress;
    // Without a country nothing can be served or not: ADDRESS_INCOMPLETE asks for it.
    if (address.country === '') return null;
    if (!params.countries.includes(address.country)) {
      return { key: 'hold.countryUnserved', params: { country: address.country } };
    }
    const region = params.excludedRegions.find((excluded) => isInRegion(address, excluded));
    return region === undefined ? null : { key: 'hold.regionExcluded', params: { region } };
  },
});
