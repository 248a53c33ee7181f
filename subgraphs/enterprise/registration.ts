/**
 * The register's rules for what an officer records: credit codes, names, capital, dates, regions, addresses,
 * investors and status changes. Pure functions: each returns the clean value or throws BAD_USER_INPUT naming the
 * argument and saying why, before anything is written.
 */
import { badInput } from '../kit/errors';
import { REGION_CODE } from '../kit/region-codes';
import { isCalendarDate } from '../kit/scalars';
import { regionAt } from '../kit/world/geometry';
import { hainanFullName, hainanRegion, RESIDENCE_REGIONS } from '../kit/world/hainan';
import { validateUscc } from '../kit/world/uscc';
import type { EnterpriseStatus, EnterpriseType, ShareholderInput } from './__generated__/resolvers';
import { industryByCode } from './industries';

/** The People's Republic's founding: no registration in this register is older. */
export const EARLIEST_DATE = '1949-10-01';
/** Ten trillion yuan: far above any registered capital, so that a slip of the keyboard is caught. */
export const MAX_CAPITAL = 1e13;
/** Investors an enterprise of each type may have (Company Law, Partnership Enterprise Law, individual businesses). */
export const INVESTORS: Record<EnterpriseType, { min: number; max: number }> = {
  LIMITED_LIABILITY: { min: 1, max: 50 },
  JOINT_STOCK: { min: 1, max: 200 },
  PARTNERSHIP: { min: 2, max: 50 },
  SOLE_PROPRIETORSHIP: { min: 1, max: 1 },
  INDIVIDUAL_BUSINESS: { min: 1, max: 1 },
};
const PERSON_ID = /^[0-9A-Z]{1,16}$/;
const SHARE_TOLERANCE = 1e-6;

// One entry per region of Hainan at most: the seeder asks for every enterprise.
const taxAuthorities = new Map<string, string>();

/** The tax bureau in charge of enterprises of a county or district, e.g. 国家税务总局海口市龙华区税务局. */
export function taxAuthorityOf(regionCode: string): string {
  let authority = taxAuthorities.get(regionCode);
  if (authority === undefined) {
    authority = `国家税务总局${(hainanFullName(regionCode) ?? '').replace(/^海南省/, '')}税务局`;
    if (hainanRegion(regionCode)) taxAuthorities.set(regionCode, authority);
  }
  return authority;
}

export { todayInChina } from '../kit/scalars';

export function validUscc(argument: string, value: string): string {
  const result = validateUscc(value);
  if (!result.ok) throw badInput(argument, result.reason);
  return value;
}

export function validPersonId(argument: string, value: string): string {
  if (!PERSON_ID.test(value)) throw badInput(argument, 'a person ID has 1 to 16 digits and upper-case letters, as the population register issues them.');
  return value;
}

/** A division code (I65) from GB/T 4754-2017. */
export function validIndustryCode(argument: string, value: string): string {
  if (!industryByCode(value)) {
    throw badInput(argument, `"${value}" is not a GB/T 4754-2017 division an enterprise registers under; give the section letter and the 2-digit division, e.g. I65 (软件和信息技术服务业).`);
  }
  return value;
}

/**
 * The enterprise name, whose ending must suit the type (企业名称登记管理规定): companies end in 有限公司 or
 * 股份有限公司, partnerships say 合伙, and neither sole proprietorships nor individual businesses may call themselves
 * a company (个体工商户 not an enterprise either).
 */
export function validName(argument: string, value: string, type: EnterpriseType): string {
  const name = value.trim();
  const length = Array.from(name).length;
  if (length < 4 || length > 60) throw badInput(argument, `an enterprise name has 4 to 60 characters; this one has ${length}.`);
  if (/[\s\p{Cc}%_\\]/u.test(name)) throw badInput(argument, 'an enterprise name has no spaces, control characters, %, _ or \\.');
  const joint = /股份(有限)?公司$/.test(name);
  const rule: Record<EnterpriseType, [boolean, string]> = {
    LIMITED_LIABILITY: [/有限(责任)?公司$/.test(name) && !joint, 'a limited liability company\'s name ends in 有限公司 or 有限责任公司 (not 股份有限公司).'],
    JOINT_STOCK: [joint, 'a joint-stock company\'s name ends in 股份有限公司 or 股份公司.'],
    PARTNERSHIP: [name.includes('合伙') && !name.includes('公司'), 'a partnership\'s name says 合伙 (e.g. …合伙企业（有限合伙）) and not 公司.'],
    SOLE_PROPRIETORSHIP: [!/公司|有限/.test(name), 'a sole proprietorship may not call itself 公司 or 有限.'],
    INDIVIDUAL_BUSINESS: [!/公司|企业/.test(name), 'an individual business may not call itself 公司 or 企业.'],
  };
  const [ok, reason] = rule[type];
  if (!ok) throw badInput(argument, reason);
  return name;
}

/** Registered capital in yuan: above 0, whole fen, below MAX_CAPITAL. */
export function validCapital(argument: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw badInput(argument, 'registered capital is an amount in yuan above 0.');
  if (value > MAX_CAPITAL) throw badInput(argument, `registered capital above ${MAX_CAPITAL} yuan is not plausible; give the amount in yuan, not fen.`);
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) throw badInput(argument, 'registered capital is given in yuan with at most two decimals (fen).');
  return value;
}

/** A date of the register's past: a calendar date from 1949-10-01 up to today. */
export function validPastDate(argument: string, value: string, today: string, earliest = EARLIEST_DATE, earliestWhat = 'the founding of the People\'s Republic'): string {
  if (!isCalendarDate(value)) throw badInput(argument, 'use a calendar date written YYYY-MM-DD.');
  if (value > today) throw badInput(argument, `${value} is in the future (today is ${today}).`);
  if (value < earliest) throw badInput(argument, `${value} is before ${earliestWhat} (${earliest}).`);
  return value;
}

/** A county or district of Hainan: where enterprises are registered (cities with districts register in the districts). */
export function validRegistrationRegion(argument: string, value: string): string {
  if (!REGION_CODE.test(value)) throw badInput(argument, 'a region code has 6 digits (GB/T 2260), e.g. 460105.');
  const region = hainanRegion(value);
  if (!region) throw badInput(argument, `${value} is not a region of Hainan (GB/T 2260 codes 46xxxx).`);
  if (!RESIDENCE_REGIONS.some((r) => r.code === value)) {
    throw badInput(argument, `${value} (${region.name}) is not a county or district; enterprises register in one, e.g. 460105 (秀英区).`);
  }
  return value;
}

/** The address, which starts with the full name of its region, e.g. 海南省海口市龙华区滨海大道1号. */
export function validAddress(argument: string, value: string, regionCode: string): string {
  const address = value.trim();
  const regionName = hainanFullName(regionCode) ?? '';
  if (Array.from(address).length > 200) throw badInput(argument, 'an address has at most 200 characters.');
  if (!address.startsWith(regionName) || address.length <= regionName.length) {
    throw badInput(argument, `the address must start with its region's full name and go on to the street, e.g. ${regionName}滨海大道1号.`);
  }
  return address;
}

/** An optional GeoJSON Point inside the region (as the geographic information service draws it): [lon, lat]. */
export function validLocation(argument: string, value: Record<string, unknown> | null | undefined, regionCode: string): [number, number] | null {
  if (value == null) return null;
  const coordinates = value.coordinates as unknown[];
  if (value.type !== 'Point' || coordinates.length !== 2 || !coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))) {
    throw badInput(argument, 'give a GeoJSON Point: { "type": "Point", "coordinates": [lon, lat] }.');
  }
  const point = coordinates as [number, number];
  const found = regionAt(point);
  if (found !== regionCode) {
    throw badInput(argument, `the point [${point.join(', ')}] lies ${found ? `in ${found} (${hainanRegion(found)?.name})` : 'outside Hainan'}, not in ${regionCode}.`);
  }
  return point;
}

export interface Investor {
  kind: 'PERSON' | 'ENTERPRISE';
  id: string;
  share: number;
}

/**
 * The investors of a new enterprise: as many as its type allows, each a person or an enterprise exactly once, each
 * share above 0 and the shares adding up to 1. A sole proprietorship or individual business has one natural person;
 * an individual business is run by its operator, who is its legal representative.
 */
export function validInvestors(argument: string, value: readonly ShareholderInput[], type: EnterpriseType, legalRepresentativeId: string): Investor[] {
  const { min, max } = INVESTORS[type];
  if (value.length < min || value.length > max) {
    throw badInput(argument, `an enterprise of type ${type} has ${min === max ? `exactly ${min} investor` : `${min} to ${max} investors`}; ${value.length} given.`);
  }
  const investors = value.map((s, i): Investor => {
    const at = `${argument}[${i}]`;
    if ((s.personId == null) === (s.uscc == null)) throw badInput(at, 'give exactly one of personId and uscc.');
    if (!Number.isFinite(s.share) || s.share <= 0 || s.share > 1) throw badInput(`${at}.share`, 'a share is above 0 and at most 1.');
    return s.personId != null
      ? { kind: 'PERSON', id: validPersonId(`${at}.personId`, s.personId), share: s.share }
      : { kind: 'ENTERPRISE', id: validUscc(`${at}.uscc`, s.uscc!), share: s.share };
  });
  const seen = new Set<string>();
  investors.forEach((s, i) => {
    if (seen.has(s.id)) throw badInput(`${argument}[${i}]`, `${s.id} is listed twice; give each investor once with its whole share.`);
    seen.add(s.id);
  });
  const total = investors.reduce((sum, s) => sum + s.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) throw badInput(argument, `the shares add up to ${Number(total.toFixed(6))}; they must add up to 1.`);
  if ((type === 'SOLE_PROPRIETORSHIP' || type === 'INDIVIDUAL_BUSINESS') && investors[0]!.kind !== 'PERSON') {
    throw badInput(`${argument}[0]`, `the investor of a ${type === 'SOLE_PROPRIETORSHIP' ? 'sole proprietorship' : 'individual business'} is a natural person.`);
  }
  if (type === 'INDIVIDUAL_BUSINESS' && investors[0]!.id !== legalRepresentativeId) {
    throw badInput(`${argument}[0].personId`, 'an individual business is run by its investor: give the legal representative (the operator) as its investor.');
  }
  return investors;
}

/**
 * A status change: an active enterprise may be revoked or cancelled, a revoked one cancelled; nothing ever becomes
 * active again, and a cancelled enterprise no longer changes. The date lies between the last status date (or the
 * establishment) and today.
 */
export function validStatusChange(
  current: { status: string; statusDate?: string | null; establishedOn: string },
  status: EnterpriseStatus,
  statusDate: string,
  today: string,
): void {
  if (status === 'ACTIVE') {
    throw badInput('changes.status', current.status === 'ACTIVE' ? 'the enterprise is already ACTIVE.' : `a ${current.status} enterprise cannot be set back to ACTIVE; register a new enterprise instead.`);
  }
  if (current.status === 'CANCELLED') throw badInput('changes.status', 'the enterprise is CANCELLED: it no longer exists, and its status does not change.');
  if (current.status === status) throw badInput('changes.status', `the enterprise is already ${status}.`);
  const since = current.statusDate ?? current.establishedOn;
  validPastDate('changes.statusDate', statusDate, today, since, current.statusDate ? `the last status change` : 'the establishment');
}
