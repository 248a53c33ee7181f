/**
 * Education rows from the synthetic world. Schools are reference data: realistic numbers per county by population
 * (Hainan has about 2,900 kindergartens, 1,400 primary schools, 400 junior and 130 senior secondary schools,
 * 75 vocational schools) and a dozen universities in Haikou, Sanya and Danzhou, with synthetic names, the same for
 * every world seed. Every person gets a school life drawn from their own stream: children and young adults their
 * enrolments in the schools of their household's region, everyone a highest degree plausible for their age, and a
 * small share of adults a post as teacher or staff.
 */
import { cityCodeOf } from '../kit/region-codes';
import type { DomainSeed } from '../kit/subgraph';
import { randomPointIn } from '../kit/world/geometry';
import { RESIDENCE_REGIONS, hainanFullName, type RegionInfo } from '../kit/world/hainan';
import { opaqueId, rngFor, type Rng } from '../kit/world/rng';
import type { WorldChunk, WorldPerson } from '../kit/world/world';
import {
  Degree,
  Enrolment,
  GRADES,
  School,
  StaffMember,
  schoolCode,
  type DegreeLevel,
  type DegreeRow,
  type EnrolmentRow,
  type SchoolLevel,
  type SchoolRow,
  type StaffMemberRow,
} from './entities';

/** The world's reference date is 2026-01-01, in the school year that started in September 2025. */
export const SEEDED_SCHOOL_YEAR = 2025;
/** Schools are reference data: one fixed stream, whatever the world's seed. */
const REFERENCE_SEED = 2026;

type K12Level = Exclude<SchoolLevel, 'UNIVERSITY'>;

/** Schools of each level in the province (rounded from Hainan's statistical bulletins), shared out by population. */
const PROVINCE_SCHOOLS: Readonly<Record<K12Level, number>> = {
  KINDERGARTEN: 2900,
  PRIMARY: 1400,
  JUNIOR_SECONDARY: 400,
  SENIOR_SECONDARY: 130,
  VOCATIONAL: 75,
};

/** Every county has kindergartens and primary schools; smaller places send older pupils to the next town. */
const AT_LEAST_ONE_FROM_POPULATION: Readonly<Record<K12Level, number>> = {
  KINDERGARTEN: 0,
  PRIMARY: 0,
  JUNIOR_SECONDARY: 1000,
  SENIOR_SECONDARY: 50_000,
  VOCATIONAL: 150_000,
};

const PUBLIC_SHARE: Readonly<Record<K12Level, number>> = {
  KINDERGARTEN: 0.5,
  PRIMARY: 0.95,
  JUNIOR_SECONDARY: 0.9,
  SENIOR_SECONDARY: 0.8,
  VOCATIONAL: 0.7,
};

interface University {
  name: string;
  regionCode: string;
  type: 'PUBLIC' | 'PRIVATE';
  /** 4 or 5: bachelor's courses; 3: a vocational college (高职). */
  years: number;
  /** Relative size of the intake. */
  weight: number;
}

// Synthetic names; any likeness to a real institution's name is chance.
const UNIVERSITIES: readonly University[] = [
  { name: '琼州大学', regionCode: '460108', type: 'PUBLIC', years: 4, weight: 40 },
  { name: '椰城师范大学', regionCode: '460107', type: 'PUBLIC', years: 4, weight: 22 },
  { name: '南溟医学院', regionCode: '460106', type: 'PUBLIC', years: 5, weight: 12 },
  { name: '椰城科技学院', regionCode: '460106', type: 'PRIVATE', years: 4, weight: 10 },
  { name: '海口椰风职业学院', regionCode: '460105', type: 'PUBLIC', years: 3, weight: 10 },
  { name: '琼北经贸职业学院', regionCode: '460108', type: 'PRIVATE', years: 3, weight: 8 },
  { name: '鹿城学院', regionCode: '460203', type: 'PRIVATE', years: 4, weight: 20 },
  { name: '南海热带海洋大学', regionCode: '460204', type: 'PUBLIC', years: 4, weight: 15 },
  { name: '崖州湾理工学院', regionCode: '460205', type: 'PUBLIC', years: 4, weight: 6 },
  { name: '三亚滨海旅游职业学院', regionCode: '460202', type: 'PRIVATE', years: 3, weight: 8 },
  { name: '儋州热带农林大学', regionCode: '460400', type: 'PUBLIC', years: 4, weight: 12 },
  { name: '儋耳职业技术学院', regionCode: '460400', type: 'PUBLIC', years: 3, weight: 6 },
];

const NAME_WORDS = [
  '椰林', '阳光', '蓝天', '海滨', '明珠', '启航', '育才', '英才', '博雅', '金盘', '滨海', '红星', '绿洲', '书香', '春晖',
  '晨曦', '星海', '彩虹', '童心', '树人', '求实', '新华', '和平', '友谊', '振兴', '琼华', '南湖', '东山', '西岭', '五指',
  '万泉', '椰风', '凤凰', '木棉', '槟榔', '海景', '青年', '碧海', '金牛', '鹿回',
];
const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 to 99 in Chinese numerals, as in 第十二中学. */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${CHINESE_DIGITS[n % 10]}`;
}

/** Distinct words for one region's school names: single words in a shuffled order, then pairs. */
function nameWords(rng: Rng): () => string {
  const words = [...NAME_WORDS];
  for (let i = words.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  let n = 0;
  return () => {
    const k = n++;
    if (k < words.length) return words[k]!;
    // Pairs of distinct words, spread so that consecutive names start differently.
    const pair = k - words.length;
    const first = pair % words.length;
    const offset = 1 + (Math.floor(pair / words.length) % (words.length - 1));
    return words[first]! + words[(first + offset) % words.length]!;
  };
}

function k12Name(rng: Rng, level: K12Level, type: 'PUBLIC' | 'PRIVATE', ordinal: number, label: string, word: () => string): string {
  const numbered = (suffix: string) => `${label}第${chineseNumber(ordinal)}${suffix}`;
  switch (level) {
    case 'KINDERGARTEN':
      if (type === 'PUBLIC') return ordinal <= 9 ? numbered('幼儿园') : `${label}${word()}幼儿园`;
      return `${label}${word()}${rng.pick(['幼儿园', '双语幼儿园', '艺术幼儿园'])}`;
    case 'PRIMARY':
      if (type === 'PUBLIC') return ordinal <= 9 ? numbered('小学') : `${label}${word()}小学`;
      return `${label}${word()}${rng.pick(['实验学校', '外国语学校', '小学'])}`;
    case 'JUNIOR_SECONDARY':
      return type === 'PUBLIC' ? numbered('中学') : `${label}${word()}中学`;
    case 'SENIOR_SECONDARY':
      if (type === 'PUBLIC') return ordinal === 1 ? `${label}高级中学` : numbered('高级中学');
      return `${label}${word()}高级中学`;
    case 'VOCATIONAL':
      if (type === 'PUBLIC') return ordinal === 1 ? `${label}中等职业学校` : `${label}${word()}职业中学`;
      return `${label}${word()}职业技术学校`;
  }
}

function schoolsOfLevel(level: K12Level, region: RegionInfo, totalPopulation: number): number {
  const share = Math.round((PROVINCE_SCHOOLS[level] * region.population) / totalPopulation);
  return region.population >= AT_LEAST_ONE_FROM_POPULATION[level] ? Math.max(1, share) : share;
}

function school(level: SchoolLevel, type: 'PUBLIC' | 'PRIVATE', name: string, region: RegionInfo, sequence: number): SchoolRow {
  const code = schoolCode(level, region.code, sequence);
  const [lon, lat] = randomPointIn(rngFor(REFERENCE_SEED, 'education', 'school', code), region.code);
  return { code, name, level, type, regionCode: region.code, cityCode: cityCodeOf(region.code), lon, lat, version: 1 };
}

let schoolsCache: readonly SchoolRow[] | undefined;

/** Every school of the province, ordered by region and level; computed once (a fixed few thousand rows). */
export function schoolRows(): readonly SchoolRow[] {
  if (schoolsCache) return schoolsCache;
  const totalPopulation = RESIDENCE_REGIONS.reduce((sum, r) => sum + r.population, 0);
  const rows: SchoolRow[] = [];
  for (const region of [...RESIDENCE_REGIONS].sort((a, b) => a.code.localeCompare(b.code))) {
    const rng = rngFor(REFERENCE_SEED, 'education', 'schools', region.code);
    const word = nameWords(rng);
    const label = hainanFullName(region.code)!.replace(/^海南省/, '');
    for (const level of Object.keys(PROVINCE_SCHOOLS) as K12Level[]) {
      const count = schoolsOfLevel(level, region, totalPopulation);
      const publicCount = count === 0 ? 0 : Math.max(1, Math.round(count * PUBLIC_SHARE[level]));
      for (let i = 0; i < count; i++) {
        const type = i < publicCount ? 'PUBLIC' : 'PRIVATE';
        const ordinal = type === 'PUBLIC' ? i + 1 : i - publicCount + 1;
        rows.push(school(level, type, k12Name(rng, level, type, ordinal, label, word), region, i + 1));
      }
    }
    UNIVERSITIES.filter((u) => u.regionCode === region.code).forEach((u, i) => rows.push(school('UNIVERSITY', u.type, u.name, region, i + 1)));
  }
  schoolsCache = Object.freeze(rows);
  return schoolsCache;
}

// ---------------------------------------------------------------------------------------------
// Where a person goes to school.

let catchmentCache: Map<string, readonly string[]> | undefined;

/**
 * The codes of the schools of a level a household of `regionCode` sends its children to: those of its own county
 * or district, else of its city, else of the province.
 */
function catchment(level: K12Level, regionCode: string): readonly string[] {
  if (!catchmentCache) {
    catchmentCache = new Map();
    for (const s of schoolRows()) {
      for (const key of [`${s.level}|${s.regionCode}`, `${s.level}|${s.cityCode}`, `${s.level}|46`]) {
        const list = (catchmentCache.get(key) ?? []) as string[];
        list.push(s.code);
        catchmentCache.set(key, list);
      }
    }
  }
  return catchmentCache.get(`${level}|${regionCode}`) ?? catchmentCache.get(`${level}|${cityCodeOf(regionCode)}`) ?? catchmentCache.get(`${level}|46`)!;
}

const UNIVERSITY_CODES: ReadonlyMap<University, string> = new Map(
  UNIVERSITIES.map((u) => [u, schoolCode('UNIVERSITY', u.regionCode, UNIVERSITIES.filter((o) => o.regionCode === u.regionCode).indexOf(u) + 1)]),
);

/** A university for someone from `regionCode`: one offering courses of that length, rather in their own city. */
function pickUniversity(rng: Rng, regionCode: string, vocational: boolean): University {
  const city = cityCodeOf(regionCode);
  const fitting = UNIVERSITIES.filter((u) => (u.years === 3) === vocational);
  return rng.weighted(fitting.map((u) => [u, u.weight * (cityCodeOf(u.regionCode) === city ? 3 : 1)] as const));
}

// ---------------------------------------------------------------------------------------------
// A school life.

interface Stage {
  level: SchoolLevel;
  schoolCode: string;
  regionCode: string;
  /** School age (on 1 September) at which it starts. */
  startAge: number;
  years: number;
  /** Chance of leaving before completing it. */
  leaving: number;
}

/** Age on 1 September of the school year starting in `year`: pupils start primary school the September after turning 6. */
export function schoolAge(birthDate: string, year: number): number {
  const birthYear = Number(birthDate.slice(0, 4));
  return year - birthYear - (birthDate.slice(5) > '08-31' ? 1 : 0);
}

/** The school year during which a date falls (it starts in September). */
function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '09-01' ? year : year - 1;
}

function k12Stage(rng: Rng, level: K12Level, regionCode: string, startAge: number, leaving: number): Stage {
  return { level, schoolCode: rng.pick(catchment(level, regionCode)), regionCode, startAge, years: GRADES[level], leaving };
}

/** The stages a child is set on: kindergarten (for most), primary and junior secondary, then perhaps more. */
function plannedStages(rng: Rng, regionCode: string): Stage[] {
  const stages: Stage[] = [];
  if (rng.chance(0.9)) stages.push(k12Stage(rng, 'KINDERGARTEN', regionCode, 3, 0.01));
  stages.push(k12Stage(rng, 'PRIMARY', regionCode, 6, 0.003));
  stages.push(k12Stage(rng, 'JUNIOR_SECONDARY', regionCode, 12, 0.01));
  const next = rng.weighted([['SENIOR_SECONDARY', 60], ['VOCATIONAL', 35], ['WORK', 5]] as const);
  if (next === 'WORK') return stages;
  stages.push(k12Stage(rng, next, regionCode, 15, next === 'VOCATIONAL' ? 0.05 : 0.02));
  // Many go on to universities elsewhere in China; those in Hainan's own are recorded here.
  if (rng.chance(next === 'SENIOR_SECONDARY' ? 0.3 : 0.12)) {
    const university = pickUniversity(rng, regionCode, next === 'VOCATIONAL');
    stages.push({ level: 'UNIVERSITY', schoolCode: UNIVERSITY_CODES.get(university)!, regionCode: university.regionCode, startAge: 18, years: university.years, leaving: 0.02 });
  }
  return stages;
}

const DEGREE_OF: Readonly<Record<Exclude<SchoolLevel, 'KINDERGARTEN'>, DegreeLevel>> = {
  PRIMARY: 'PRIMARY',
  JUNIOR_SECONDARY: 'JUNIOR_SECONDARY',
  SENIOR_SECONDARY: 'SENIOR_SECONDARY',
  VOCATIONAL: 'VOCATIONAL',
  UNIVERSITY: 'BACHELOR',
};

/** Enrolment records reach back to school ages up to this in the school year of the reference date. */
const OLDEST_RECORDED_SCHOOL_AGE = 22;

interface SchoolLife {
  enrolments: EnrolmentRow[];
  degree: { level: DegreeLevel; year: number | null } | null;
}

/**
 * The enrolments of someone of school age in the seeded school year (3 to 22): each stage completed is GRADUATED,
 * the one under way ENROLLED (LEFT if they died or emigrated during it), a stage left early LEFT; and the degree
 * those stages give. Null above that age, whose schooling predates the records.
 */
function recordedSchoolLife(rng: Rng, person: WorldPerson, regionCode: string): SchoolLife | null {
  const age = schoolAge(person.birthDate, SEEDED_SCHOOL_YEAR);
  if (age > OLDEST_RECORDED_SCHOOL_AGE) return null;
  const life: SchoolLife = { enrolments: [], degree: { level: 'NONE', year: null } };
  if (age < 3) return life;
  const lastYear = person.statusDate ? schoolYearOf(person.statusDate) : SEEDED_SCHOOL_YEAR;
  const stages = plannedStages(rng, regionCode);
  for (const [i, stage] of stages.entries()) {
    const startYear = SEEDED_SCHOOL_YEAR - age + stage.startAge;
    if (startYear > lastYear) break;
    const completedIn = startYear + stage.years;
    const row: EnrolmentRow = {
      id: opaqueId('E', 0, person.index * 8 + i),
      personId: person.id,
      schoolCode: stage.schoolCode,
      regionCode: stage.regionCode,
      grade: stage.years,
      startYear,
      endYear: completedIn,
      status: 'GRADUATED',
      activeSchoolCode: null,
      naturalKey: null,
      version: 1,
    };
    const leftIn = rng.chance(stage.leaving) ? startYear + rng.int(0, stage.years - 1) : null;
    if (leftIn !== null && leftIn <= lastYear) {
      life.enrolments.push({ ...row, grade: leftIn - startYear + 1, endYear: leftIn, status: 'LEFT' });
      break;
    }
    if (completedIn > lastYear) {
      // Still at this stage in the last school year of their record.
      const grade = lastYear - startYear + 1;
      if (person.status === 'LIVING') life.enrolments.push({ ...row, grade, endYear: null, status: 'ENROLLED', activeSchoolCode: row.schoolCode });
      else life.enrolments.push({ ...row, grade, endYear: Number(person.statusDate!.slice(0, 4)), status: 'LEFT' });
      break;
    }
    life.enrolments.push(row);
    // Kindergarten is no degree; a 3-year vocational college gives a higher vocational one.
    if (stage.level !== 'KINDERGARTEN') life.degree = { level: stage.years === 3 && stage.level === 'UNIVERSITY' ? 'VOCATIONAL' : DEGREE_OF[stage.level], year: completedIn };
  }
  return life;
}

type Weighted<T> = readonly (readonly [T, number])[];

/** Highest degree by age band (per mille), after China's 2020 census: the young far better schooled than the old. */
const DEGREES_BY_AGE: readonly (readonly [number, Weighted<DegreeLevel>])[] = [
  [29, [['NONE', 5], ['PRIMARY', 30], ['JUNIOR_SECONDARY', 250], ['SENIOR_SECONDARY', 170], ['VOCATIONAL', 220], ['BACHELOR', 280], ['MASTER', 40], ['DOCTORATE', 5]]],
  [39, [['NONE', 10], ['PRIMARY', 60], ['JUNIOR_SECONDARY', 350], ['SENIOR_SECONDARY', 160], ['VOCATIONAL', 160], ['BACHELOR', 220], ['MASTER', 35], ['DOCTORATE', 5]]],
  [49, [['NONE', 20], ['PRIMARY', 150], ['JUNIOR_SECONDARY', 420], ['SENIOR_SECONDARY', 160], ['VOCATIONAL', 110], ['BACHELOR', 120], ['MASTER', 17], ['DOCTORATE', 3]]],
  [59, [['NONE', 40], ['PRIMARY', 250], ['JUNIOR_SECONDARY', 400], ['SENIOR_SECONDARY', 170], ['VOCATIONAL', 60], ['BACHELOR', 70], ['MASTER', 8], ['DOCTORATE', 2]]],
  [69, [['NONE', 80], ['PRIMARY', 380], ['JUNIOR_SECONDARY', 330], ['SENIOR_SECONDARY', 130], ['VOCATIONAL', 30], ['BACHELOR', 45], ['MASTER', 4], ['DOCTORATE', 1]]],
  [79, [['NONE', 180], ['PRIMARY', 450], ['JUNIOR_SECONDARY', 220], ['SENIOR_SECONDARY', 90], ['VOCATIONAL', 20], ['BACHELOR', 35], ['MASTER', 4], ['DOCTORATE', 1]]],
  [Infinity, [['NONE', 350], ['PRIMARY', 400], ['JUNIOR_SECONDARY', 140], ['SENIOR_SECONDARY', 60], ['VOCATIONAL', 15], ['BACHELOR', 30], ['MASTER', 4], ['DOCTORATE', 1]]],
];

/** Usual age on completing each level. */
const COMPLETION_AGE: Readonly<Record<DegreeLevel, number>> = {
  NONE: 0,
  PRIMARY: 12,
  JUNIOR_SECONDARY: 15,
  SENIOR_SECONDARY: 18,
  VOCATIONAL: 19,
  BACHELOR: 22,
  MASTER: 25,
  DOCTORATE: 29,
};
const DEGREE_ORDER: readonly DegreeLevel[] = ['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'BACHELOR', 'MASTER', 'DOCTORATE'];

/** A degree for someone whose schooling predates the records, drawn for their age, completed at a usual age. */
function drawnDegree(rng: Rng, person: WorldPerson): { level: DegreeLevel; year: number | null } {
  const age = schoolAge(person.birthDate, SEEDED_SCHOOL_YEAR);
  let level = rng.weighted(DEGREES_BY_AGE.find(([upTo]) => age <= upTo)![1]);
  // Nobody holds a degree younger than people usually complete it.
  while (COMPLETION_AGE[level] > age) level = DEGREE_ORDER[DEGREE_ORDER.indexOf(level) - 1]!;
  if (level === 'NONE') return { level, year: null };
  const birthYear = Number(person.birthDate.slice(0, 4));
  const year = Math.min(SEEDED_SCHOOL_YEAR, birthYear + COMPLETION_AGE[level] + rng.int(0, level === 'DOCTORATE' ? 4 : 1));
  return { level, year };
}

// ---------------------------------------------------------------------------------------------
// Teachers and staff.

/** Chance that a working-age adult works at a school, by their degree: about 1.3% of all persons. */
const SCHOOL_POST_CHANCE: Readonly<Record<DegreeLevel, number>> = {
  NONE: 0,
  PRIMARY: 0.002,
  JUNIOR_SECONDARY: 0.003,
  SENIOR_SECONDARY: 0.015,
  VOCATIONAL: 0.025,
  BACHELOR: 0.05,
  MASTER: 0.08,
  DOCTORATE: 0.2,
};

/** Who teaches: the share of school posts held by teachers for each degree, and the levels they teach at. */
const TEACHING: Partial<Readonly<Record<DegreeLevel, { share: number; levels: Weighted<SchoolLevel> }>>> = {
  SENIOR_SECONDARY: { share: 0.5, levels: [['KINDERGARTEN', 70], ['PRIMARY', 30]] },
  VOCATIONAL: { share: 0.5, levels: [['KINDERGARTEN', 60], ['PRIMARY', 25], ['VOCATIONAL', 15]] },
  BACHELOR: { share: 0.9, levels: [['KINDERGARTEN', 10], ['PRIMARY', 40], ['JUNIOR_SECONDARY', 28], ['SENIOR_SECONDARY', 14], ['VOCATIONAL', 5], ['UNIVERSITY', 3]] },
  MASTER: { share: 0.9, levels: [['PRIMARY', 15], ['JUNIOR_SECONDARY', 20], ['SENIOR_SECONDARY', 25], ['VOCATIONAL', 5], ['UNIVERSITY', 35]] },
  DOCTORATE: { share: 0.9, levels: [['SENIOR_SECONDARY', 10], ['UNIVERSITY', 90]] },
};

/** Staff (administration, catering, maintenance) work at every level, in proportion to the number of schools. */
const STAFF_LEVELS: Weighted<SchoolLevel> = [['KINDERGARTEN', 45], ['PRIMARY', 30], ['JUNIOR_SECONDARY', 12], ['SENIOR_SECONDARY', 6], ['VOCATIONAL', 3], ['UNIVERSITY', 4]];

/** A post at a school in the person's region (universities: rather in their city) for a few working-age adults. */
function staffPost(rng: Rng, person: WorldPerson, degree: { level: DegreeLevel; year: number | null }, regionCode: string): StaffMemberRow | null {
  const age = schoolAge(person.birthDate, SEEDED_SCHOOL_YEAR);
  if (person.status !== 'LIVING' || age < 22 || age > 60 || !rng.chance(SCHOOL_POST_CHANCE[degree.level])) return null;
  const teaching = TEACHING[degree.level];
  const teaches = teaching !== undefined && rng.chance(teaching.share);
  const level = rng.weighted(teaches ? teaching.levels : STAFF_LEVELS);
  const postgraduate = degree.level === 'MASTER' || degree.level === 'DOCTORATE';
  const code = level === 'UNIVERSITY' ? UNIVERSITY_CODES.get(pickUniversity(rng, regionCode, !postgraduate && rng.chance(0.5)))! : rng.pick(catchment(level, regionCode));
  const firstYear = Math.min(SEEDED_SCHOOL_YEAR, Math.max(degree.year ?? 0, Number(person.birthDate.slice(0, 4)) + 20));
  // Most join at the start of a school year.
  const month = rng.chance(0.8) ? 9 : rng.int(1, 12);
  return {
    id: opaqueId('T', 0, person.index),
    personId: person.id,
    schoolCode: code,
    regionCode: code.slice(1, 7),
    role: teaches ? 'TEACHER' : 'STAFF',
    since: `${rng.int(firstYear, SEEDED_SCHOOL_YEAR)}-${String(month).padStart(2, '0')}-01`,
    version: 1,
  };
}

// ---------------------------------------------------------------------------------------------

export function educationRows(chunk: WorldChunk) {
  const enrolments: EnrolmentRow[] = [];
  const degrees: DegreeRow[] = [];
  const staff: StaffMemberRow[] = [];
  for (const household of chunk.households) {
    for (const person of household.members) {
      // The person ID already encodes the world's seed: one independent stream per person.
      const rng = rngFor(0, 'education', person.id);
      // Children go to school where their household lives (floating population included).
      const recorded = recordedSchoolLife(rng, person, household.regionCode);
      const degree = recorded?.degree ?? drawnDegree(rng, person);
      if (recorded) enrolments.push(...recorded.enrolments);
      degrees.push({ personId: person.id, level: degree.level, year: degree.year, version: 1 });
      const post = staffPost(rng, person, degree, household.regionCode);
      if (post) staff.push(post);
    }
  }
  return [
    [Enrolment, enrolments],
    [Degree, degrees],
    [StaffMember, staff],
  ] as const;
}

export const seed: DomainSeed = {
  reference: () => [[School, [...schoolRows()]]],
  fromChunk: educationRows,
};
