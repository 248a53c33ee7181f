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
// Calibration tables. Together they give roughly China's 2020 census: ~17% under 15, ~12% aged 65+,
// ~112 males per 100 females (Hainan's ratio), mean household size ~2.8.

type Weighted<T> = readonly (readonly [T, number])[];

const HOUSEHOLD_SIZES: Weighted<number> = [[1, 22], [2, 27], [3, 22], [4, 15], [5, 9], [6, 5]];

// [min age, max age] bins with weights.
type AgeBins = Weighted<readonly [number, number]>;

const SINGLE_AGES: AgeBins = [
  [[18, 24], 10], [[25, 34], 18], [[35, 44], 12], [[45, 54], 13], [[55, 64], 14], [[65, 74], 9], [[75, 84], 7], [[85, 100], 3],
];

const FAMILY_HEAD_AGES: AgeBins = [
  [[22, 29], 8], [[30, 39], 23], [[40, 49], 25], [[50, 59], 20], [[60, 69], 12], [[70, 79], 7], [[80, 95], 2],
];

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

function drawAge(rng: Rng, bins: Table<readonly [number, number]>): number {
  const [lo, hi] = draw(rng, bins);
  return rng.int(lo, hi);
}

const SIZE_TABLE = table(HOUSEHOLD_SIZES);
const SINGLE_AGE_TABLE = table(SINGLE_AGES);
const HEAD_AGE_TABLE = table(FAMILY_HEAD_AGES);
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

function legalToMarry(gender: Gender, age: number): boolean {
  return age >= (gender === 'MALE' ? 22 : 20);
}

function opposite(g: Gender): Gender {
  return g === 'MALE' ? 'FEMALE' : 'MALE';
}

function childGender(rng: Rng): Gender {
  return rng.chance(0.56) ? 'MALE' : 'FEMALE'; // Hainan's sex ratio at birth was ~120-125 for decades
}

/** Marital status of an adult living without a spouse in the household. */
function unpartneredStatus(rng: Rng, gender: Gender, age: number): MaritalStatus {
  if (!legalToMarry(gender, age)) return 'SINGLE';
  if (age < 28) return rng.chance(0.95) ? 'SINGLE' : 'DIVORCED';
  if (age < 45) return rng.weighted([['SINGLE', 60], ['DIVORCED', 30], ['MARRIED', 8], ['WIDOWED', 2]] as const);
  if (age < 65) return rng.weighted([['SINGLE', 25], ['DIVORCED', 40], ['MARRIED', 10], ['WIDOWED', 25]] as const);
  return rng.weighted([['SINGLE', 8], ['DIVORCED', 12], ['WIDOWED', 80]] as const);
}

class PlanBuilder {
  readonly members: PlanMember[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly ethnicity: () => string,
  ) {}

  add(m: Omit<PlanMember, 'partner'>): number {
    const { relationship, gender, age, surname, ethnicityCode, marital } = m;
    this.members.push({ relationship, gender, age, surname, ethnicityCode, marital, partner: -1 });
    return this.members.length - 1;
  }

  surnameFor(ethnicityCode: string): string {
    return pickSurname(this.rng, ethnicityCode);
  }

  /** Adds a spouse for member i (opposite gender, similar age, legal age to marry). */
  addSpouse(i: number, relationship: Relationship): number {
    const rng = this.rng;
    const p = this.members[i]!;
    const gender = opposite(p.gender);
    const diff = Math.round(rng.normal(2.5, 3)); // husbands are on average a little older
    let age = gender === 'FEMALE' ? p.age - diff : p.age + diff;
    age = Math.min(MAX_AGE, Math.max(age, gender === 'MALE' ? 22 : 20, p.age - 12));
    const ethnicityCode = rng.chance(0.8) ? p.ethnicityCode : this.ethnicity();
    const j = this.add({ relationship, gender, age, surname: this.surnameFor(ethnicityCode), ethnicityCode, marital: 'MARRIED' });
    p.marital = 'MARRIED';
    p.partner = j;
    this.members[j]!.partner = i;
    return j;
  }

  /** Children of member i (and their partner, if any); returns how many could be added. */
  addChildren(i: number, count: number, relationship: Relationship): number {
    const rng = this.rng;
    const parent = this.members[i]!;
    const other = parent.partner >= 0 ? this.members[parent.partner]! : undefined;
    const older = Math.max(parent.age, other?.age ?? parent.age);
    const younger = Math.min(parent.age, other?.age ?? parent.age);
    const lo = Math.max(0, older - MAX_GAP);
    const hi = younger - MIN_GAP;
    if (hi < lo) return 0;
    const father = parent.gender === 'MALE' ? parent : other;
    const mother = parent.gender === 'FEMALE' ? parent : other;
    // First child born when the younger parent was ~27; siblings 1-5 years apart.
    let age = Math.min(hi, Math.max(lo, younger - Math.round(rng.normal(27, 4))));
    for (let k = 0; k < count; k++) {
      if (k > 0) age = Math.max(lo, age - rng.int(1, 5));
      let ethnicityCode = father?.ethnicityCode ?? parent.ethnicityCode;
      if (father && mother && father.ethnicityCode !== mother.ethnicityCode) {
        // Children of mixed marriages are usually registered with the minority nationality.
        const minority = father.ethnicityCode === '01' ? mother.ethnicityCode : father.ethnicityCode;
        ethnicityCode = rng.chance(0.7) ? minority : father.ethnicityCode === minority ? mother.ethnicityCode : father.ethnicityCode;
      } else if (!father && mother) ethnicityCode = mother.ethnicityCode;
      const surname = father
        ? rng.chance(0.93) ? father.surname : (mother?.surname ?? father.surname)
        : rng.chance(0.6) ? parent.surname : this.surnameFor(ethnicityCode);
      const gender = childGender(rng);
      this.add({ relationship, gender, age, surname, ethnicityCode, marital: unpartneredStatus(rng, gender, age) });
    }
    return count;
  }
}

function planHousehold(rng: Rng, size: number, ethnicity: () => string): PlanMember[] {
  const b = new PlanBuilder(rng, ethnicity);
  const headEthnicity = ethnicity();
  if (size === 1) {
    const age = drawAge(rng, SINGLE_AGE_TABLE);
    const gender: Gender = rng.chance(age < 60 ? 0.72 : 0.45) ? 'MALE' : 'FEMALE';
    b.add({ relationship: 'HEAD', gender, age, surname: b.surnameFor(headEthnicity), ethnicityCode: headEthnicity, marital: unpartneredStatus(rng, gender, age) });
    return b.members;
  }

  const headAge = drawAge(rng, HEAD_AGE_TABLE);
  const threeGenerationsDown = headAge >= 50 && size >= 3 && rng.chance(0.45);
  const hasSpouse = rng.chance(threeGenerationsDown ? 0.8 : size === 2 ? 0.74 : 0.88);
  const headGender: Gender = rng.chance(hasSpouse ? 0.78 : 0.5) ? 'MALE' : 'FEMALE';
  const head = b.add({
    relationship: 'HEAD', gender: headGender, age: headAge, surname: b.surnameFor(headEthnicity), ethnicityCode: headEthnicity,
    marital: 'SINGLE',
  });
  if (hasSpouse && legalToMarry(headGender, headAge)) b.addSpouse(head, 'SPOUSE');
  else b.members[head]!.marital = unpartneredStatus(rng, headGender, headAge);

  let slots = size - b.members.length;
  if (threeGenerationsDown && slots >= 2) {
    // An older couple living with a grown-up child, maybe the child's spouse, and grandchildren.
    const before = b.members.length;
    if (b.addChildren(head, 1, 'CHILD') === 1) {
      const child = b.members.length - 1;
      const c = b.members[child]!;
      c.age = Math.max(c.age, c.gender === 'MALE' ? 22 : 20);
      if (c.age <= headAge - MIN_GAP && (b.members[head]!.partner < 0 || c.age <= b.members[b.members[head]!.partner]!.age - MIN_GAP)) {
        if (slots >= 3 && rng.chance(0.65)) b.addSpouse(child, 'OTHER'); // son- or daughter-in-law
        else if (c.marital === 'SINGLE' && rng.chance(0.7)) c.marital = rng.chance(0.6) ? 'MARRIED' : 'DIVORCED';
        slots = size - b.members.length;
        slots -= b.addChildren(child, slots, 'GRANDCHILD');
      } else {
        b.members.length = before; // could not make the child old enough; fall through
      }
    }
    slots = size - b.members.length;
  }
  if (slots > 0 && headAge <= MAX_AGE - MIN_GAP - 1 && headAge <= 62 && rng.chance(size >= 4 ? 0.3 : 0.12)) {
    // One or two of the head's parents.
    const two = slots >= 2 && rng.chance(0.45);
    const parentAge = Math.min(MAX_AGE, headAge + rng.int(MIN_GAP + 3, MAX_GAP - 3));
    const fatherEthnicity = rng.chance(0.9) ? headEthnicity : ethnicity();
    const headSurname = b.members[head]!.surname;
    if (two) {
      const father = b.add({ relationship: 'PARENT', gender: 'MALE', age: parentAge, surname: headSurname, ethnicityCode: fatherEthnicity, marital: 'MARRIED' });
      const mother = b.addSpouse(father, 'PARENT');
      const m = b.members[mother]!;
      m.age = Math.min(Math.max(m.age, headAge + MIN_GAP), headAge + MAX_GAP);
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
  while (slots > 0) {
    // No room for (more) children: a sibling of the head, or another relative.
    const sibling = rng.chance(0.7);
    const gender: Gender = rng.chance(0.55) ? 'MALE' : 'FEMALE';
    const age = Math.max(sibling ? 16 : 0, Math.min(MAX_AGE, headAge + rng.int(-8, 8)));
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
    const plan = planHousehold(rng, size, ethnicity);
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
