/**
 * A carrier's price list: destination zones, a first-weight/extra-weight tariff per zone, and
 * the divisor that turns a box's volume into the weight the carrier bills for it.
 */
export interface RateZone {
  id: string;
  /** "CN", "CN/浙江省" or "CN/浙江省/杭州市": country, then province, then city. */
  regions: string[];
}

export interface ZoneRate {
  zoneId: string;
  firstWeightGrams: number;
  firstPriceMinor: number;
  /** Positive; each started step past the first weight costs `extraPriceMinor`. */
  extraWeightStepGrams: number;
  extraPriceMinor: number;
}

export interface RateCard {
  zones: RateZone[];
  rates: ZoneRate[];
  /** cm³ per kg, e.g. 6000; null when the carrier bills actual weight only. */
  volumetricDivisor: number | null;
}

export interface Parcel {
  weightGrams: number;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  /** Used when the sides are not known one by one (e.g. a shipment's summed box volume). */
  volumeCm3?: number | null;
}

export interface Destination {
  country: string;
  province?: string | null;
  city?: string | null;
}

export interface Quote {
  zoneId: string;
  chargeableWeightGrams: number;
  priceMinor: number;
  /** One line a person can check against the carrier's price list. */
  breakdown: string;
}

function volumeCm3Of(parcel: Parcel): number | null {
  const { lengthMm, widthMm, heightMm } = parcel;
  if (lengthMm && widthMm && heightMm && lengthMm > 0 && widthMm > 0 && heightMm > 0) {
    return (lengthMm * widthMm * heightMm) / 1000;
  }
  return parcel.volumeCm3 && parcel.volumeCm3 > 0 ? parcel.volumeCm3 : null;
}

/** Volumetric weight in grams, rounded up: volume (cm³) / divisor (cm³ per kg) × 1000. */
function volumetricGrams(parcel: Parcel, volumetricDivisor: number | null): number {
  const volume = volumeCm3Of(parcel);
  if (volumetricDivisor === null || volume === null) return 0;
  // Rounded to 1e-9 first so float noise (e.g. 6000.000000001) cannot add a gram.
  return Math.ceil(Math.round(((volume * 1000) / volumetricDivisor) * 1e9) / 1e9);
}

/** The weight a carrier bills: the greater of actual and volumetric weight, in whole grams. */
export function chargeableWeightGrams(parcel: Parcel, volumetricDivisor: number | null): number {
  return Math.max(Math.ceil(parcel.weightGrams), volumetricGrams(parcel, volumetricDivisor));
}

// Channels send "浙江" as often as "浙江省", so names are compared without the administrative
// suffix. A name is never cut below two characters, which keeps short names such as "沙市" whole.
const adminSuffixes = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '省',
  '市',
];

function regionKey(name: string): string {
  const trimmed = name.trim().toLowerCase();
  const suffix = adminSuffixes.find((s) => trimmed.endsWith(s) && trimmed.length - s.length >= 2);
  return suffix ? trimmed.slice(0, -suffix.length) : trimmed;
}

/** How many levels of `region` the address matches; 0 when any level differs. */
function matchDepth(region: string, address: Destination): number {
  const levels = region.split('/');
  const addressLevels = [address.country, address.province, address.city];
  const isMatch = levels.every((level, i) => {
    const addressLevel = addressLevels[i];
    return addressLevel != null && regionKey(level) === regionKey(addressLevel);
  });
  return isMatch ? levels.length : 0;
}

/** The zone whose region matches the address most specifically; on a tie the zone listed first. */
export function zoneOf(card: RateCard, address: Destination): string | null {
  let best: { zoneId: string; depth: number } | null = null;
  for (const zone of card.zones) {
    for (const region of zone.regions) {
      const depth = matchDepth(region, address);
      if (depth > 0 && (best === null || depth > best.depth)) best = { zoneId: zone.id, depth };
    }
  }
  return best?.zoneId ?? null;
}

/** Price for one parcel, or null when the card does not cover the address. */
export function quote(card: RateCard, parcel: Parcel, address: Destination): Quote | null {
  const zoneId = zoneOf(card, address);
  const rate = zoneId === null ? undefined : card.rates.find((r) => r.zoneId === zoneId);
  if (zoneId === null || rate === undefined) return null;

  const weight = chargeableWeightGrams(parcel, card.volumetricDivisor);
  const isVolumetric = weight > Math.ceil(parcel.weightGrams);
  const extraSteps = Math.ceil(Math.max(0, weight - rate.firstWeightGrams) / rate.extraWeightStepGrams);
  const extraMinor = extraSteps * rate.extraPriceMinor;
  const priceMinor = rate.firstPriceMinor + extraMinor;
  const weightNote = isVolumetric ? `volumetric, actual ${parcel.weightGrams} g` : 'actual';
  const extraNote =
    extraSteps === 0
      ? 'no extra weight'
      : `${extraSteps} × ${rate.extraWeightStepGrams} g at ${rate.extraPriceMinor} = ${extraMinor}`;
  const breakdown =
    `zone ${zoneId}: ${weight} g chargeable (${weightNote}); ` +
    `first ${rate.firstWeightGrams} g ${rate.firstPriceMinor} + ${extraNote}; total ${priceMinor}`;
  return { zoneId, chargeableWeightGrams: weight, priceMinor, breakdown };
}
