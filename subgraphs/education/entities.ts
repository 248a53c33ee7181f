/**
 * The education department's records: schools, enrolments, teachers and staff, and highest degrees. Persons are
 * referenced by their person ID (a plain key into the population register, no cross-table FKs).
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { doubleColumn as coordinate } from '../kit/columns';


export const School = defineEntity({
  name: 'School',
  tableName: 'school',
  properties: {
    code: p.string().primary().length(10),
    name: p.string().length(64).index(),
    level: p.string().length(16).index(),
    type: p.string().length(8),
    /** County or district code of the school. */
    regionCode: p.string().length(6).index(),
    /** Prefecture-level code above it (itself for county-level units under the province); for city-wide lists. */
    cityCode: p.string().length(6).index(),
    lon: coordinate(),
    lat: coordinate(),
    version: p.integer().version(),
  },
});
export type SchoolRow = InferEntity<typeof School>;

export const Enrolment = defineEntity({
  name: 'Enrolment',
  tableName: 'enrolment',
  properties: {
    id: p.string().primary().length(16),
    personId: p.string().length(16).index(),
    schoolCode: p.string().length(10),
    /** The school's county or district, so that region-limited sharing grants can select enrolments. */
    regionCode: p.string().length(6).index(),
    grade: p.integer(),
    startYear: p.integer().index(),
    endYear: p.integer().nullable(),
    status: p.string().length(10).index(),
    /**
     * The school code while ENROLLED, null afterwards: the unique index on (personId, activeSchoolCode) keeps a
     * person from being enrolled twice at one school at a time, even when two requests race.
     */
    activeSchoolCode: p.string().length(10).nullable(),
    /**
     * For an enrolment a school reported in a file (import.ts): its natural key, school code, person ID and start
     * year, e.g. 2460105001/P0A1B2C3D/2025; a re-delivered enrolment is recognised by it. Null for enrolments
     * recorded through the graph or seeded.
     */
    naturalKey: p.string().length(32).nullable().unique(),
    version: p.integer().version(),
  },
  indexes: [{ properties: ['schoolCode', 'id'] }],
  uniques: [{ properties: ['personId', 'activeSchoolCode'] }],
});
export type EnrolmentRow = InferEntity<typeof Enrolment>;

export const StaffMember = defineEntity({
  name: 'StaffMember',
  tableName: 'staff_member',
  properties: {
    id: p.string().primary().length(16),
    personId: p.string().length(16).index(),
    schoolCode: p.string().length(10).index(),
    regionCode: p.string().length(6),
    role: p.string().length(8),
    since: p.string().length(10),
    version: p.integer().version(),
  },
});
export type StaffMemberRow = InferEntity<typeof StaffMember>;

/** A person's highest completed level of education; one row per person the department knows. */
export const Degree = defineEntity({
  name: 'Degree',
  tableName: 'degree',
  properties: {
    personId: p.string().primary().length(16),
    level: p.string().length(18),
    year: p.integer().nullable(),
    version: p.integer().version(),
  },
});
export type DegreeRow = InferEntity<typeof Degree>;

export const entities = [School, Enrolment, StaffMember, Degree];

// ---------------------------------------------------------------------------------------------
// The school system the records describe.

export type SchoolLevel = 'KINDERGARTEN' | 'PRIMARY' | 'JUNIOR_SECONDARY' | 'SENIOR_SECONDARY' | 'VOCATIONAL' | 'UNIVERSITY';

/** How many grades (years of study) each level teaches: a grade is 1 up to this. */
export const GRADES: Readonly<Record<SchoolLevel, number>> = {
  KINDERGARTEN: 3,
  PRIMARY: 6,
  JUNIOR_SECONDARY: 3,
  SENIOR_SECONDARY: 3,
  VOCATIONAL: 3,
  UNIVERSITY: 5,
};

/** The first digit of a school code names the school's level. */
export const LEVEL_DIGIT: Readonly<Record<SchoolLevel, string>> = {
  KINDERGARTEN: '1',
  PRIMARY: '2',
  JUNIOR_SECONDARY: '3',
  SENIOR_SECONDARY: '4',
  VOCATIONAL: '5',
  UNIVERSITY: '6',
};

/** A school code: level digit, the 6-digit code of a Hainan county or district (46xxxx), a 3-digit sequence from 001. */
export function schoolCode(level: SchoolLevel, regionCode: string, sequence: number): string {
  return `${LEVEL_DIGIT[level]}${regionCode}${String(sequence).padStart(3, '0')}`;
}

export type DegreeLevel = 'NONE' | 'PRIMARY' | 'JUNIOR_SECONDARY' | 'SENIOR_SECONDARY' | 'VOCATIONAL' | 'BACHELOR' | 'MASTER' | 'DOCTORATE';
