/** The shapes the demo shop is made of: what `ordo demo` imports, and what it is asked for. */

export interface CanonicalOrderInput {
  channel: string;
  externalId: string;
  placedAt: string;
  currency: string;
  customer: { name: string; email?: string; phone?: string };
  shippingAddress: DemoAddress;
  lines: { sku: string; quantity: number; unitPrice: string; name?: string }[];
  shippingFee?: string;
  discount?: string;
  total: string;
  payment: PaymentInput;
  type?: 'normal' | 'urgent' | 'custom' | 'presale' | 'b2b' | 'replacement';
  buyerNote?: string;
  sellerNote?: string;
  requestedService?: 'standard' | 'express' | 'freight' | 'same_day';
}

export interface DemoAddress {
  name: string;
  phone: string;
  country: string;
  province?: string;
  city: string;
  district?: string;
  line1: string;
  line2?: string;
  postalCode?: string;
}

export interface PaymentInput {
  status: 'pending' | 'paid' | 'partially_paid' | 'refunded' | 'cod';
  method?: string;
  paidAmount?: string;
  paidAt?: string;
}

export interface DemoChannel {
  id: string;
  name: string;
  kind: string;
}

export type DemoCategory = 'apparel' | 'home' | 'electronics' | 'food';

export interface DemoSku {
  code: string;
  name: string;
  price: string;
  barcode: string;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  category: DemoCategory;
}

export interface DemoShop {
  channels: DemoChannel[];
  skus: DemoSku[];
  orders: CanonicalOrderInput[];
}

export interface DemoShopOptions {
  seed?: number;
  now: Date;
  skuCount?: number;
  orderCount?: number;
  weeks?: number;
}

export interface DemoCancellation {
  channel: string;
  externalId: string;
  reason: string;
}
