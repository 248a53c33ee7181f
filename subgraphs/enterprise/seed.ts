/**
 * Legal-person rows from the synthetic world: every generated enterprise with its shareholders, and what it filed
 * since (annual reports of the last business years, product quality spot checks), derived per enterprise.
 */
import { cityCodeOf } from '../kit/region-codes';
import type { DomainSeed } from '../kit/subgraph';
import type { WorldEnterprise } from '../kit/world/enterprises';
import { hainanRegion } from '../kit/world/hainan';
import { rngFor, type Rng } from '../kit/world/rng';
import type { WorldChunk } from '../kit/world/world';
import { AnnualReport, Enterprise, QualityInspection, Shareholder, type AnnualReportRow, type EnterpriseRow, type QualityInspectionRow, type ShareholderRow } from './entities';
import { industryByCode, industryByName } from './industries';
import { taxAuthorityOf } from './registration';

/** The world's reference date (generateWorld's default, which the seeder uses): nothing is filed after it. */
export const WORLD_TODAY = '2026-01-01';
/** Annual reports of these business years are on file (the 2025 report is due by 2026-06-30, after WORLD_TODAY). */
const REPORT_YEARS = [2022, 2023, 2024];
/** Share of due annual reports an enterprise failed to file (it then lands on the abnormal-operation list). */
const MISSED_REPORT = 0.07;
/** Since 2015-10-01 the business licence is the tax registration (三证合一); before, it followed within a month. */
const LICENCE_IS_TAX_REGISTRATION = '2015-10-01';
const INSPECTIONS_SINCE = '2019-01-01';
const FAILED_INSPECTION = 0.08;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The market regulation bureau of the city (or province-administered county) above a region. */
export function cityMarketBureauOf(regionCode: string): string {
  return `${hainanRegion(cityCodeOf(regionCode))?.name ?? '海南省'}市场监督管理局`;
}

/**
 * The world names R90 文化艺术业, which GB/T 4754-2017 numbers R88 (R90 is 娱乐业): the register keeps the standard
 * division, found by name first.
 */
export function standardIndustryCode(code: string, name: string): string {
  const byCode = industryByCode(code);
  if (byCode?.name === name) return code;
  return industryByName(name)?.code ?? byCode?.code ?? code;
}

/** Products sampled in spot checks, by GB/T 4754 division or section. */
const INSPECTED_PRODUCTS: Record<string, readonly string[]> = {
  A01: ['蔬菜', '热带水果', '大米'],
  A04: ['水产品', '冷冻水产品'],
  C13: ['食用植物油', '大米', '冷冻水产品', '椰子制品'],
  C14: ['糕点', '饮料', '调味品'],
  C15: ['饮料', '白酒', '茶叶'],
  C: ['建筑用钢筋', '电线电缆', '塑料管材', '涂料', '包装材料'],
  F51: ['预包装食品', '化肥', '电线电缆'],
  F52: ['预包装食品', '儿童玩具', '化妆品', '电动自行车', '小家电'],
  H62: ['餐饮食品', '消毒餐饮具'],
};
/** How likely an enterprise of the division or section is to have been spot-checked since 2019. */
const INSPECTION_CHANCE: Record<string, number> = { C: 0.6, F51: 0.2, F52: 0.2, H62: 0.15, A: 0.1 };

function byIndustry<T>(table: Record<string, T>, code: string): T | undefined {
  return table[code] ?? table[code.slice(0, 1)];
}

/**
 * The enterprise's own stream. The chunk does not carry the world's seed; the legal representative's opaque person
 * ID is keyed by it, so (index, representative) still gives every seed and enterprise its own stream.
 */
function filingsRng(e: WorldEnterprise): Rng {
  return rngFor(e.index, 'enterprise', e.legalRepresentativeId);
}

/** The last day the enterprise existed to file anything: its revocation or cancellation, else the day before today. */
function lastDay(e: WorldEnterprise): string {
  return e.statusDate ?? addDays(WORLD_TODAY, -1);
}

function annualReports(e: WorldEnterprise, rng: Rng): AnnualReportRow[] {
  const small = e.type === 'INDIVIDUAL_BUSINESS' || e.type === 'SOLE_PROPRIETORSHIP';
  // Enterprises closed since report the headcount they had; the operator of a small business counts too.
  const usual = e.insuredHeadcount > 0 ? e.insuredHeadcount : Math.round(Math.exp(rng.normal(small ? 0.5 : 1.8, 0.8)));
  const perEmployee = Math.exp(rng.normal(small ? 11.5 : 12.3, 0.8));
  const reports: AnnualReportRow[] = [];
  for (const year of REPORT_YEARS) {
    const dueBy = `${year + 1}-06-30`;
    // Due for every business year the enterprise was established in, and filed only while it still existed.
    if (Number(e.establishedOn.slice(0, 4)) > year || lastDay(e) < dueBy || rng.chance(MISSED_REPORT)) continue;
    const employees = Math.max(small ? 1 : 0, Math.round(usual * (0.85 + 0.3 * rng.next())));
    const dormant = rng.chance(0.05);
    reports.push({
      id: `${e.uscc}-${year}`,
      uscc: e.uscc,
      year,
      revenue: dormant ? 0 : Math.round((Math.max(1, employees) * perEmployee * (0.8 + 0.4 * rng.next())) / 100) * 100,
      employees,
      submittedOn: addDays(`${year + 1}-01-01`, rng.int(0, daysBetween(`${year + 1}-01-01`, dueBy))),
      regionCode: e.regionCode,
      version: 1,
    });
  }
  return reports;
}

function inspections(e: WorldEnterprise, industryCode: string, rng: Rng): QualityInspectionRow[] {
  const products = byIndustry(INSPECTED_PRODUCTS, industryCode);
  const from = e.establishedOn > INSPECTIONS_SINCE ? e.establishedOn : INSPECTIONS_SINCE;
  const span = daysBetween(from, lastDay(e));
  if (!products || span < 1 || !rng.chance(byIndustry(INSPECTION_CHANCE, industryCode) ?? 0)) return [];
  const count = rng.int(1, 3);
  const rows: QualityInspectionRow[] = [];
  for (let k = 1; k <= count; k++) {
    rows.push({
      id: `${e.uscc}-Q${k}`,
      uscc: e.uscc,
      date: addDays(from, rng.int(0, span)),
      product: rng.pick(products),
      result: rng.chance(FAILED_INSPECTION) ? 'FAIL' : 'PASS',
      authority: rng.chance(0.3) ? '海南省市场监督管理局' : cityMarketBureauOf(e.regionCode),
      regionCode: e.regionCode,
      version: 1,
    });
  }
  return rows;
}

export function enterpriseRows(chunk: WorldChunk) {
  const enterprises: EnterpriseRow[] = [];
  const shareholders: ShareholderRow[] = [];
  const reports: AnnualReportRow[] = [];
  const checks: QualityInspectionRow[] = [];
  for (const e of chunk.enterprises) {
    const rng = filingsRng(e);
    const industryCode = standardIndustryCode(e.industryCode, e.industryName);
    enterprises.push({
      uscc: e.uscc,
      name: e.name,
      type: e.type,
      industryCode,
      registeredCapital: e.registeredCapital,
      establishedOn: e.establishedOn,
      status: e.status,
      statusDate: e.statusDate,
      regionCode: e.regionCode,
      cityCode: cityCodeOf(e.regionCode),
      address: e.address,
      lon: e.location[0],
      lat: e.location[1],
      legalRepresentativeId: e.legalRepresentativeId,
      taxRegisteredOn: e.establishedOn >= LICENCE_IS_TAX_REGISTRATION ? e.establishedOn : addDays(e.establishedOn, rng.int(1, 30)),
      taxAuthority: taxAuthorityOf(e.regionCode),
      insuredHeadcount: e.insuredHeadcount,
      version: 1,
    });
    e.shareholders.forEach((s, i) =>
      shareholders.push({ id: `${e.uscc}-${i + 1}`, uscc: e.uscc, kind: s.kind, holderId: s.id, share: s.share, regionCode: e.regionCode, version: 1 }),
    );
    reports.push(...annualReports(e, rng));
    checks.push(...inspections(e, industryCode, rng));
  }
  return [
    [Enterprise, enterprises],
    [Shareholder, shareholders],
    [AnnualReport, reports],
    [QualityInspection, checks],
  ] as const;
}

export const seed: DomainSeed = { fromChunk: enterpriseRows };
