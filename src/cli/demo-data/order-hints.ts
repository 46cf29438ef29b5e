/** The rarer parts of an order: its type, buyer and seller notes, and the service asked for. */
import { chance, optional, pickOne, pickWeighted, type Rng } from './random.ts';
import type { CanonicalOrderInput } from './types.ts';

type OrderType = NonNullable<CanonicalOrderInput['type']>;

const typeShares = [
  ['normal', 95],
  ['urgent', 2],
  ['presale', 2],
  ['custom', 1],
] as const satisfies readonly (readonly [OrderType, number])[];

const chineseNotes = {
  buyer: [
    '请尽快发货，谢谢',
    '周末送货，工作日家里没人',
    '不要放快递柜，请送货上门',
    '送人的礼物，请不要放价格单',
    '请用顺丰快递',
    '易碎品，请包装好一点',
  ],
  engraving: ['刻字：生日快乐', '刻字：平安喜乐', '刻字：Forever'],
};
const englishNotes = {
  buyer: [
    'Please leave the parcel at the front desk',
    'It is a gift, please do not include the invoice',
    'Please call before delivery',
    'Please pack carefully',
  ],
  engraving: ['Engraving: Happy Birthday', 'Engraving: J & M 2026'],
};
const sellerNotes = [
  'VIP 老客户，赠送小样',
  '已电话确认收货地址',
  '客户要求开具发票',
  'Repeat customer, add a thank-you card',
];

type OrderHints = Pick<CanonicalOrderInput, 'type' | 'buyerNote' | 'sellerNote' | 'requestedService'>;

/** About one order in twenty carries a note; custom orders always say what to make. */
export function orderHints(rng: Rng, isDomestic: boolean): OrderHints {
  const type = pickWeighted(rng, typeShares);
  const notes = isDomestic ? chineseNotes : englishNotes;
  const buyerNote =
    type === 'custom'
      ? pickOne(rng, notes.engraving)
      : chance(rng, 0.03)
        ? pickOne(rng, notes.buyer)
        : undefined;
  const sellerNote = chance(rng, 0.012) ? pickOne(rng, sellerNotes) : undefined;
  return {
    ...(type === 'normal' ? {} : { type }),
    ...optional('buyerNote', buyerNote),
    ...optional('sellerNote', sellerNote),
    requestedService: requestedService(rng, type, isDomestic),
  };
}

function requestedService(rng: Rng, type: OrderType, isDomestic: boolean): OrderHints['requestedService'] {
  if (type === 'urgent') return 'express';
  if (isDomestic && chance(rng, 0.01)) return 'same_day';
  return chance(rng, 0.05) ? 'express' : 'standard';
}
