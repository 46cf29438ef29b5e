/** The demo shop's warehouses and suppliers, and which supplier makes which SKU. */
import type { DemoCategory, DemoSku } from './types.ts';

export interface DemoWarehouse {
  code: string;
  name: string;
  address: {
    country: string;
    province: string;
    city: string;
    district: string;
    line1: string;
    postalCode: string;
  };
  coverage: string[];
  costPerOrder: string;
  cutOff: string;
}

export interface DemoSupplier {
  code: string;
  name: string;
  contactName: string;
  email: string;
  phone: string;
  leadTimeDays: number;
  minOrderQty: number;
  packSize: number;
  maxOrderQty: number | null;
}

// biome-ignore format: a data table reads best as one row per line
export const demoWarehouses: DemoWarehouse[] = [
  { code: 'east', name: '华东仓（嘉兴）/ East China DC, Jiaxing', address: { country: 'CN', province: '浙江省', city: '嘉兴市', district: '南湖区', line1: '亚太路 1052 号 3 号库', postalCode: '314000' }, coverage: ['CN/浙江省', 'CN/上海市', 'CN/江苏省'], costPerOrder: '6.50', cutOff: '17:00' },
  { code: 'south', name: '华南仓（东莞）/ South China DC, Dongguan', address: { country: 'CN', province: '广东省', city: '东莞市', district: '麻涌镇', line1: '新沙港工业区 8 号', postalCode: '523143' }, coverage: ['CN/广东省', 'CN/福建省'], costPerOrder: '7.00', cutOff: '16:30' },
];
export const mainWarehouse: Pick<DemoWarehouse, 'address' | 'costPerOrder'> = {
  address: {
    country: 'CN',
    province: '湖北省',
    city: '武汉市',
    district: '东西湖区',
    line1: '走马岭汇通大道 88 号',
    postalCode: '430040',
  },
  // Dearer than the regional warehouses, so routing prefers them for their own regions.
  costPerOrder: '9.00',
};

// biome-ignore format: a data table reads best as one row per line
export const demoSuppliers: DemoSupplier[] = [
  { code: 'HZ-JINCHENG', name: '杭州锦程纺织服饰有限公司 / Hangzhou Jincheng Textile & Apparel Co.', contactName: '王丽', email: 'wang.li@jincheng-textile.example.com', phone: '+86 571 8765 4321', leadTimeDays: 14, minOrderQty: 30, packSize: 10, maxOrderQty: null },
  { code: 'JDZ-CIYUAN', name: '景德镇瓷源陶瓷有限公司 / Jingdezhen Ciyuan Ceramics Co.', contactName: '刘建国', email: 'orders@ciyuan-ceramics.example.com', phone: '+86 798 822 6618', leadTimeDays: 21, minOrderQty: 24, packSize: 12, maxOrderQty: 1200 },
  { code: 'YW-YOUJIA', name: '义乌优家日用品有限公司 / Yiwu Youjia Household Goods Co.', contactName: '陈静', email: 'chen.jing@youjia-home.example.com', phone: '+86 579 8552 0937', leadTimeDays: 7, minOrderQty: 20, packSize: 10, maxOrderQty: null },
  { code: 'SZ-HUAXUN', name: '深圳市华讯电子科技有限公司 / Shenzhen Huaxun Electronics Technology Co.', contactName: 'Kevin Zhang', email: 'kevin.zhang@huaxun-tech.example.com', phone: '+86 755 2698 3410', leadTimeDays: 12, minOrderQty: 50, packSize: 10, maxOrderQty: 3000 },
  { code: 'FJ-MINGXIANG', name: '武夷山茗香茶业有限公司 / Wuyishan Mingxiang Tea Co.', contactName: '林芳', email: 'lin.fang@mingxiang-tea.example.com', phone: '+86 599 531 2207', leadTimeDays: 5, minOrderQty: 10, packSize: 5, maxOrderQty: null },
  { code: 'SH-YOUXUAN', name: '上海优选食品有限公司 / Shanghai Youxuan Foods Co.', contactName: 'Grace Zhou', email: 'grace.zhou@youxuan-foods.example.com', phone: '+86 21 6433 9051', leadTimeDays: 3, minOrderQty: 12, packSize: 6, maxOrderQty: null },
];

export const categoryNames: Record<DemoCategory, string> = {
  apparel: '服装 / Apparel',
  home: '家居 / Home',
  electronics: '数码 / Electronics',
  food: '食品茶饮 / Food & tea',
};
const supplierOfCategory: Record<DemoCategory, string> = {
  apparel: 'HZ-JINCHENG',
  home: 'YW-YOUJIA',
  electronics: 'SZ-HUAXUN',
  food: 'SH-YOUXUAN',
};
/** Product families bought elsewhere than the rest of their category (first part of the code). */
const supplierOfFamily: Record<string, string> = {
  MUG: 'JDZ-CIYUAN',
  PLATE: 'JDZ-CIYUAN',
  TEA: 'FJ-MINGXIANG',
};

export function supplierOfSku(sku: DemoSku): DemoSupplier {
  const code = supplierOfFamily[sku.code.split('-')[0]] ?? supplierOfCategory[sku.category];
  return demoSuppliers.find((s) => s.code === code)!;
}
