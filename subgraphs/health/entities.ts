/**
 * The resident health records of the health commission: one record per person, with chronic conditions,
 * vaccinations and encounters, and the register of health facilities. Persons are referenced by plain key.
 * Every child row repeats its record's region code: region-limited sharing grants filter on it.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { doubleColumn as coordinate } from '../kit/columns';


export const HealthFacility = defineEntity({
  name: 'HealthFacility',
  tableName: 'health_facility',
  properties: {
    /** Region code, kind letter and sequence, e.g. 460106H01. */
    code: p.string().primary().length(9),
    name: p.string().length(64),
    level: p.string().length(10),
    type: p.string().length(24),
    regionCode: p.string().length(6).index(),
    lon: coordinate(),
    lat: coordinate(),
  },
});
export type HealthFacilityRow = InferEntity<typeof HealthFacility>;

export const HealthRecord = defineEntity({
  name: 'HealthRecord',
  tableName: 'health_record',
  properties: {
    id: p.string().primary().length(10),
    personId: p.string().length(16).unique(),
    /** County or district of the person's household (or, for a record opened at a facility, of that facility). */
    regionCode: p.string().length(6).index(),
    /** ABO group and RhD, e.g. "A+"; null when never typed. */
    bloodType: p.string().length(3).nullable(),
    allergies: p.json<string[]>(),
    insuranceScheme: p.string().length(24).nullable(),
    insuranceEnrolledOn: p.string().length(10).nullable(),
    insuranceActive: p.boolean().nullable(),
    version: p.integer().version(),
  },
});
export type HealthRecordRow = InferEntity<typeof HealthRecord>;

export const ChronicCondition = defineEntity({
  name: 'ChronicCondition',
  tableName: 'chronic_condition',
  properties: {
    recordId: p.string().primary().length(10),
    /** ICD-10 category, e.g. I10. */
    code: p.string().primary().length(5),
    regionCode: p.string().length(6),
    diagnosedOn: p.string().length(10),
  },
  // Finding the records with a condition reads only this index.
  indexes: [{ properties: ['code', 'recordId'] }],
});
export type ChronicConditionRow = InferEntity<typeof ChronicCondition>;

export const Vaccination = defineEntity({
  name: 'Vaccination',
  tableName: 'vaccination',
  properties: {
    id: p.string().primary().length(10),
    recordId: p.string().length(10).index(),
    regionCode: p.string().length(6),
    vaccine: p.string().length(16),
    dose: p.integer(),
    date: p.string().length(10),
    facilityCode: p.string().length(9),
  },
  indexes: [{ properties: ['vaccine', 'recordId'] }],
});
export type VaccinationRow = InferEntity<typeof Vaccination>;

export const Encounter = defineEntity({
  name: 'Encounter',
  tableName: 'encounter',
  properties: {
    id: p.string().primary().length(10),
    recordId: p.string().length(10).index(),
    regionCode: p.string().length(6),
    date: p.string().length(10),
    facilityCode: p.string().length(9),
    type: p.string().length(10),
    /** ICD-10 codes, principal diagnosis first. */
    diagnoses: p.json<string[]>(),
    /**
     * For an encounter a facility reported in a file (import.ts): its natural key, the facility's code and the
     * facility's own encounter number (门诊号/住院号), e.g. 460106H01/MZ2025000123; a re-delivered encounter is
     * recognised by it. Null for encounters recorded through the graph or seeded.
     */
    naturalKey: p.string().length(42).nullable().unique(),
  },
});
export type EncounterRow = InferEntity<typeof Encounter>;

export const entities = [HealthFacility, HealthRecord, ChronicCondition, Vaccination, Encounter];
