import type { CaseType, PlaybookDefinition } from '../../contracts/risk.ts';

type Step = PlaybookDefinition['steps'][number];

const step = (
  code: string,
  ownerRole: string,
  limitWorkingHours: number,
  actions: Step['actions'] = [],
): Step => ({
  code,
  ownerRole,
  limitWorkingHours,
  // An overdue step goes to the operations manager after half its own time limit again.
  escalation: { toRole: 'ops_manager', afterWorkingHours: Math.max(1, limitWorkingHours / 2) },
  actions,
});

/** English first, then the Chinese text an order shipped to China gets. */
const message = (subject: string, text: string, zhSubject: string, zhText: string) => ({
  subject,
  text,
  translations: { 'zh-CN': { subject: zhSubject, text: zhText } },
});

/**
 * The playbooks Ordo starts with, one per case type (version 1 until someone saves a change).
 * Time limits are working hours on the business calendar; owners are roles from staff/roles.ts.
 */
export const defaultPlaybooks: Record<CaseType, PlaybookDefinition> = {
  lost_parcel: {
    ownerRole: 'logistics',
    steps: [
      step('confirm_with_carrier', 'logistics', 4, ['contact_carrier']),
      step('reship_or_refund', 'customer_service', 8, ['reship', 'refund_record']),
      step('file_carrier_claim', 'logistics', 16),
    ],
    customerMessage: message(
      'Your order {number} is delayed',
      'We could not trace your parcel for order {number}. We are sending a replacement or a refund.',
      '您的订单 {number} 已延误',
      '订单 {number} 的包裹暂时无法追踪，我们将为您补发或退款。',
    ),
  },
  damaged: {
    ownerRole: 'customer_service',
    steps: [
      step('collect_photos', 'customer_service', 4, ['notify_customer']),
      step('reship_or_refund', 'customer_service', 8, ['reship', 'refund_record']),
      step('file_carrier_claim', 'logistics', 16, ['contact_carrier']),
    ],
    customerMessage: message(
      'About your order {number}',
      'Sorry that your order {number} arrived damaged.',
      '关于您的订单 {number}',
      '很抱歉，您的订单 {number} 到货时有破损。',
    ),
  },
  delayed: {
    ownerRole: 'logistics',
    steps: [
      step('chase_carrier', 'logistics', 4, ['contact_carrier']),
      step('inform_customer', 'customer_service', 4, ['notify_customer']),
    ],
    customerMessage: message(
      'Your order {number} is on its way',
      'Your order {number} is taking longer than planned.',
      '您的订单 {number} 正在路上',
      '您的订单 {number} 比预计晚到，我们正在跟进。',
    ),
  },
  refused_delivery: {
    ownerRole: 'customer_service',
    steps: [
      step('contact_customer', 'customer_service', 4, ['notify_customer']),
      step('redeliver_or_return', 'logistics', 8, ['contact_carrier', 'refund_record']),
    ],
    customerMessage: message(
      'Delivery of order {number}',
      'The delivery of your order {number} did not complete.',
      '订单 {number} 的配送',
      '您的订单 {number} 未能完成派送，我们会尽快与您联系。',
    ),
  },
  wrong_address: {
    ownerRole: 'customer_service',
    steps: [
      step('confirm_address', 'customer_service', 4, ['hold', 'notify_customer']),
      step('redirect_parcel', 'logistics', 8, ['contact_carrier']),
    ],
    customerMessage: message(
      'Please check the address of order {number}',
      'We need to confirm where to deliver {number}.',
      '请核对订单 {number} 的收货地址',
      '我们需要与您确认订单 {number} 的收货地址。',
    ),
  },
  wrong_item: {
    ownerRole: 'customer_service',
    steps: [
      step('confirm_with_customer', 'customer_service', 4, ['notify_customer']),
      step('reship_correct_item', 'warehouse', 8, ['reship']),
      step('find_cause', 'warehouse', 24),
    ],
    customerMessage: message(
      'About your order {number}',
      'We sent a wrong item with order {number} and are fixing it.',
      '关于您的订单 {number}',
      '订单 {number} 发错了商品，我们正在为您处理。',
    ),
  },
  out_of_stock: {
    ownerRole: 'warehouse',
    steps: [
      step('recount_location', 'warehouse', 4),
      step('offer_wait_or_cancel', 'customer_service', 8, ['notify_customer', 'cancel', 'refund_record']),
    ],
    customerMessage: message(
      'Your order {number} needs more time',
      'An item of order {number} is out of stock.',
      '您的订单 {number} 需要更多时间',
      '订单 {number} 中有商品暂时缺货。',
    ),
  },
  chargeback: {
    ownerRole: 'finance',
    steps: [
      step('hold_open_orders', 'finance', 2, ['hold']),
      step('gather_evidence', 'finance', 16),
      step('respond_to_dispute', 'finance', 24, ['refund_record']),
    ],
    customerMessage: null,
  },
  duplicate_order: {
    ownerRole: 'order_processor',
    steps: [
      step('confirm_duplicate', 'order_processor', 2, ['hold']),
      step('cancel_duplicate', 'order_processor', 4, ['cancel']),
    ],
    customerMessage: message(
      'Your order {number}',
      'We found a duplicate of order {number} and cancelled it.',
      '您的订单 {number}',
      '我们发现订单 {number} 重复提交，已取消重复的一单。',
    ),
  },
  suspected_fraud: {
    ownerRole: 'finance',
    steps: [
      step('hold_order', 'order_processor', 1, ['hold']),
      step('verify_buyer', 'finance', 8),
      step('release_or_cancel', 'finance', 8, ['cancel', 'refund_record']),
    ],
    customerMessage: null,
  },
};

/** Fulfilment's and logistics' exception kinds, as the case type whose playbook handles them. */
export const caseTypeOfExceptionKind: Record<string, CaseType> = {
  short_pick: 'out_of_stock',
  no_scan: 'delayed',
  late: 'delayed',
  lost: 'lost_parcel',
  damaged: 'damaged',
  failed_attempt: 'refused_delivery',
  returned: 'refused_delivery',
  channel_change: 'wrong_address',
};

/** The detector kinds whose exceptions a case of this type stands for. */
export function exceptionKindsOfCaseType(caseType: string): string[] {
  return Object.entries(caseTypeOfExceptionKind)
    .filter(([, type]) => type === caseType)
    .map(([kind]) => kind);
}
