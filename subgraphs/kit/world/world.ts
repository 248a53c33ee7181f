// The synthetic world: households and persons of Hainan, generated as a stream of chunks.
//
// Every domain service derives its seed data from this, so the output must be a pure function of
// the options (no clock, no Math.random, no iteration over unordered state) and cheap enough to run
// for millions of persons. Each household draws from its own stream rngFor(seed, 'household', i);
// the only state carried from one household to the next is the running person index and the
// identity-number sequence counters, so chunkSize changes the grouping but never the content.
// All names, numbers and addresses are synthetic; none describes a real person.

import { enterprisesOf, type WorldEnterprise } from './enterprises';
import { randomPointIn } from './geometry';
import { OUT_OF_PROVINCE_ORIGINS, RESIDENCE_REGIONS, hainanFullName } from './hainan';
import type { RegionInfo } from './hainan';
import { makeIdNumber } from './id-number';
import { ethnicityName, makeName, pickEthnicity, pickSurname } from './names';
import { opaqueId, rngFor } from './rng';
import type { Rng } from './rng';

export type Gender = 'MALE' | 'FEMALE';
export type Relationship = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'GRANDCHILD' | 'SIBLING' | 'OTHER';
export type MaritalStatus = 'SINGLE' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
export type LifeStatus = 'LIVING' | 'DECEASED' | 'EMIGRATED';

export interface WorldPerson {
  index: number;
  id: string;
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicityCode: string;
  ethnicity: string;
  hukouRegionCode: string;
  phone: string;
  maritalStatus: MaritalStatus;
  status: LifeStatus;
  statusDate: string | null;
  relationship: Relationship;
  floating: boolean;
  originRegionCode: string | null;
}

export interface WorldHousehold {
  index: number;
  id: string;
  regionCode: string;
  address: string;
  placeId: string;
  location: [number, number];
  registeredOn: string;
  /** members[0] is the head. */
  members: WorldPerson[];
}

export interface WorldChunk {
  index: number;
  households: WorldHousehold[];
  persons: number;
  /** Enterprises run by members of these households (see enterprises.ts). */
  enterprises: WorldEnterprise[];
}

export interface WorldOptions {
  seed: number;
  persons: number;
  /** Persons per chunk (default 1000); a chunk holds whole households, so it may exceed this by up to 5. */
  chunkSize?: number;
  /** Reference date YYYY-MM-DD (default '2026-01-01') so output never depends on the clock. */
  today?: string;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01), exact for the proleptic Gregorian
// calendar (H. Hinnant's civil algorithms); faster and more predictable than Date.

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOfDay(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function dayOfDate(date: string, what: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match ? daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!match || dateOfDay(day) !== date) throw new RangeError(`${what} must be a real date YYYY-MM-DD, got "${date}".`);
  return day;
}

const DAY_1900 = daysFromCivil(1900, 1, 1);
const DAY_1958 = daysFromCivil(1958, 1, 1); // the household registration system dates from 1958
const DAYS_PER_YEAR = 365.2425;

// ---------------------------------------------------------------------------------------------
// Calibration tables. With the household plans below they give Hainan's 2020 census (海南省第七次全国人口普查
// 公报, 2021): 19.97% aged 0-14, 10.43% aged 65+, 112.86 males per 100 females, ~3 persons per family household;
// and births by year that follow Hainan's published birth rates (BIRTH_RATES). test/unit/world/hainan-figures.test.ts
// holds the world to those figures.

type Weighted<T> = readonly (readonly [T, number])[];

// Sizes as planned; places of children not (yet) born or gone from home stay empty, so the sizes found are smaller.
const HOUSEHOLD_SIZES: Weighted<number> = [[1, 16], [2, 18], [3, 22], [4, 23], [5, 13], [6, 8]];

// Ages as [age, weight] knots of a density, linear between them: one year's weight never jumps to the
// next's, so the pyramid shows no steps at the edges of bins.
type AgeKnots = readonly (readonly [age: number, weight: number])[];

const SINGLE_AGES: AgeKnots = [[18, 1.1], [21, 1.9], [28, 2.1], [35, 1.4], [45, 1.3], [60, 1.5], [68, 1.35], [78, 0.95], [86, 0.35], [100, 0.03]];

const FAMILY_HEAD_AGES: AgeKnots = [
  [22, 0.25], [26, 0.9], [30, 2.8], [35, 3.3], [40, 3.0], [45, 2.6], [50, 2.1], [55, 1.6], [60, 1.4], [65, 1.25], [70, 1.0], [75, 0.7],
  [80, 0.4], [90, 0.08], [95, 0.03],
];

/**
 * Hainan's crude birth rate (births per 1000 residents) by year, from the Hainan Statistics Bureau: 14.0-14.8 in
 * 2010-2014 (海南省统计局, 2015: "2010—2014年，全省人口出生率保持在14.0‰—14.8‰之间"); 2021 9.74, 2022 8.60
 * (海南省统计局, 2023: 8.60, 1.14 below 2021); 2020 10.36 (2021's fall was 0.52 smaller than 2022's); 2023 9.28
 * (2023年海南省国民经济和社会发展统计公报). Not verified here: 2015-2019, taken as the 2010-2014 level until the
 * two-child policy's bump faded and falling to 2020's; before 2010, the 2010-2014 level; after 2023, 2023's.
 */
const BIRTH_RATES: Readonly<Record<number, number>> = {
  2014: 14.4, 2015: 14.4, 2016: 14.4, 2017: 14.4, 2018: 13.4, 2019: 11.9, 2020: 10.36, 2021: 9.74, 2022: 8.6, 2023: 9.28,
};
const BIRTH_RATE_YEARS = Object.keys(BIRTH_RATES).map(Number);
const PEAK_BIRTH_RATE = Math.max(...Object.values(BIRTH_RATES));

/**
 * Boys per 100 girls at birth, by year of birth: near nature's 105-107 before the late 1980s; then Hainan's among
 * China's highest for two decades (the highest of any province in a census, 137.1: 李智 等, 1953—2010年中国出生人口
 * 性别比变化趋势及地理分布, 2016); falling since to about China's 111.3 of the 2020 census (国家统计局, 第七次全国
 * 人口普查). Applies to children planned as such; adults' sexes follow the household tables.
 */
function sexRatioAtBirth(year: number): number {
  if (year < 1985) return 107;
  if (year < 1990) return 115;
  if (year < 2010) return 125;
  if (year < 2020) return 125 - (14 * (year - 2009)) / 11;
  return 111;
}

const FLOATING_HOUSEHOLD_SHARE = 0.075;
const IN_PROVINCE_ORIGIN_SHARE = 0.4;

// Miao live mostly in the central mountain counties; the default covers everywhere else.
const MIAO_SHARE: Readonly<Record<string, number>> = {
  '469030': 0.05, '469029': 0.04, '469001': 0.03, '469022': 0.02, '469025': 0.02, '469002': 0.01, '469006': 0.01,
  '469028': 0.01, '469027': 0.01,
};
const DEFAULT_MIAO_SHARE = 0.006;

const PHONE_PREFIXES: Weighted<string> = [
  ['138', 9], ['139', 9], ['135', 6], ['136', 5], ['137', 5], ['150', 6], ['151', 4], ['152', 3], ['158', 4], ['159', 4],
  ['182', 3], ['183', 3], ['187', 3], ['188', 3], ['130', 4], ['131', 3], ['132', 3], ['155', 3], ['156', 3], ['185', 3],
  ['186', 5], ['133', 3], ['153', 2], ['180', 3], ['181', 2], ['189', 5], ['177', 2], ['176', 2], ['166', 2], ['198', 2],
  ['199', 2], ['191', 1], ['195', 1],
];

// Synthetic street and village names built from common words; any match with a real street is chance.
const ROAD_WORDS = [
  '椰林', '滨海', '海秀', '南海', '国兴', '龙昆', '金盘', '凤凰', '解放', '友谊', '和平', '人民', '红旗', '椰风', '海榆',
  '新华', '文明', '建设', '丰收', '琼华', '明珠', '长堤', '金牛', '迎宾', '榕树', '碧海', '蓝天', '五指', '万泉', '鹿城',
  '东风', '胜利', '光明', '复兴', '兴隆', '椰城', '木棉', '槟榔', '海景', '学院', '滨江', '南湖', '望海', '青年', '振兴',
];
const ROAD_SUFFIXES: Weighted<string> = [['路', 40], ['大道', 8], ['街', 14], ['东路', 8], ['西路', 8], ['南路', 6], ['北路', 6], ['一横路', 3], ['二横路', 2], ['巷', 5]];
const VILLAGE_WORDS = [
  '南坡', '北岸', '东山', '西岭', '坡尾', '田头', '水口', '大坡', '上坡', '下园', '山脚', '湾头', '岭门', '新园', '石头',
  '排坡', '龙塘', '美田', '福田', '加来', '什好', '番道', '红岭', '椰子', '深田', '长岭', '沙坡', '后坑', '坡头', '大园',
];
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// ---------------------------------------------------------------------------------------------
// Cumulative tables (binary search) for the draws made once per household or person.

interface Table<T> {
  items: T[];
  cum: Float64Array;
}

function table<T>(items: Weighted<T>): Table<T> {
  const cum = new Float64Array(items.length);
  let total = 0;
  items.forEach(([, w], i) => {
    total += w;
    cum[i] = total;
  });
  return { items: items.map(([item]) => item), cum };
}

function draw<T>(rng: Rng, t: Table<T>): T {
  const r = rng.next() * t.cum[t.cum.length - 1]!;
  let lo = 0;
  let hi = t.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return t.items[lo]!;
}

/** One weight per whole year of age, linear between the knots. */
function ageTable(knots: AgeKnots): Table<number> {
  const years: [number, number][] = [];
  for (let k = 0; k + 1 < knots.length; k++) {
    const [a0, w0] = knots[k]!;
    const [a1, w1] = knots[k + 1]!;
    for (let age = a0; age < a1; age++) years.push([age, w0 + ((w1 - w0) * (age - a0)) / (a1 - a0)]);
  }
  years.push([...knots[knots.length - 1]!]);
  return table(years);
}

const SIZE_TABLE = table(HOUSEHOLD_SIZES);
const SINGLE_AGE_TABLE = ageTable(SINGLE_AGES);
const HEAD_AGE_TABLE = ageTable(FAMILY_HEAD_AGES);
const PHONE_TABLE = table(PHONE_PREFIXES);
const ROAD_SUFFIX_TABLE = table(ROAD_SUFFIXES);

interface ResidenceMeta {
  region: RegionInfo;
  fullName: string;
  miaoShare: number;
  urban: number; // share of households with a street address rather than a village one
  otherOrigins: Table<string>; // in-province origins of floating households, excluding this region
}

const OUT_OF_PROVINCE_TABLE = table(OUT_OF_PROVINCE_ORIGINS.map((o) => [o.code, o.weight] as const));

let residenceCache: { meta: ResidenceMeta[]; table: Table<ResidenceMeta>; byCode: Map<string, ResidenceMeta> } | undefined;

function residences(): NonNullable<typeof residenceCache> {
  if (!residenceCache) {
    const meta = RESIDENCE_REGIONS.map((region): ResidenceMeta => ({
      region,
      fullName: hainanFullName(region.code)!,
      miaoShare: MIAO_SHARE[region.code] ?? DEFAULT_MIAO_SHARE,
      urban: region.level === 'DISTRICT' ? 0.85 : 0.55,
      otherOrigins: table(
        RESIDENCE_REGIONS.filter((o) => o.code !== region.code && o.parentCode !== '460300').map((o) => [o.code, o.population] as const),
      ),
    }));
    residenceCache = {
      meta,
      table: table(meta.map((m) => [m, m.region.population] as const)),
      byCode: new Map(meta.map((m) => [m.region.code, m])),
    };
  }
  return residenceCache;
}

// ---------------------------------------------------------------------------------------------
// Identity-number sequence codes, assigned like a registration office would: the n-th man born
// on a given day in a given region gets sequence 2n+1 (001, 003, ..., 999), the n-th woman 2n+2
// (002, ..., 998). One Uint16Array of counters per region, indexed by (birth day, gender), so memory
// is bounded by the number of cells (regions x days since 1900 x 2; about 180 KB per region), not by
// the number of persons. If a cell is full (500 men or 499 women on one day in one region), the birth
// date moves one day earlier, which keeps every identity number unique.

class SequenceCounters {
  private readonly counters = new Map<string, Uint16Array>();

  constructor(private readonly todayDay: number) {}

  /** Returns [birthDay, sequence] with birthDay possibly moved earlier if its cell is full. */
  assign(regionCode: string, birthDay: number, gender: Gender): [number, number] {
    let cells = this.counters.get(regionCode);
    if (!cells) {
      cells = new Uint16Array((this.todayDay - DAY_1900 + 1) * 2);
      this.counters.set(regionCode, cells);
    }
    const male = gender === 'MALE';
    const capacity = male ? 500 : 499;
    for (let day = birthDay; day >= DAY_1900; day--) {
      const cell = (day - DAY_1900) * 2 + (male ? 1 : 0);
      const n = cells[cell]!;
      if (n < capacity) {
        cells[cell] = n + 1;
        return [day, male ? 2 * n + 1 : 2 * n + 2];
      }
    }
    throw new RangeError(`No identity-number sequence left for region ${regionCode}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Household plans: who lives together, with coherent ages (parents 21-44 whole years older than
// their children, which after adding days of birth is always within 20-45 years).
//
// Ages are drawn, never clamped: a draw outside what the household allows is drawn again, or the member
// is left out. Clamping piles every impossible draw up on the boundary; it once put four years' worth of
// births into the last year (young couples' planned children all "born" at age 0).

interface PlanMember {
  relationship: Relationship;
  gender: Gender;
  age: number;
  surname: string;
  ethnicityCode: string;
  marital: MaritalStatus;
  partner: number; // index of the spouse in the plan, or -1
}

const MIN_GAP = 21;
const MAX_GAP = 44;
const MAX_AGE = 100;
/** Draws before a constrained age draw gives up (the caller then leaves the member out). */
const AGE_TRIES = 20;

/** The younger parent's age at the first birth; later births 1-5 years apart. */
const FIRST_BIRTH_AGE = 27;
const FIRST_BIRTH_SD = 4;

/** Chance that a child of this age still lives with their parents (they leave from 16 on). */
function livesAtHome(age: number): number {
  return age < 16 ? 1 : Math.exp(-(age - 16) / 9);
}

function legalToMarry(gender: Gender, age: number): boolean {
  return age >= (gender === 'MALE' ? 22 : 20);
}

function opposite(g: Gender): Gender {
  return g === 'MALE' ? 'FEMALE' : 'MALE';
}

/** Marital status of an adult living without a spouse in the household. */
function unpartneredStatus(rng: Rng, gender: Gender, age: number): MaritalStatus {
  if (!legalToMarry(gender, age)) return 'SINGLE';
  if (age < 28) return rng.chance(0.95) ? 'SINGLE' : 'DIVORCED';
  if (age < 45) return rng.weighted([['SINGLE', 60], ['DIVORCED', 30], ['MARRIED', 8], ['WIDOWED', 2]] as const);
  if (age < 65) return rng.weighted([['SINGLE', 25], ['DIVORCED', 40], ['MARRIED', 10], ['WIDOWED', 25]] as const);
  return rng.weighted([['SINGLE', 8], ['DIVORCED', 12], ['WIDOWED', 80]] as const);
}

/** What a plan needs to know about the years in which its children were born. */
interface BirthYears {
  /** Chance that a birth planned this many whole years before today took place (the year's fertility). */
  happened(age: number): number;
  /** Chance that a child born this many whole years before today is a boy (the year's sex ratio at birth). */
  boy(age: number): number;
}

class PlanBuilder {
  readonly members: PlanMember[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly ethnicity: () => string,
    private readonly years: BirthYears,
  ) {}

  add(m: Omit<PlanMember, 'partner'>): number {
    const { relationship, gender, age, surname, ethnicityCode, marital } = m;
    this.members.push({ relationship, gender, age, surname, ethnicityCode, marital, partner: -1 });
    return this.members.length - 1;
  }

  surnameFor(ethnicityCode: string): string {
    return pickSurname(this.rng, ethnicityCode);
  }

  /**
   * Adds a spouse for member i (opposite gender, similar age, legal age to marry, within [minAge, maxAge]);
   * returns their index, or -1 when no such age came up.
   */
  addSpouse(i: number, relationship: Relationship, minAge = 0, maxAge = MAX_AGE): number {
    const rng = this.rng;
    const p = this.members[i]!;
    const gender = opposite(p.gender);
    const lo = Math.max(minAge, gender === 'MALE' ? 22 : 20, p.age - 12);
    const hi = Math.min(maxAge, MAX_AGE, p.age + 12);
    let age = -1;
    for (let t = 0; t < AGE_TRIES && age < 0; t++) {
      const diff = Math.round(rng.normal(2.5, 3)); // husbands are on average a little older
      const a = gender === 'FEMALE' ? p.age - diff : p.age + diff;
      if (a >= lo && a <= hi) age = a;
    }
    if (age < 0) return -1;
    const ethnicityCode = rng.chance(0.8) ? p.ethnicityCode : this.ethnicity();
    const j = this.add({ relationship, gender, age, surname: this.surnameFor(ethnicityCode), ethnicityCode, marital: 'MARRIED' });
    p.marital = 'MARRIED';
    p.partner = j;
    this.members[j]!.partner = i;
    return j;
  }

  /**
   * Up to count children of member i (and their partner, if any) living with them, eldest first; returns how
   * many were added. Births follow the younger parent's life: the first at ~27 (FIRST_BIRTH_AGE), the next
   * 1-5 years later, each taking place with the chance of its year (BIRTH_RATES), never after today and never
   * when the older parent would be more than MAX_GAP years older. Grown children have often left home
   * (livesAtHome), unless `atHome` says this one stays.
   */
  addChildren(i: number, count: number, relationship: Relationship, atHome = false): number {
    const rng = this.rng;
    const parent = this.members[i]!;
    const other = parent.partner >= 0 ? this.members[parent.partner]! : undefined;
    const older = Math.max(parent.age, other?.age ?? parent.age);
    const younger = Math.min(parent.age, other?.age ?? parent.age);
    const lo = Math.max(0, older - MAX_GAP);
    const father = parent.gender === 'MALE' ? parent : other;
    const mother = parent.gender === 'FEMALE' ? parent : other;
    let firstBirthAge = 0;
    for (let t = 0; t < AGE_TRIES && !firstBirthAge; t++) {
      const a = Math.round(rng.normal(FIRST_BIRTH_AGE, FIRST_BIRTH_SD));
      if (a >= MIN_GAP && a <= MAX_GAP) firstBirthAge = a;
    }
    if (!firstBirthAge) return 0;
    let age = younger - firstBirthAge;
    let added = 0;
    for (let first = true; added < count; first = false) {
      if (!first) age -= rng.int(1, 5);
      if (age < lo) break; // in the future, or the older parent would be too old
      if (!rng.chance(this.years.happened(age))) continue;
      if (!atHome && !rng.chance(livesAtHome(age))) continue;
      let ethnicityCode = father?.ethnicityCode ?? parent.ethnicityCode;
      if (father && mother && father.ethnicityCode !== mother.ethnicityCode) {
        // Children of mixed marriages are usually registered with the minority nationality.
        const minority = father.ethnicityCode === '01' ? mother.ethnicityCode : father.ethnicityCode;
        ethnicityCode = rng.chance(0.7) ? minority : father.ethnicityCode === minority ? mother.ethnicityCode : father.ethnicityCode;
      } else if (!father && mother) ethnicityCode = mother.ethnicityCode;
      const surname = father
        ? rng.chance(0.93) ? father.surname : (mother?.surname ?? father.surname)
        : rng.chance(0.6) ? parent.surname : this.surnameFor(ethnicityCode);
      const gender: Gender = rng.chance(this.years.boy(age)) ? 'MALE' : 'FEMALE';
      this.add({ relationship, gender, age, surname, ethnicityCode, marital: unpartneredStatus(rng, gender, age) });
      added++;
    }
    return added;
  }
}

function planHousehold(rng: Rng, size: number, ethnicity: () => string, years: BirthYears): PlanMember[] {
  const b = new PlanBuilder(rng, ethnicity, years);
  const headEthnicity = ethnicity();
  if (size === 1) {
    const age = draw(rng, SINGLE_AGE_TABLE);
    const gender: Gender = rng.chance(age < 60 ? 0.85 : 0.45) ? 'MALE' : 'FEMALE';
    b.add({ relationship: 'HEAD', gender, age, surname: b.surnameFor(headEthnicity), ethnicityCode: headEthnicity, marital: unpartneredStatus(rng, gender, age) });
    return b.members;
  }

  const headAge = draw(rng, HEAD_AGE_TABLE);
  const threeGenerationsDown = headAge >= 50 && size >= 3 && rng.chance(0.6);
  const hasSpouse = rng.chance(threeGenerationsDown ? 0.8 : size === 2 ? 0.74 : 0.88);
  const headGender: Gender = rng.chance(hasSpouse ? 0.78 : 0.65) ? 'MALE' : 'FEMALE';
  const head = b.add({
    relationship: 'HEAD', gender: headGender, age: headAge, surname: b.surnameFor(headEthnicity), ethnicityCode: headEthnicity,
    marital: 'SINGLE',
  });
  if (!(hasSpouse && legalToMarry(headGender, headAge) && b.addSpouse(head, 'SPOUSE') >= 0)) {
    b.members[head]!.marital = unpartneredStatus(rng, headGender, headAge);
  }

  let slots = size - b.members.length;
  if (threeGenerationsDown && slots >= 2) {
    // An older couple living with a grown-up child old enough to marry, maybe the child's spouse, and grandchildren.
    const before = b.members.length;
    const c = b.addChildren(head, 1, 'CHILD', true) === 1 ? b.members[b.members.length - 1]! : undefined;
    if (c && legalToMarry(c.gender, c.age)) {
      const child = b.members.length - 1;
      if (slots >= 3 && rng.chance(0.65)) b.addSpouse(child, 'OTHER'); // son- or daughter-in-law
      else if (c.marital === 'SINGLE' && rng.chance(0.7)) c.marital = rng.chance(0.6) ? 'MARRIED' : 'DIVORCED';
      b.addChildren(child, size - b.members.length, 'GRANDCHILD');
    } else {
      b.members.length = before; // no child old enough; plan the household like any other
    }
    slots = size - b.members.length;
  }
  if (slots > 0 && headAge <= 62 && rng.chance(size >= 4 ? 0.2 : 0.08)) {
    // One or two of the head's parents (PARENT ages: 24-41 years older than the head, at most MAX_AGE).
    const two = slots >= 2 && rng.chance(0.45);
    const parentAge = headAge + rng.int(MIN_GAP + 3, Math.min(MAX_GAP - 3, MAX_AGE - headAge));
    const fatherEthnicity = rng.chance(0.9) ? headEthnicity : ethnicity();
    const headSurname = b.members[head]!.surname;
    if (two) {
      const father = b.add({ relationship: 'PARENT', gender: 'MALE', age: parentAge, surname: headSurname, ethnicityCode: fatherEthnicity, marital: 'MARRIED' });
      if (b.addSpouse(father, 'PARENT', headAge + MIN_GAP, headAge + MAX_GAP) < 0) b.members[father]!.marital = 'WIDOWED';
    } else {
      const gender: Gender = rng.chance(0.35) ? 'MALE' : 'FEMALE'; // widowed mothers outnumber fathers
      const surname = gender === 'MALE' ? headSurname : b.surnameFor(fatherEthnicity);
      b.add({ relationship: 'PARENT', gender, age: parentAge, surname, ethnicityCode: fatherEthnicity, marital: rng.chance(0.8) ? 'WIDOWED' : 'DIVORCED' });
    }
    slots = size - b.members.length;
  }
  if (slots > 0) {
    const added = b.addChildren(head, slots, 'CHILD');
    slots -= added;
    const h = b.members[head]!;
    if (added > 0 && h.partner < 0 && h.marital === 'SINGLE') {
      // A lone parent: divorced, widowed, or married with the spouse registered elsewhere.
      h.marital = rng.weighted([['DIVORCED', 50], ['WIDOWED', headAge >= 40 ? 30 : 5], ['MARRIED', 20]] as const);
    }
  }
  // Places of children not (yet) born or gone from home stay empty; a head who would live alone in a planned
  // family household shares it with a sibling or another relative instead.
  for (let t = 0; slots > 0 && b.members.length === 1 && t < AGE_TRIES; t++) {
    const sibling = rng.chance(0.7);
    const gender: Gender = rng.chance(0.55) ? 'MALE' : 'FEMALE';
    const age = headAge + rng.int(-8, 8);
    if (age < (sibling ? 16 : 0) || age > MAX_AGE) continue;
    const ethnicityCode = sibling ? headEthnicity : ethnicity();
    b.add({
      relationship: sibling ? 'SIBLING' : 'OTHER', gender, age,
      surname: sibling && rng.chance(0.9) ? b.members[head]!.surname : b.surnameFor(ethnicityCode), ethnicityCode,
      marital: unpartneredStatus(rng, gender, age),
    });
    slots--;
  }
  return b.members;
}

// ---------------------------------------------------------------------------------------------

function phoneNumber(rng: Rng): string {
  const n = Math.floor(rng.next() * 1e8);
  return draw(rng, PHONE_TABLE) + String(n).padStart(8, '0');
}

function address(rng: Rng, meta: ResidenceMeta): string {
  if (meta.region.parentCode === '460300' || rng.chance(meta.urban)) {
    const road = rng.pick(ROAD_WORDS) + draw(rng, ROAD_SUFFIX_TABLE);
    const floor = rng.int(1, 30);
    return `${meta.fullName}${road}${rng.int(1, 400)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元${floor}${String(rng.int(1, 6)).padStart(2, '0')}`;
  }
  const village = rng.pick(VILLAGE_WORDS);
  return `${meta.fullName}${village}村${rng.pick(CHINESE_ORDINALS)}组${rng.int(1, 200)}号`;
}

// Chance that a record is of someone who has died (within the last ten years), by age band, tuned so
// that ~0.7% of records are deceased; likewise ~0.3% emigrated, mostly working-age adults.
function deathChance(age: number): number {
  if (age < 50) return 0.0015;
  if (age < 65) return 0.006;
  if (age < 75) return 0.02;
  if (age < 85) return 0.05;
  return 0.1;
}

function emigrationChance(age: number): number {
  return age >= 18 && age < 60 ? 0.005 : 0.0006;
}

/** The year of birth of someone this many whole years old today, and what the plans need to know about it. */
function birthYears(todayDay: number): BirthYears {
  const cache = new Map<number, [happened: number, boy: number]>();
  const of = (age: number): [number, number] => {
    let entry = cache.get(age);
    if (!entry) {
      // Birth days are drawn within the year of age (generateWorld); the middle of it names the year.
      const year = Number(dateOfDay(todayDay - Math.round((age + 0.5) * DAYS_PER_YEAR)).slice(0, 4));
      const rateYear = Math.min(Math.max(year, BIRTH_RATE_YEARS[0]!), BIRTH_RATE_YEARS[BIRTH_RATE_YEARS.length - 1]!);
      const ratio = sexRatioAtBirth(year);
      entry = [BIRTH_RATES[rateYear]! / PEAK_BIRTH_RATE, ratio / (100 + ratio)];
      cache.set(age, entry);
    }
    return entry;
  };
  return { happened: (age) => of(age)[0], boy: (age) => of(age)[1] };
}

export function* generateWorld(options: WorldOptions): Generator<WorldChunk> {
  const { seed, persons } = options;
  const chunkSize = options.chunkSize ?? 1000;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}.`);
  if (!Number.isSafeInteger(persons) || persons < 0) throw new RangeError(`persons must be a non-negative integer, got ${persons}.`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}.`);
  const todayDay = dayOfDate(options.today ?? '2026-01-01', 'today');
  if (todayDay - DAY_1900 < MAX_AGE * DAYS_PER_YEAR + 400) throw new RangeError('today must be at least 101 years after 1900-01-01.');

  const { table: regionTable, byCode } = residences();
  const counters = new SequenceCounters(todayDay);
  const years = birthYears(todayDay);

  let personIndex = 0;
  let householdIndex = 0;
  let chunkIndex = 0;
  let chunk: WorldHousehold[] = [];
  let chunkPersons = 0;

  while (personIndex < persons) {
    const h = householdIndex++;
    const rng = rngFor(seed, 'household', h);
    const meta = draw(rng, regionTable);
    const floating = rng.chance(FLOATING_HOUSEHOLD_SHARE);
    let origin: string | null = null;
    let ethnicity: () => string;
    if (floating && rng.chance(IN_PROVINCE_ORIGIN_SHARE)) {
      origin = draw(rng, meta.otherOrigins);
      const o = byCode.get(origin)!;
      ethnicity = () => pickEthnicity(rng, o.region.liShare, o.miaoShare);
    } else if (floating) {
      origin = draw(rng, OUT_OF_PROVINCE_TABLE);
      const zhuang = origin.startsWith('45') ? 0.3 : 0;
      ethnicity = () => (rng.chance(zhuang) ? '08' : pickEthnicity(rng, 0.001, 0.004, 0.02));
    } else {
      ethnicity = () => pickEthnicity(rng, meta.region.liShare, meta.miaoShare);
    }
    const hukouRegionCode = origin ?? meta.region.code;

    const size = draw(rng, SIZE_TABLE);
    const plan = planHousehold(rng, size, ethnicity, years);
    const count = Math.min(plan.length, persons - personIndex); // the very last household may be cut short

    // Dates first, so that deaths can update the surviving partner's marital status.
    const birthDays = plan.map((m) => todayDay - (Math.floor(m.age * DAYS_PER_YEAR) + 2 + Math.floor(rng.next() * 362)));
    const status: LifeStatus[] = plan.map(() => 'LIVING');
    const statusDays: (number | null)[] = plan.map(() => null);
    const marital = plan.map((m) => m.marital);
    for (let i = 0; i < count; i++) {
      const m = plan[i]!;
      const livedDays = todayDay - birthDays[i]!;
      if (rng.chance(deathChance(m.age)) && livedDays > 2 && (m.partner < 0 || status[m.partner] !== 'DECEASED')) {
        status[i] = 'DECEASED';
        // Died within the last ten years (or since birth), strictly after birth and before today.
        statusDays[i] = todayDay - 1 - Math.floor(rng.next() * Math.min(3650, livedDays - 2));
        if (m.partner >= 0) marital[m.partner] = 'WIDOWED';
      } else if (rng.chance(emigrationChance(m.age)) && livedDays > 2) {
        status[i] = 'EMIGRATED';
        const earliest = Math.max(birthDays[i]! + 1, birthDays[i]! + Math.round(16 * DAYS_PER_YEAR), todayDay - 5480);
        statusDays[i] = earliest >= todayDay - 1 ? todayDay - 1 : rng.int(earliest, todayDay - 1);
      }
    }

    const members: WorldPerson[] = [];
    let headPhone = '';
    for (let i = 0; i < count; i++) {
      const m = plan[i]!;
      const [birthDay, sequence] = counters.assign(hukouRegionCode, birthDays[i]!, m.gender);
      birthDays[i] = birthDay;
      const birthDate = dateOfDay(birthDay);
      const phone = i > 0 && m.age < 14 ? headPhone : phoneNumber(rng); // young children use the head's number
      if (i === 0) headPhone = phone;
      const index = personIndex++;
      members.push({
        index,
        id: opaqueId('P', seed, index),
        idNumber: makeIdNumber(hukouRegionCode, birthDate, sequence),
        name: makeName(rng, m.surname, m.gender),
        gender: m.gender,
        birthDate,
        ethnicityCode: m.ethnicityCode,
        ethnicity: ethnicityName(m.ethnicityCode)!,
        hukouRegionCode,
        phone,
        maritalStatus: marital[i]!,
        status: status[i]!,
        statusDate: statusDays[i] === null ? null : dateOfDay(statusDays[i]!),
        relationship: m.relationship,
        floating,
        originRegionCode: origin,
      });
    }

    // Registered when the head was an adult: since 1958 for local households; within the last
    // twelve years (residence permit) for floating ones.
    const headAdult = birthDays[0]! + Math.round(18 * DAYS_PER_YEAR);
    const earliest = Math.max(headAdult, floating ? todayDay - 4383 : DAY_1958);
    const registeredDay = earliest >= todayDay - 1 ? todayDay - 1 : rng.int(earliest, todayDay - 1);

    chunk.push({
      index: h,
      id: opaqueId('H', seed, h),
      regionCode: meta.region.code,
      address: address(rng, meta),
      placeId: opaqueId('A', seed, h),
      location: randomPointIn(rng, meta.region.code), // near the seat, always inside the region
      registeredOn: dateOfDay(registeredDay),
      members,
    });
    chunkPersons += count;
    if (chunkPersons >= chunkSize || personIndex >= persons) {
      const enterprises: WorldEnterprise[] = [];
      for (const household of chunk) enterprises.push(...enterprisesOf(seed, household, enterprises, options.today));
      yield { index: chunkIndex++, households: chunk, persons: chunkPersons, enterprises };
      chunk = [];
      chunkPersons = 0;
    }
  }
}
