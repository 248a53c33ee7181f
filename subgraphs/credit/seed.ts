/**
 * Credit rows from the synthetic world: a profile per living adult and per enterprise of the chunk, with loans
 * (mortgages, consumer and business loans, a few percent overdue, about 1% in default), contract records,
 * penalties and quality violations for some enterprises, and listings of dishonest judgment debtors (about 0.5%
 * of persons, 2% of enterprises). Everything is drawn from the subject's own stream rngFor(0, 'credit', ...):
 * the chunk does not carry the world seed, so the stream is keyed by the subject's IDs, which the seed drew.
 */
import { cityCodeOf } from '../kit/region-codes';
import type { DomainSeed } from '../kit/subgraph';
import type { WorldEnterprise } from '../kit/world/enterprises';
import { hainanAncestry } from '../kit/world/hainan';
import { opaqueId, rngFor, type Rng } from '../kit/world/rng';
import type { WorldChunk, WorldHousehold, WorldPerson } from '../kit/world/world';
import { AdministrativePenalty, CreditProfile, Loan, QualityViolation, type AdministrativePenaltyRow, type CreditProfileRow, type LoanRow, type QualityViolationRow } from './entities';
import { loanFacts, rateCredit, type CreditFacts, type LoanStatus, type SubjectKind, type TaxGrade } from './rating';

/** The world's reference date (generateWorld's default): seeded records never lie after it. */
export const WORLD_TODAY = '2026-01-01';
/** Persons born on or before this date are adults (18) on WORLD_TODAY. */
const ADULT_BORN_BY = '2008-01-01';

const BANKS = [
  '中国工商银行海南省分行', '中国农业银行海南省分行', '中国银行海南省分行', '中国建设银行海南省分行', '交通银行海南省分行',
  '中国邮政储蓄银行海南省分行', '海南银行', '海南省农村信用社', '招商银行海口分行',
];
const DISHONEST_REASONS = [
  '有履行能力而拒不履行生效法律文书确定义务',
  '以隐匿、转移财产等方法规避执行',
  '违反财产报告制度',
  '违反限制消费令',
];
const PENALTIES: readonly (readonly [authority: (place: string) => string, reason: string])[] = [
  [(place) => `${place}市场监督管理局`, '虚假宣传'],
  [(place) => `${place}市场监督管理局`, '未按规定公示年度报告'],
  [(place) => `${place}市场监督管理局`, '销售不符合食品安全标准的食品'],
  [(place) => `国家税务总局${place}税务局`, '逾期未申报纳税'],
  [(place) => `国家税务总局${place}税务局`, '未按规定开具发票'],
  [(place) => `${place}生态环境局`, '超标排放污染物'],
  [(place) => `${place}应急管理局`, '未按规定开展安全生产教育培训'],
];
/** Products checked by market regulation, by industry (GB/T 4754 division). */
const CHECKED_PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  A01: ['蔬菜', '水果'],
  C13: ['大米', '食用植物油', '腌腊肉制品'],
  F51: ['电线电缆', '插座', '儿童玩具'],
  F52: ['电热水壶', '儿童玩具', '服装', '预包装食品'],
  H62: ['餐饮具', '自制饮品'],
};
const QUALITY_FINDINGS = ['监督抽查不合格', '标签标识不符合国家标准', '质量指标不符合国家标准'];

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A day in [from, to], uniformly; `from` itself when the range is empty. */
function dayBetween(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/** The region's name without the province, e.g. 海口市龙华区, for authorities and courts. */
function placeName(regionCode: string): string {
  return hainanAncestry(regionCode)
    .reverse()
    .filter((r) => r.level !== 'PROVINCE')
    .map((r) => r.name)
    .join('');
}

function yuanRounded(x: number, to: number): number {
  return Math.max(to, Math.round(x / to) * to);
}

/** Sequence numbers: a subject's records are numbered from its own number, so every ID is unique in the run. */
const PERSON = 0;
const ENTERPRISE = 1;
const RECORDS_PER_SUBJECT = 4;

interface SubjectRows {
  profile: CreditProfileRow;
  loans: LoanRow[];
  penalties: AdministrativePenaltyRow[];
  violations: QualityViolationRow[];
}

interface Subject {
  number: number;
  kind: SubjectKind;
  regionCode: string;
  /** The earliest date the subject's records may carry (adulthood, establishment). */
  since: string;
}

class ProfileBuilder {
  readonly loans: LoanRow[] = [];
  readonly penalties: AdministrativePenaltyRow[] = [];
  readonly violations: QualityViolationRow[] = [];
  readonly profileId: string;

  constructor(
    readonly rng: Rng,
    readonly subject: Subject,
  ) {
    // Keyed by 0, not the world seed (the chunk does not carry it): the subject's number alone keeps IDs unique.
    this.profileId = opaqueId('C', 0, subject.number);
  }

  private recordId(prefix: string, k: number): string {
    return opaqueId(prefix, 0, this.subject.number * RECORDS_PER_SUBJECT + k);
  }

  /** A loan amortised linearly over `years`: the balance left on WORLD_TODAY; repaid loans stay on record. */
  loan(amount: number, openedFrom: string, years: number): void {
    const rng = this.rng;
    const openedOn = dayBetween(rng, later(openedFrom, this.subject.since), addDays(WORLD_TODAY, -30));
    const elapsed = daysBetween(openedOn, WORLD_TODAY) / 365.25;
    const left = elapsed >= years ? 0 : Math.round(amount * (1 - elapsed / years));
    const roll = rng.next();
    // Arrears only on loans still owed (about 1% of all loans in default, 4% overdue).
    const status: LoanStatus = left === 0 ? 'CURRENT' : roll < 0.013 ? 'DEFAULT' : roll < 0.06 ? 'OVERDUE' : 'CURRENT';
    this.loans.push({
      id: this.recordId('L', this.loans.length),
      profileId: this.profileId,
      regionCode: this.subject.regionCode,
      lender: rng.pick(BANKS),
      amount,
      balance: left,
      status,
      openedOn,
      version: 1,
    });
  }

  penalty(): void {
    const rng = this.rng;
    const [authority, reason] = rng.pick(PENALTIES);
    this.penalties.push({
      id: this.recordId('N', this.penalties.length),
      profileId: this.profileId,
      regionCode: this.subject.regionCode,
      date: dayBetween(rng, later(this.subject.since, '2019-01-01'), addDays(WORLD_TODAY, -1)),
      authority: authority(placeName(this.subject.regionCode)),
      reason,
      // About one penalty in six is a warning without a fine.
      amount: rng.chance(0.15) ? null : yuanRounded(Math.exp(rng.normal(9.3, 1)), 100),
      naturalKey: null,
    });
  }

  qualityViolation(products: readonly string[]): void {
    const rng = this.rng;
    const product = rng.pick(products);
    this.violations.push({
      id: this.recordId('Q', this.violations.length),
      profileId: this.profileId,
      regionCode: this.subject.regionCode,
      date: dayBetween(rng, later(this.subject.since, '2019-01-01'), addDays(WORLD_TODAY, -1)),
      authority: `${placeName(this.subject.regionCode)}市场监督管理局`,
      product,
      description: `${product}${rng.pick(QUALITY_FINDINGS)}`,
    });
  }

  /** The profile, rated from everything recorded on it, and its records. */
  finish(options: { personId: string | null; uscc: string | null; taxGrade: TaxGrade | null; contracts: number; contractsOnTime: number; dishonest: boolean }): SubjectRows {
    const rng = this.rng;
    const { regionCode, kind } = this.subject;
    let listing: Pick<CreditProfileRow, 'dishonestCourt' | 'dishonestCaseNumber' | 'dishonestListedOn' | 'dishonestReason'> = {
      dishonestCourt: null,
      dishonestCaseNumber: null,
      dishonestListedOn: null,
      dishonestReason: null,
    };
    if (options.dishonest) {
      const listedOn = dayBetween(rng, later(this.subject.since, '2020-01-01'), addDays(WORLD_TODAY, -1));
      listing = {
        dishonestCourt: `${placeName(regionCode)}人民法院`,
        dishonestCaseNumber: `（${listedOn.slice(0, 4)}）琼${regionCode.slice(2)}执${rng.int(1, 9999)}号`,
        dishonestListedOn: listedOn,
        dishonestReason: rng.pick(DISHONEST_REASONS),
      };
    }
    const facts: CreditFacts = {
      subjectKind: kind,
      ...loanFacts(this.loans.map((l) => l.status as LoanStatus)),
      contracts: options.contracts,
      contractsOnTime: options.contractsOnTime,
      penaltyCount: this.penalties.length,
      violationCount: this.violations.length,
      taxGrade: options.taxGrade,
      onDishonestList: options.dishonest,
    };
    const { score, rating } = rateCredit(facts);
    const profile: CreditProfileRow = {
      id: this.profileId,
      personId: options.personId,
      uscc: options.uscc,
      regionCode,
      cityCode: cityCodeOf(regionCode),
      ...facts,
      ...listing,
      score,
      rating,
      ratedOn: WORLD_TODAY,
      version: 1,
    };
    return { profile, loans: this.loans, penalties: this.penalties, violations: this.violations };
  }
}

/** Contracts on record and how many were performed on time, each late with probability `lateChance`. */
function contractRecord(rng: Rng, contracts: number, lateChance: number): { contracts: number; contractsOnTime: number } {
  let late = 0;
  for (let i = 0; i < contracts; i++) if (rng.chance(lateChance)) late += 1;
  return { contracts, contractsOnTime: contracts - late };
}

function personRows(household: WorldHousehold, person: WorldPerson): SubjectRows {
  const rng = rngFor(0, 'credit', 'person', person.id);
  const age = Number(WORLD_TODAY.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
  const adultOn = addDays(person.birthDate, Math.round(18 * 365.25));
  const b = new ProfileBuilder(rng, { number: person.index * 2 + PERSON, kind: 'PERSON', regionCode: household.regionCode, since: adultOn });
  // Mortgages: about a fifth of adults of working age, 20-30 years, opened in the last 20 years.
  if (age >= 25 && age <= 62 && rng.chance(0.2)) b.loan(yuanRounded(Math.exp(rng.normal(13.2, 0.5)), 10_000), addDays(WORLD_TODAY, -20 * 365), rng.int(20, 30));
  // Consumer loans: about a fifth of adults, 1-3 years, opened in the last 4 years.
  if (age >= 20 && age <= 65 && rng.chance(0.2)) b.loan(yuanRounded(Math.exp(rng.normal(10.3, 0.8)), 1000), addDays(WORLD_TODAY, -4 * 365), rng.int(1, 3));
  const contracts = contractRecord(rng, rng.int(0, 6), 0.04);
  return b.finish({ personId: person.id, uscc: null, taxGrade: null, ...contracts, dishonest: rng.chance(0.005) });
}

function enterpriseRows(enterprise: WorldEnterprise): SubjectRows {
  const rng = rngFor(0, 'credit', 'enterprise', enterprise.uscc, enterprise.legalRepresentativeId);
  // The world dates about 1% of enterprises after its own today (a representative who turns 20 later that year);
  // their records start a month before today instead, so that no credit record lies in the future.
  const since = earlier(enterprise.establishedOn, addDays(WORLD_TODAY, -31));
  const b = new ProfileBuilder(rng, { number: enterprise.index * 2 + ENTERPRISE, kind: 'ENTERPRISE', regionCode: enterprise.regionCode, since });
  const small = enterprise.type === 'INDIVIDUAL_BUSINESS' || enterprise.type === 'SOLE_PROPRIETORSHIP';
  // Business loans: a quarter of enterprises, 1-5 years, opened in the last 6 years.
  if (rng.chance(0.25)) b.loan(yuanRounded(Math.exp(rng.normal(small ? 11.5 : 13.5, 1)), 10_000), addDays(WORLD_TODAY, -6 * 365), rng.int(1, 5));
  const contracts = contractRecord(rng, small ? rng.int(0, 8) : Math.round(Math.exp(rng.normal(2.5, 0.9))), 0.06);
  if (rng.chance(0.06)) {
    b.penalty();
    if (rng.chance(0.2)) b.penalty();
  }
  const products = CHECKED_PRODUCTS[enterprise.industryCode];
  if (products && rng.chance(0.05)) b.qualityViolation(products);
  return b.finish({ personId: null, uscc: enterprise.uscc, taxGrade: enterprise.taxGrade, ...contracts, dishonest: rng.chance(0.02) });
}

export function creditRows(chunk: WorldChunk) {
  const profiles: CreditProfileRow[] = [];
  const loans: LoanRow[] = [];
  const penalties: AdministrativePenaltyRow[] = [];
  const violations: QualityViolationRow[] = [];
  const collect = (rows: SubjectRows) => {
    profiles.push(rows.profile);
    loans.push(...rows.loans);
    penalties.push(...rows.penalties);
    violations.push(...rows.violations);
  };
  for (const h of chunk.households) {
    for (const m of h.members) {
      if (m.status === 'LIVING' && m.birthDate <= ADULT_BORN_BY) collect(personRows(h, m));
    }
  }
  for (const e of chunk.enterprises) collect(enterpriseRows(e));
  return [
    [CreditProfile, profiles],
    [Loan, loans],
    [AdministrativePenalty, penalties],
    [QualityViolation, violations],
  ] as const;
}

export const seed: DomainSeed = { fromChunk: creditRows };
