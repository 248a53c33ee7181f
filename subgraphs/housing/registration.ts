/**
 * The rules of real-estate registration the housing department applies to what it records: certificate numbers,
 * owners and their shares, prices, areas, dates and places. Pure functions: the seed writes by them and the
 * mutations validate by them. A rule broken is a BAD_USER_INPUT error naming the argument and saying why.
 */
import { randomInt } from 'node:crypto';
import { badInput } from '../kit/errors';
import { cityCodeOf, REGION_CODE } from '../kit/region-codes';
import { isCalendarDate } from '../kit/scalars';
import { regionAt } from '../kit/world/geometry';
import { hainanFullName, hainanRegion, RESIDENCE_REGIONS } from '../kit/world/hainan';
import { OPAQUE_ID_DOMAIN, opaqueId } from '../kit/world/rng';
import { validateUscc } from '../kit/world/uscc';
import type { TransferParty } from './entities';

/** Opaque ID prefixes of the register's records. */
export const PROPERTY_ID_PREFIX = 'HP';
export const TRANSFER_ID_PREFIX = 'HT';
export const MORTGAGE_ID_PREFIX = 'HM';

/**
 * IDs of records registered through the API: the upper half of the opaque ID space, drawn at random, so they never
 * meet the seeded ones (numbered from 0 upwards) and reveal no order.
 */
export function registeredId(prefix: string): string {
  const half = OPAQUE_ID_DOMAIN / 2;
  return opaqueId(prefix, 0, half + randomInt(0, half));
}

/** Unified real-estate certificates (不动产权证书) are issued since the unified registration of 2015. */
export const FIRST_CERTIFICATE_YEAR = 2015;
export const MAX_OWNERS = 50;
export const MAX_FLOOR_AREA = 1_000_000;
export const MAX_PRICE = 100_000_000_000;
const SHARE_TOLERANCE = 1e-6;

/**
 * The name a region's registration office puts on certificates: its city or county (a Haikou district registers
 * with 海口市), autonomous counties in the short form used on certificates (陵水黎族自治县 -> 陵水县).
 */
export function registrationOffice(regionCode: string): string | undefined {
  const name = hainanRegion(cityCodeOf(regionCode))?.name;
  return name?.replace(/(黎族苗族|黎族)自治县$/, '县');
}

/** 琼(2021)海口市不动产权第0012345号: province, year of issue, issuing city or county, 7-digit serial. */
export function makeCertificateNumber(year: number, regionCode: string, serial: number): string {
  return `琼(${year})${registrationOffice(regionCode)}不动产权第${String(serial).padStart(7, '0')}号`;
}

const CERTIFICATE = /^琼[(（](\d{4})[)）](\S+?)不动产权第(\d{7})号$/;

export type CertificateValidation =
  | { ok: true; value: string; year: number; office: string; serial: number }
  | { ok: false; reason: string };

/**
 * Checks a certificate number and returns it in the register's form (half-width parentheses, as the seal shows
 * them in print). With `regionCode`, the issuing office must be the region's city or county; with `today`, the
 * year of issue must not be in the future.
 */
export function validateCertificateNumber(raw: string, regionCode?: string, today?: string): CertificateValidation {
  const value = raw.trim();
  const match = CERTIFICATE.exec(value);
  if (!match) return { ok: false, reason: 'write it as 琼(YYYY)<city or county>不动产权第<7 digits>号, e.g. 琼(2021)海口市不动产权第0012345号.' };
  const year = Number(match[1]);
  const office = match[2]!;
  if (year < FIRST_CERTIFICATE_YEAR) return { ok: false, reason: `the year ${year} is before ${FIRST_CERTIFICATE_YEAR}, when unified real-estate certificates were first issued.` };
  if (today && year > Number(today.slice(0, 4))) return { ok: false, reason: `the year ${year} is in the future.` };
  const offices = new Set(RESIDENCE_REGIONS.map((r) => registrationOffice(r.code)));
  if (!offices.has(office)) return { ok: false, reason: `"${office}" is not a Hainan city or county that issues certificates (e.g. 海口市, 琼海市, 陵水县).` };
  if (regionCode !== undefined && office !== registrationOffice(regionCode)) {
    return { ok: false, reason: `a property in region ${regionCode} is registered by ${registrationOffice(regionCode)}, not ${office}.` };
  }
  return { ok: true, value: `琼(${year})${office}不动产权第${match[3]}号`, year, office, serial: Number(match[3]) };
}

/** A certificate is issued on or after the registration it records: its year is not before the registration's. */
export function validCertificateYear(argument: string, certificate: { year: number }, registeredOn: string): void {
  if (certificate.year < Number(registeredOn.slice(0, 4))) {
    throw badInput(argument, `the certificate is of ${certificate.year}, before the registration on ${registeredOn}.`);
  }
}

export { todayInChina as chinaToday } from '../kit/scalars';

/** A date that is a real calendar date and lies within the bounds given (inclusive), else BAD_USER_INPUT. */
export function validDate(argument: string, date: string, bounds: { notAfter?: string; notBefore?: { date: string; what: string } } = {}): string {
  if (!isCalendarDate(date)) throw badInput(argument, 'use a calendar date written YYYY-MM-DD.');
  if (bounds.notAfter && date > bounds.notAfter) throw badInput(argument, `${date} is in the future (today is ${bounds.notAfter}).`);
  if (bounds.notBefore && date < bounds.notBefore.date) throw badInput(argument, `${date} is before ${bounds.notBefore.what} (${bounds.notBefore.date}).`);
  return date;
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** An amount of yuan: above 0, in fen at most, and below a bound no property transaction reaches. */
export function validPrice(argument: string, price: number): number {
  if (!Number.isFinite(price) || price <= 0) throw badInput(argument, 'the price in yuan must be above 0.');
  if (price > MAX_PRICE) throw badInput(argument, `the price is above ${MAX_PRICE} yuan; give it in yuan, not fen.`);
  if (!hasAtMostTwoDecimals(price)) throw badInput(argument, 'give the price in yuan with at most two decimals (fen).');
  return price;
}

export function validFloorArea(argument: string, area: number): number {
  if (!Number.isFinite(area) || area <= 0) throw badInput(argument, 'the floor area in square metres must be above 0.');
  if (area > MAX_FLOOR_AREA) throw badInput(argument, `the floor area is above ${MAX_FLOOR_AREA} square metres.`);
  if (!hasAtMostTwoDecimals(area)) throw badInput(argument, 'give the floor area in square metres with at most two decimals.');
  return area;
}

const LEAF_REGIONS = new Set(RESIDENCE_REGIONS.map((r) => r.code));

/** A county or district of Hainan: properties are registered where they lie, at that level. */
export function validPropertyRegion(argument: string, code: string): string {
  if (!REGION_CODE.test(code)) throw badInput(argument, 'a region code has 6 digits (GB/T 2260), e.g. 460106.');
  if (!LEAF_REGIONS.has(code)) {
    throw badInput(argument, hainanRegion(code) ? `${code} is a city or the province; give the county or district the property lies in (e.g. 460106).` : `${code} is not a county or district of Hainan.`);
  }
  return code;
}

/** The address must start with the region's full name, so that it reads (and masks) down to the district. */
export function validAddress(argument: string, address: string, regionCode: string): string {
  const value = address.trim();
  const prefix = hainanFullName(regionCode)!;
  if (!value.startsWith(prefix) || value.length <= prefix.length) throw badInput(argument, `start the address with the region's full name, ${prefix}, followed by the street or village.`);
  if (value.length > 200) throw badInput(argument, 'an address has at most 200 characters.');
  return value;
}

/** A GeoJSON Point inside the region; returns [lon, lat]. */
export function validLocation(argument: string, location: Record<string, unknown>, regionCode: string): [number, number] {
  const coordinates = location.coordinates as unknown[];
  if (location.type !== 'Point' || coordinates.length !== 2 || !coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))) {
    throw badInput(argument, 'give a GeoJSON Point, e.g. { "type": "Point", "coordinates": [110.33, 20.03] } (longitude first).');
  }
  const [lon, lat] = coordinates as [number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw badInput(argument, 'longitude must be between -180 and 180 and latitude between -90 and 90.');
  const found = regionAt([lon, lat]);
  if (found !== regionCode) throw badInput(argument, `the point lies ${found ? `in region ${found}` : 'outside Hainan'}, not in region ${regionCode}.`);
  return [lon, lat];
}

export interface OwnerInput {
  personId?: string | null;
  uscc?: string | null;
  share: number;
}

/** New owners: each exactly one person or enterprise, each once, with shares above 0 adding up to 1. */
export function validOwners(argument: string, owners: readonly OwnerInput[]): TransferParty[] {
  if (owners.length === 0) throw badInput(argument, 'name at least one owner.');
  if (owners.length > MAX_OWNERS) throw badInput(argument, `at most ${MAX_OWNERS} owners.`);
  const parties = owners.map((owner, i): TransferParty => {
    const at = `${argument}[${i}]`;
    const personId = owner.personId?.trim() || null;
    const uscc = owner.uscc?.trim() || null;
    if ((personId === null) === (uscc === null)) throw badInput(at, 'give exactly one of personId and uscc.');
    if (!Number.isFinite(owner.share) || owner.share <= 0 || owner.share > 1) throw badInput(`${at}.share`, 'a share is above 0 and at most 1.');
    if (uscc !== null) {
      const check = validateUscc(uscc);
      if (!check.ok) throw badInput(`${at}.uscc`, check.reason);
      return { kind: 'ENTERPRISE', ownerId: uscc, share: owner.share };
    }
    if (!/^[0-9A-Za-z]{1,18}$/.test(personId!)) throw badInput(`${at}.personId`, 'a person ID has up to 18 letters and digits.');
    return { kind: 'PERSON', ownerId: personId!, share: owner.share };
  });
  const seen = new Set<string>();
  for (const [i, party] of parties.entries()) {
    if (seen.has(party.ownerId)) throw badInput(`${argument}[${i}]`, `${party.ownerId} is named twice; give each owner once with their whole share.`);
    seen.add(party.ownerId);
  }
  const total = parties.reduce((sum, p) => sum + p.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) throw badInput(argument, `the shares add up to ${Math.round(total * 1e6) / 1e6}; they must add up to 1.`);
  return parties;
}
