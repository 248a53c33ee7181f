/** The education department's vocabulary: schools, enrolments, teachers and staff, degrees, and how they are found. */
import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException, type EntitySchema, type FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import { paginate } from '../kit/pagination';
import { REGION_CODE, inRegion, regionScope } from '../kit/region-codes';
import { PERSON, assertReferencesExist } from '../kit/references';
import { restrict, type DataAccess } from '../kit/scope';
import { notFound, runMutation, updateVersioned } from '../kit/writes';
import type { EnrolmentFilter, Resolvers, SchoolFilter, SchoolLevel as SchoolLevelArg } from './__generated__/resolvers';
import { Enrolment, GRADES, LEVEL_DIGIT, School, type EnrolmentRow, type SchoolLevel, type SchoolRow } from './entities';
import type { EducationContext } from './loaders';
import { regionIndicators, statisticsQuery } from './statistics';

/** The first school year the department's records can hold. */
export const EARLIEST_SCHOOL_YEAR = 1950;
const PERSON_ID = /^[A-Za-z0-9]{1,16}$/;
const SCHOOL_CODE = /^(\d)(46\d{4})(\d{3})$/;
const LEVEL_DIGITS = new Set(Object.values(LEVEL_DIGIT));

// ---------------------------------------------------------------------------------------------
// Validators: each names the argument and says what a good value looks like.

export function validSchoolCode(argument: string, code: string): string {
  const match = SCHOOL_CODE.exec(code);
  if (!match) throw badInput(argument, 'a school code has 10 digits: the level digit, the 6-digit code of a Hainan county or district (46xxxx) and a 3-digit number, e.g. 2460105001.');
  if (!LEVEL_DIGITS.has(match[1]!)) throw badInput(argument, `the first digit names the school level and must be 1 to 6, not ${match[1]}.`);
  if (match[3] === '000') throw badInput(argument, 'the last 3 digits number the school from 001.');
  return code;
}

export function validRegionCode(argument: string, code: string): string {
  if (!REGION_CODE.test(code)) throw badInput(argument, 'a region code has 6 digits (GB/T 2260), e.g. 460100.');
  return code;
}

export function validPersonId(argument: string, id: string): string {
  if (!PERSON_ID.test(id)) throw badInput(argument, 'a person ID is 1 to 16 letters and digits, as the population register issues it.');
  return id;
}

export function validGrade(argument: string, level: SchoolLevel, grade: number): number {
  const last = GRADES[level];
  if (!Number.isInteger(grade) || grade < 1 || grade > last) throw badInput(argument, `a ${level} school teaches grades 1 to ${last}, not ${grade}.`);
  return grade;
}

/** A school year's start: from the first year on record to next year (enrolments are made ahead of September). */
export function validStartYear(argument: string, year: number, today = new Date()): number {
  const latest = today.getUTCFullYear() + 1;
  if (!Number.isInteger(year) || year < EARLIEST_SCHOOL_YEAR || year > latest) throw badInput(argument, `give the calendar year the school year starts in, from ${EARLIEST_SCHOOL_YEAR} to ${latest}, not ${year}.`);
  return year;
}

/** A graduation year: not in the future, and (when the enrolment is known) not before it started. */
export function validEndYear(argument: string, endYear: number, startYear: number | null, today = new Date()): number {
  const latest = today.getUTCFullYear();
  if (!Number.isInteger(endYear) || endYear < EARLIEST_SCHOOL_YEAR || endYear > latest) throw badInput(argument, `give the calendar year of graduation, from ${EARLIEST_SCHOOL_YEAR} to ${latest}, not ${endYear}.`);
  if (startYear !== null && endYear < startYear) throw badInput(argument, `the enrolment started in ${startYear}; it cannot end in ${endYear}, before it began.`);
  return endYear;
}

function validNamePrefix(argument: string, prefix: string): string {
  if (prefix.length === 0 || prefix.length > 32) throw badInput(argument, 'give 1 to 32 characters.');
  return prefix;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------
// Filters: the SQL conditions, and the fields they read (each must be readable in full by the caller).

interface Filter<T> {
  where: FilterQuery<T>;
  fields: string[];
}

function filterOf<T>(parts: [FilterQuery<T>, string][]): Filter<T> {
  const where = parts.map(([condition]) => condition);
  return { where: (where.length === 0 ? {} : where.length === 1 ? where[0] : { $and: where }) as FilterQuery<T>, fields: [...new Set(parts.map(([, field]) => field))] };
}


export function schoolWhere(filter: SchoolFilter | null | undefined): Filter<SchoolRow> {
  const parts: [FilterQuery<SchoolRow>, string][] = [];
  if (filter?.regionCode != null) parts.push([inRegion<SchoolRow>('filter.regionCode', filter.regionCode), 'regionCode']);
  if (filter?.level != null) parts.push([{ level: filter.level }, 'level']);
  if (filter?.type != null) parts.push([{ type: filter.type }, 'type']);
  if (filter?.namePrefix != null) parts.push([{ name: { $like: `${escapeLike(validNamePrefix('filter.namePrefix', filter.namePrefix))}%` } }, 'name']);
  return filterOf(parts);
}

export function enrolmentWhere(filter: EnrolmentFilter | null | undefined): Filter<EnrolmentRow> {
  const parts: [FilterQuery<EnrolmentRow>, string][] = [];
  if (filter?.schoolCode != null) parts.push([{ schoolCode: validSchoolCode('filter.schoolCode', filter.schoolCode) }, 'schoolCode']);
  if (filter?.status != null) parts.push([{ status: filter.status }, 'status']);
  if (filter?.startYear != null) parts.push([{ startYear: validStartYear('filter.startYear', filter.startYear) }, 'startYear']);
  return filterOf(parts);
}

/** A filter may only touch rows where the caller can read every filtered field in full: no probing. */
function readableWhere<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, { where, fields }: Filter<T>): FilterQuery<T> {
  if (fields.length === 0) return where;
  return { $and: [where, data.readable(entity, fields)] } as FilterQuery<T>;
}

/** A region's schools: a county's or a city's through the batching loaders, the province's in one page query. */
function schoolsIn(ctx: EducationContext, code: string, level: SchoolLevelArg | null | undefined, args: { first?: number | null; after?: string | null }) {
  const where = readableWhere(ctx.data, School, schoolWhere({ level }));
  const scope = regionScope(validRegionCode('code', code));
  if (scope.level === 'province') return paginate(ctx.data, School, { $and: [where, inRegion<SchoolRow>('code', code)] }, args, { key: 'code' });
  if (scope.level === 'city') return ctx.loaders.schoolPagesByCity(scope.code, args, where);
  return ctx.loaders.schoolPagesByCounty(scope.code, args, where);
}

// ---------------------------------------------------------------------------------------------
// Writes.

/** A new enrolment's ID: 'E' and 15 random hex digits (seeded enrolments have 9 characters, so never collide). */
export function newEnrolmentId(): string {
  return `E${randomBytes(8).toString('hex').slice(0, 15).toUpperCase()}`;
}

function alreadyEnrolled(schoolCode: string, enrolmentId?: string): Error {
  return badInput('input.personId', `the person is already enrolled at school ${schoolCode}${enrolmentId ? ` (enrolment ${enrolmentId})` : ''}; graduate them there first.`);
}

export const resolvers: Resolvers = {
  Query: {
    ...statisticsQuery,
    school: (_, { code }, { loaders }) => loaders.schoolByCode.load(validSchoolCode('code', code)),
    schools: (_, { filter, first, after }, { data }) => paginate(data, School, readableWhere(data, School, schoolWhere(filter)), { first, after }, { key: 'code' }),
    enrolment: (_, { id }, { loaders }) => loaders.enrolmentById.load(id),
    enrolments: (_, { filter, first, after }, { data }) => paginate(data, Enrolment, readableWhere(data, Enrolment, enrolmentWhere(filter)), { first, after }),
  },
  Mutation: {
    enrolStudent: async (_, { input, idempotencyKey }, ctx) => {
      const personId = validPersonId('input.personId', input.personId);
      const schoolCode = validSchoolCode('input.schoolCode', input.schoolCode);
      const startYear = validStartYear('input.startYear', input.startYear);
      const spec = {
        operation: 'enrolStudent',
        event: 'StudentEnrolled',
        returns: 'Enrolment',
        writes: [{ type: 'Enrolment', action: 'create' as const, fields: ['id', 'version', 'person', 'school', 'schoolCode', 'regionCode', 'grade', 'startYear', 'status'] }],
      };
      return runMutation(ctx, spec, input, idempotencyKey, async (em) => {
        const where = restrict<SchoolRow>({ code: schoolCode }, ctx.data.visible(School));
        const school = where && (await em.findOne(School, where, { disableIdentityMap: true }));
        if (!school) throw badInput('input.schoolCode', `no school has the code ${schoolCode}.`);
        const grade = validGrade('input.grade', school.level as SchoolLevel, input.grade);
        await assertReferencesExist(ctx, PERSON, [personId], 'input.personId');
        const active = await em.findOne(Enrolment, { personId, activeSchoolCode: schoolCode }, { disableIdentityMap: true });
        if (active) throw alreadyEnrolled(schoolCode, active.id);
        const enrolment: EnrolmentRow = {
          id: newEnrolmentId(),
          personId,
          schoolCode,
          regionCode: school.regionCode,
          grade,
          startYear,
          endYear: null,
          status: 'ENROLLED',
          activeSchoolCode: schoolCode,
          naturalKey: null,
          version: 1,
        };
        try {
          await em.insert(Enrolment, enrolment);
        } catch (error) {
          // A concurrent request enrolled the same person at the same school first.
          if (error instanceof UniqueConstraintViolationException) throw alreadyEnrolled(schoolCode);
          throw error;
        }
        return enrolment;
      });
    },
    graduateStudent: async (_, { enrolmentId, expectedVersion, endYear, idempotencyKey }, ctx) => {
      validEndYear('endYear', endYear, null);
      const spec = { operation: 'graduateStudent', event: 'StudentGraduated', returns: 'Enrolment', writes: [{ type: 'Enrolment', action: 'update' as const, fields: ['endYear', 'status', 'version'] }] };
      return runMutation(ctx, spec, { enrolmentId, expectedVersion, endYear }, idempotencyKey, async (em) => {
        const where = restrict<EnrolmentRow>({ id: enrolmentId }, ctx.data.visible(Enrolment));
        const current = where && (await em.findOne(Enrolment, where, { disableIdentityMap: true }));
        if (!current) throw notFound('Enrolment', enrolmentId);
        // A stale version is answered with CONFLICT first: the caller's view of the record is out of date.
        if (current.version === expectedVersion) {
          if (current.status !== 'ENROLLED') throw badInput('enrolmentId', `only an ENROLLED enrolment can graduate; this one is ${current.status} since ${current.endYear}.`);
          validEndYear('endYear', endYear, current.startYear);
        }
        return updateVersioned(em, Enrolment, { id: enrolmentId }, enrolmentId, expectedVersion, { status: 'GRADUATED', endYear, activeSchoolCode: null });
      });
    },
  },
  School: {
    __resolveReference: (ref, { loaders }) => loaders.schoolByCode.load(ref.code),
    region: (school) => ({ code: school.regionCode }),
    location: (school) => ({ type: 'Point', coordinates: [school.lon, school.lat] }),
    enrolments: (school, { first, after }, { loaders }) => loaders.enrolmentPagesBySchool(school.code, { first, after }),
    staff: (school, _, { loaders }) => loaders.staffBySchool.load(school.code),
  },
  StaffMember: {
    person: (member) => ({ id: member.personId }),
  },
  Enrolment: {
    __resolveReference: (ref, { loaders }) => loaders.enrolmentById.load(ref.id),
    person: (enrolment) => ({ id: enrolment.personId }),
    school: (enrolment, _, { loaders }) => loaders.schoolByCode.load(enrolment.schoolCode),
  },
  Person: {
    // Any person ID may be asked for; a person the department has no record of simply has none.
    __resolveReference: (ref) => ({ id: ref.id }),
    enrolments: (person, _, { loaders }) => loaders.enrolmentsByPerson.load(person.id),
    highestDegree: (person, _, { loaders }) => loaders.degreeByPerson.load(person.id),
  },
  Region: {
    ...regionIndicators,
    schools: (region, { first, after, level }, ctx) => schoolsIn(ctx, region.code, level, { first, after }),
  },
};
