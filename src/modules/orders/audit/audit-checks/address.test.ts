import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressPartsNeeded, defaultAddressRequirements } from '../../../../contracts/order-holds.ts';
import { addressIncomplete, addressUnserved, phoneInvalid } from './address.ts';
import { judge, newOrder } from './test-support.ts';

const london = {
  country: 'GB',
  province: '',
  city: 'London',
  district: '',
  line1: '221B Baker Street',
  postalCode: 'NW1 6XE',
  phone: '+447911123456',
};
const incomplete = (address: Record<string, unknown>, params: Record<string, unknown> = {}) =>
  judge(addressIncomplete, newOrder({ shippingAddress: address }), undefined, params)?.message ?? null;

describe('ADDRESS_INCOMPLETE', () => {
  it('passes complete addresses in CN, GB, US, DE, SG and HK (which has no postal codes)', () => {
    assert.equal(incomplete({}), null);
    assert.equal(incomplete(london), null);
    assert.equal(incomplete({ ...london, country: 'US', city: 'New York', postalCode: '10001-1234' }), null);
    assert.equal(incomplete({ ...london, country: 'DE', city: 'Berlin', postalCode: '10115' }), null);
    assert.equal(incomplete({ ...london, country: 'SG', city: 'Singapore', postalCode: '238872' }), null);
    assert.equal(incomplete({ ...london, country: 'HK', city: 'Hong Kong', postalCode: '' }), null);
  });

  it('holds a CN address without district and with too short a street line', () => {
    assert.equal(
      incomplete({ district: '', line1: '8号' }),
      'Address is incomplete: missing district; line 1 "8号" has fewer than 5 characters',
    );
  });

  it('holds exactly for the parts the New order form marks as needed (one list for both)', () => {
    for (const country of ['CN', 'GB', 'HK']) {
      const needed = addressPartsNeeded(country, defaultAddressRequirements);
      const base = country === 'CN' ? {} : { ...london, country };
      // Name and phone fall back to the customer's in normalising: the place parts decide here.
      for (const part of needed.filter((p) => p !== 'name' && p !== 'phone'))
        assert.match(
          incomplete({ ...base, [part]: '' }) ?? '',
          new RegExp(`missing ${part}`),
          `${country} ${part}`,
        );
      for (const part of ['province', 'district', 'postalCode'].filter((p) => !needed.includes(p as never)))
        assert.equal(incomplete({ ...base, [part]: '' }), null, `${country} without ${part} is not held`);
    }
    assert.ok(addressPartsNeeded('CN', defaultAddressRequirements).includes('district'));
    assert.ok(!addressPartsNeeded('HK', defaultAddressRequirements).includes('postalCode'));
  });

  it('holds postal codes in the wrong format for CN, US and GB', () => {
    assert.equal(
      incomplete({ postalCode: '31000' }),
      'Address is incomplete: postal code "31000" is not a valid CN postal code',
    );
    assert.match(
      incomplete({ ...london, country: 'US', postalCode: '1234' }) ?? '',
      /"1234" is not a valid US/,
    );
    assert.match(incomplete({ ...london, postalCode: 'XYZ' }) ?? '', /"XYZ" is not a valid GB/);
  });

  it('holds a missing postal code where the country has them', () => {
    assert.equal(
      incomplete({ ...london, country: 'FR', city: 'Paris', postalCode: '' }),
      'Address is incomplete: missing postalCode',
    );
  });

  it('takes the required parts per country from its parameters', () => {
    const noDistrict = { district: '' };
    const relaxed = { requiredParts: { CN: ['province', 'city', 'line1'], default: ['city', 'line1'] } };
    assert.equal(incomplete(noDistrict, relaxed), null);
  });
});

const phoneProblem = (phone: string, country = 'CN', params: Record<string, unknown> = {}) => {
  const address = country === 'CN' ? { phone } : { ...london, country, phone };
  return judge(phoneInvalid, newOrder({ shippingAddress: address }), undefined, params)?.message ?? null;
};

describe('PHONE_INVALID', () => {
  it('passes CN mobiles with or without +86, spaced or not', () => {
    for (const phone of [
      '+8613800138000',
      '13800138000',
      '138 0013 8000',
      '+86 199-1234-5678',
      '0086 13800138000',
    ]) {
      assert.equal(phoneProblem(phone), null, phone);
    }
  });

  it('holds CN numbers that are no mobiles: 12…, too short, a landline', () => {
    assert.equal(phoneProblem('12800138000'), 'Phone "12800138000" is not a valid number for CN');
    assert.equal(phoneProblem('1380013800'), 'Phone "1380013800" is not a valid number for CN');
    assert.equal(
      phoneProblem('010-12345678'),
      'Phone "010-12345678" is not a mobile number; CN couriers need one to reach the recipient',
    );
    assert.equal(phoneProblem('010-12345678', 'CN', { mobileOnlyCountries: [] }), null);
  });

  it('passes valid international numbers and holds invalid ones', () => {
    assert.equal(phoneProblem('+447911123456', 'GB'), null);
    assert.equal(phoneProblem('07911 123456', 'GB'), null);
    assert.equal(phoneProblem('(201) 555-0123', 'US'), null);
    assert.equal(phoneProblem('+65 9123 4567', 'SG'), null);
    assert.equal(phoneProblem('+44 20 1', 'GB'), 'Phone "+44 20 1" is not a valid number for GB');
    assert.equal(phoneProblem('not a phone', 'US'), 'Phone "not a phone" is not a valid number for US');
  });

  it('accepts a valid foreign number unless told not to', () => {
    assert.equal(phoneProblem('+852 9123 4567'), null);
    assert.equal(
      phoneProblem('+852 9123 4567', 'CN', { acceptForeignNumbers: false }),
      'Phone "+852 9123 4567" is a HK number but the address is in CN',
    );
  });
});

const unserved = (address: Record<string, unknown>, params: Record<string, unknown> = {}) =>
  judge(addressUnserved, newOrder({ shippingAddress: address }), undefined, params)?.message ?? null;

describe('ADDRESS_UNSERVED', () => {
  it('passes addresses in the served countries', () => {
    assert.equal(unserved({}), null);
    assert.equal(unserved(london), null);
  });

  it('holds a country outside the list', () => {
    assert.equal(
      unserved({ ...london, country: 'BR', city: 'São Paulo' }),
      'Country BR is not among the served countries',
    );
  });

  it('holds an address in an excluded region, at province or city level', () => {
    const lhasa = { province: '西藏自治区', city: '拉萨市', district: '城关区' };
    assert.equal(
      unserved(lhasa, { excludedRegions: ['CN/西藏自治区'] }),
      'The address is in CN/西藏自治区, which is excluded from delivery',
    );
    const kashgar = { province: '新疆维吾尔自治区', city: '喀什地区', district: '喀什市' };
    const excluded = { excludedRegions: ['CN/新疆维吾尔自治区/喀什地区'] };
    assert.match(unserved(kashgar, excluded) ?? '', /喀什地区, which is excluded/);
    assert.equal(unserved({ ...kashgar, city: '乌鲁木齐市' }, excluded), null);
  });
});
