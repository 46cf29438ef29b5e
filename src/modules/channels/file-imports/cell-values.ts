/**
 * Reading the cells of marketplace exports: spreadsheet artefacts stripped, dates and amounts
 * in their many local spellings turned canonical. Pure; a value that cannot be read is returned
 * as written (`undefined` reading), for intake to judge and hold.
 */
import type { ColumnMapping } from '../../../contracts/file-imports.ts';

/**
 * A cell as the shop meant it. Exports guard digit strings from spreadsheet number formatting
 * with a leading apostrophe (`'75008`) or a formula (`="0012345"`); both are taken off.
 */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  const text = raw.trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula) return formula[1]!.trim();
  if (/^'[+\d]/.test(text)) return text.slice(1);
  return text;
}

const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * A date-time as ISO 8601; without an offset it is the shop's local time (intake reads it so).
 * Accepts `2026-11-20 08:01:02 +0800` (Shopify), `2026/11/20 8:01` (Taobao), ISO itself, and
 * day- or month-first dates (`20.11.2026 08:01`) as the mapping's `dateOrder` says.
 */
export function readDateTime(text: string, order: ColumnMapping['dateOrder']): string | undefined {
  if (text === '') return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (iso) return text;
  const match =
    /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM|am|pm)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, a, b, c, hh = '0', mm = '0', ss = '0', meridiem, offset] = match;
  const isYearFirst = a!.length === 4;
  const [year, month, day] = isYearFirst
    ? [a, b, c]
    : order === 'mdy'
      ? [c, a, b]
      : order === 'dmy'
        ? [c, b, a]
        : [undefined, undefined, undefined];
  if (year?.length !== 4) return undefined;
  let hour = Number(hh);
  if (meridiem) hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31 || hour > 23)
    return undefined;
  const local = `${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${pad(mm)}:${pad(ss)}`;
  if (!offset) return local;
  if (offset === 'Z' || offset === 'UTC') return `${local}Z`;
  const digits = offset.replace(':', '');
  return `${local}${digits.slice(0, 3)}:${digits.slice(3)}`;
}

/**
 * An amount as a plain decimal string: currency signs and spaces dropped, thousands separators
 * taken out, a decimal comma made a point when the mapping says the export writes them.
 */
export function readAmount(text: string, isDecimalComma: boolean): string | undefined {
  if (text === '') return undefined;
  let amount = text.replace(/[\s\u00a0\u202f¥￥$€£]|[A-Z]{3}|RMB|元/g, '');
  amount = isDecimalComma ? amount.replaceAll('.', '').replace(',', '.') : amount.replaceAll(',', '');
  return /^-?\d+(\.\d+)?$/.test(amount) ? amount : undefined;
}

/** A quantity: a whole number, possibly written `2.0` or `2,00` by a spreadsheet. */
export function readQuantity(text: string): number | undefined {
  const match = /^(\d+)(?:[.,]0+)?$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export interface AddressParts {
  province?: string;
  city?: string;
  district?: string;
  line1: string;
  postalCode?: string;
}

const regionEnd = /(省|自治区|特别行政区)$/;
const cityEnd = /(市|自治州|地区|盟)$/;
const districtEnd = /(区|县|旗|市)$/;

/**
 * A one-cell address as Chinese marketplaces export it (`浙江省 杭州市 西湖区 文三路 100 号 (310012)`):
 * province, city and district taken from its first words when they read as such, a trailing
 * six-digit postal code taken off, the rest the street line. Anything else stays whole in line1.
 */
export function splitAddress(text: string): AddressParts {
  let rest = text.trim();
  let postalCode: string | undefined;
  const postal = /[\s(（]*(\d{6})[)）]?$/.exec(rest);
  if (postal) {
    postalCode = postal[1];
    rest = rest.slice(0, postal.index).trim();
  }
  const words = rest.split(/\s+/);
  const parts: AddressParts = { line1: rest, postalCode };
  if (words.length < 3) return parts;
  const [first, second, third] = words as [string, string, string];
  // Municipalities (北京市 北京市 朝阳区 or 上海 上海市 浦东新区) name the city twice.
  const isProvince = regionEnd.test(first) || (cityEnd.test(second) && first.length <= 4);
  if (!isProvince || !cityEnd.test(second)) return parts;
  parts.province = first;
  parts.city = second;
  const hasDistrict = words.length > 3 && districtEnd.test(third);
  if (hasDistrict) parts.district = third;
  parts.line1 = words.slice(hasDistrict ? 3 : 2).join(' ');
  return parts;
}
