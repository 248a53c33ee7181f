// Masked views (数据脱敏) of personal data, per the catalogue's mask strategy. Every strategy fails
// closed: a value it cannot recognise becomes null rather than leaking through unmasked.
import type { MaskStrategy } from './catalogue';

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** First 4 and last 4 characters kept: 460105199001011234 -> 4601**********1234. */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}

/** Surname kept: 张三丰 -> 张**. Code points, not UTF-16 units, so rare characters stay whole. */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return (chars[0] as string) + '*'.repeat(chars.length - 1);
}

/** First 3 and last 4 kept: 13812345678 -> 138****5678. */
export function maskPhone(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length < 8) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

// Administrative units: a name (no digits and none of the characters that end units or start
// street-level parts) followed by a unit suffix. Lazy, so 海口市龙华区 splits into 海口市 + 龙华区.
const NAME = '[^\\s\\d省市区县镇乡村路街道巷弄号栋楼室]{1,12}?';
const PROVINCE = new RegExp(`^(?:北京市|天津市|上海市|重庆市|${NAME}(?:省|自治区|特别行政区))`);
const CITY_LEVEL = new RegExp(`^${NAME}(?:自治州|地区|市|盟)`);
const COUNTY_LEVEL = new RegExp(`^${NAME}(?:自治县|自治旗|区|县|市|旗)`);

/**
 * Keeps the address down to the district or county: 海南省海口市龙华区滨海大道123号 -> 海南省海口市龙华区.
 * Handles municipalities (北京市朝阳区…), county-level cities and counties directly under the province
 * (海南省琼海市嘉积镇… -> 海南省琼海市, 海南省陵水黎族自治县… -> 海南省陵水黎族自治县) and addresses
 * without a province. Returns null when no administrative unit is recognised.
 */
export function maskAddress(value: string): string | null {
  let rest = value.trim();
  let out = '';
  const province = PROVINCE.exec(rest);
  if (province) {
    out = province[0];
    rest = rest.slice(out.length);
  }
  const county = COUNTY_LEVEL.exec(rest);
  if (county && !county[0].endsWith('市')) return out + county[0]; // 区/县 right after the province
  const city = CITY_LEVEL.exec(rest);
  if (!city) return out === '' ? null : out;
  out += city[0];
  rest = rest.slice(city[0].length);
  const district = COUNTY_LEVEL.exec(rest);
  return district ? out + district[0] : out;
}

/** Year only: 1990-05-17 -> 1990. */
export function maskBirthDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : String(value.getUTCFullYear());
  const s = text(value);
  const m = s === null ? null : /^(\d{4})(?:-?\d{2}-?\d{2})?(?:[T ].*)?$/.exec(s.trim());
  return m ? (m[1] as string) : null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Rounds to 2 decimals (about 1 km). Accepts a number, [lon, lat], {lon, lat}/{longitude, latitude}
 *  objects and GeoJSON Points; returns the same shape. */
export function maskCoordinates(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? round2(value) : null;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return value.map((v: number) => round2(v));
    return value.map(maskCoordinates);
  }
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (o.type === 'Point' && Array.isArray(o.coordinates)) {
      const coordinates = maskCoordinates(o.coordinates);
      return Array.isArray(coordinates) ? { type: 'Point', coordinates } : null;
    }
    const out: Record<string, number> = {};
    let found = false;
    for (const key of ['lon', 'lat', 'lng', 'longitude', 'latitude']) {
      const v = o[key];
      if (typeof v === 'number') {
        out[key] = round2(v);
        found = true;
      }
    }
    return found ? out : null;
  }
  return null;
}

function maskScalar(strategy: MaskStrategy, value: unknown): unknown {
  switch (strategy) {
    case 'none':
      return value;
    case 'redact':
      return null;
    case 'birthDate':
      return maskBirthDate(value);
    case 'coordinates':
      return maskCoordinates(value);
    default: {
      const s = text(value);
      if (s === null) return null;
      if (strategy === 'idNumber') return maskIdNumber(s);
      if (strategy === 'name') return maskName(s);
      if (strategy === 'phone') return maskPhone(s);
      if (strategy === 'address') return maskAddress(s);
      return null; // an unknown strategy must not leak the value
    }
  }
}

/** The masked view of a value. null and undefined become null; lists are masked element-wise. */
export function maskValue(strategy: MaskStrategy, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (strategy === 'coordinates' || strategy === 'none' || strategy === 'redact' || !Array.isArray(value)) return maskScalar(strategy, value);
  return value.map((v: unknown) => (v === null || v === undefined ? null : maskScalar(strategy, v)));
}
