/**
 * Mappings for common marketplace exports, offered before any is saved. Headers as the platforms
 * write them: Shopify's orders CSV export (Admin → Orders → Export), WooCommerce's
 * Customer/Order CSV Export (one row per item), and the Taobao/Tmall seller-centre order report.
 */
import { type ColumnMapping, columnMapping } from '../../../contracts/file-imports.ts';

const shopify = columnMapping.parse({
  columns: {
    externalId: 'Name',
    placedAt: 'Created at',
    currency: 'Currency',
    total: 'Total',
    shippingFee: 'Shipping',
    discount: 'Discount Amount',
    sku: 'Lineitem sku',
    quantity: 'Lineitem quantity',
    unitPrice: 'Lineitem price',
    lineName: 'Lineitem name',
    customerName: 'Billing Name',
    customerEmail: 'Email',
    customerPhone: 'Billing Phone',
    shipName: 'Shipping Name',
    shipPhone: 'Shipping Phone',
    country: 'Shipping Country',
    province: 'Shipping Province',
    city: 'Shipping City',
    line1: 'Shipping Address1',
    line2: 'Shipping Address2',
    postalCode: 'Shipping Zip',
    buyerNote: 'Notes',
    paymentStatus: 'Financial Status',
    paymentMethod: 'Payment Method',
    paidAt: 'Paid at',
  },
  paymentStatusValues: {
    authorized: 'pending',
    partially_refunded: 'paid',
    voided: 'refunded',
    expired: 'pending',
  },
});

const woocommerce = columnMapping.parse({
  columns: {
    externalId: 'order_number',
    placedAt: 'order_date',
    currency: 'order_currency',
    total: 'order_total',
    shippingFee: 'shipping_total',
    discount: 'discount_total',
    sku: 'item_sku',
    quantity: 'item_quantity',
    unitPrice: 'item_price',
    lineName: 'item_name',
    customerName: 'billing_full_name',
    customerEmail: 'billing_email',
    customerPhone: 'billing_phone',
    shipName: 'shipping_full_name',
    country: 'shipping_country',
    province: 'shipping_state',
    city: 'shipping_city',
    line1: 'shipping_address_1',
    line2: 'shipping_address_2',
    postalCode: 'shipping_postcode',
    buyerNote: 'customer_note',
    paymentStatus: 'status',
    paymentMethod: 'payment_method',
  },
  paymentStatusValues: {
    processing: 'paid',
    completed: 'paid',
    'on-hold': 'pending',
    pending: 'pending',
    cancelled: 'pending',
    failed: 'pending',
    refunded: 'refunded',
  },
});

const taobao = columnMapping.parse({
  columns: {
    externalId: '订单编号',
    placedAt: '订单创建时间',
    total: '实际支付金额',
    paidAmount: '实际支付金额',
    sku: '商家编码',
    quantity: '购买数量',
    lineName: '宝贝标题',
    customerName: '买家会员名',
    shipName: '收货人姓名',
    customerPhone: '联系手机',
    address: '收货地址',
  },
  defaultCurrency: 'CNY',
  defaultCountry: 'CN',
  // The seller centre exports orders the buyer has paid for (待发货): Alipay holds the money.
  defaultPaymentStatus: 'paid',
});

export const presetMappings: Readonly<Record<string, ColumnMapping>> = { shopify, woocommerce, taobao };
