/**
 * Health rows from the synthetic world: the facility register as reference data, and per living person (each on
 * their own random stream, so other domains are unaffected) a resident health record at about the province's
 * coverage, with chronic conditions rising with age, the childhood vaccination schedule, last year's encounters
 * and basic medical insurance enrolment.
 */
import type { DomainSeed } from '../kit/subgraph';
import { opaqueId, rngFor, type Rng } from '../kit/world/rng';
import type { WorldChunk, WorldPerson } from '../kit/world/world';
import { ChronicCondition, Encounter, HealthFacility, HealthRecord, Vaccination, type ChronicConditionRow, type EncounterRow, type HealthFacilityRow, type HealthRecordRow, type VaccinationRow } from './entities';
import { facilityRegister, type RegionFacilities } from './facilities';
import { VACCINES } from './vocabulary';

/** The world's reference date (generateWorld's default): every seeded event happened before it. */
const WORLD_TODAY = '2026-01-01';
/**
 * Seeded IDs are permutations of the person index, which is unique within a world (fromChunk is not given the
 * world's seed, and needs none: person IDs already differ between seeds). Records created later take indexes
 * from the upper half of the ID space (see resolvers.ts), which the seed never reaches.
 */
export const HEALTH_ID_KEY = 0;
export const RECORD_PREFIX = 'HR';
export const ENCOUNTER_PREFIX = 'EN';
export const VACCINATION_PREFIX = 'VX';
const ENCOUNTERS_PER_PERSON = 16;
const VACCINATIONS_PER_PERSON = 32;

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const TODAY = dayOf(WORLD_TODAY);
const DAYS_PER_MONTH = 30.44;
const DAYS_PER_YEAR = 365.2425;

// Coverage of the resident health records (居民健康档案建档率) and of basic medical insurance.
const RECORD_SHARE_CHILD = 0.97;
const RECORD_SHARE_ADULT = 0.915;
const INSURED_SHARE = 0.95;

/** Share of persons with each chronic condition, by age from [min age]: prevalence rises with age. */
const CHRONIC_PREVALENCE: readonly (readonly [string, readonly (readonly [number, number])[]])[] = [
  ['I10', [[18, 0.02], [40, 0.08], [50, 0.17], [60, 0.28], [70, 0.36]]],
  ['E11', [[18, 0.01], [40, 0.04], [50, 0.09], [60, 0.14], [70, 0.16]]],
  ['J44', [[40, 0.02], [60, 0.05], [70, 0.08]]],
  ['I25', [[50, 0.02], [60, 0.05], [70, 0.09]]],
  ['N18', [[40, 0.015], [60, 0.04]]],
];

function prevalence(bands: readonly (readonly [number, number])[], age: number): number {
  let share = 0;
  for (const [from, p] of bands) if (age >= from) share = p;
  return share;
}

const BLOOD_TYPES = [['O+', 33.9], ['A+', 27.9], ['B+', 28.9], ['AB+', 9.0], ['O-', 0.11], ['A-', 0.09], ['B-', 0.09], ['AB-', 0.03]] as const;
const ALLERGENS = [['青霉素', 30], ['头孢类抗生素', 12], ['磺胺类药物', 10], ['阿司匹林', 6], ['海鲜', 18], ['花粉', 8], ['尘螨', 10], ['花生', 4], ['乳胶', 2]] as const;

const ACUTE_ADULT = [['J06', 30], ['J20', 10], ['K29', 14], ['A09', 8], ['M54', 10], ['R10', 6], ['R50', 5], ['L30', 5], ['H10', 3], ['J10', 6], ['R05', 3], ['E78', 5], ['K21', 4]] as const;
const ACUTE_CHILD = [['J06', 45], ['A09', 15], ['R50', 15], ['B01', 6], ['J10', 10], ['H10', 4], ['J20', 5]] as const;
const INPATIENT_OLD = [['I63', 25], ['J18', 25], ['S72', 10], ['I50', 15], ['I21', 10], ['C34', 5], ['K80', 10]] as const;
const INPATIENT_ADULT = [['K35', 25], ['K80', 20], ['J18', 20], ['C22', 5], ['S72', 5], ['I63', 10], ['A15', 5]] as const;
const EMERGENCY = [['S06', 25], ['T14', 35], ['R10', 25], ['A90', 10], ['I21', 5]] as const;

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  return rng.weighted(items);
}

/** A day in the year before the world's today, not before `from`. */
function dayInLastYear(rng: Rng, from: number): number {
  return rng.int(Math.max(from, TODAY - 365), TODAY - 1);
}

interface PersonHealth {
  record: HealthRecordRow;
  conditions: ChronicConditionRow[];
  vaccinations: VaccinationRow[];
  encounters: EncounterRow[];
}

function insurance(rng: Rng, age: number, birthDay: number, urban: boolean): Pick<HealthRecordRow, 'insuranceScheme' | 'insuranceEnrolledOn' | 'insuranceActive'> {
  if (!rng.chance(INSURED_SHARE)) return { insuranceScheme: null, insuranceEnrolledOn: null, insuranceActive: null };
  const employeeShare = age < 18 ? 0 : age < 60 ? (urban ? 0.55 : 0.3) : urban ? 0.35 : 0.15;
  const active = rng.chance(0.98);
  if (rng.chance(employeeShare)) {
    // Employee insurance began in December 1998; enrolled with a first job.
    const firstJob = birthDay + Math.round(rng.int(18, 28) * DAYS_PER_YEAR);
    const day = Math.min(TODAY - 1, Math.max(dayOf('1998-12-01'), firstJob + rng.int(0, 364)));
    return { insuranceScheme: 'URBAN_EMPLOYEE', insuranceEnrolledOn: dateOf(day), insuranceActive: active };
  }
  // The integrated urban and rural resident scheme dates from 2017 in Hainan; newborns enrol in their first months.
  const day = Math.min(TODAY - 1, Math.max(dayOf('2017-01-01') + rng.int(0, 60), birthDay + rng.int(10, 120)));
  return { insuranceScheme: 'URBAN_RURAL_RESIDENT', insuranceEnrolledOn: dateOf(day), insuranceActive: active };
}

function personHealth(person: WorldPerson, regionCode: string, facilities: RegionFacilities, tertiary: readonly HealthFacilityRow[], urban: boolean): PersonHealth | null {
  const rng = rngFor(HEALTH_ID_KEY, 'health', person.id);
  const birthDay = dayOf(person.birthDate);
  const age = Math.floor((TODAY - birthDay) / DAYS_PER_YEAR);
  if (!rng.chance(age < 15 ? RECORD_SHARE_CHILD : RECORD_SHARE_ADULT)) return null;

  const recordId = opaqueId(RECORD_PREFIX, HEALTH_ID_KEY, person.index);
  const home = rng.pick(facilities.primary); // the centre of the person's family doctor and vaccination clinic
  const allergies: string[] = [];
  if (rng.chance(0.09)) {
    allergies.push(weighted(rng, ALLERGENS));
    if (rng.chance(0.25)) {
      const second = weighted(rng, ALLERGENS);
      if (second !== allergies[0]) allergies.push(second);
    }
  }
  const record: HealthRecordRow = {
    id: recordId,
    personId: person.id,
    regionCode,
    bloodType: rng.chance(0.85) ? weighted(rng, BLOOD_TYPES) : null,
    allergies,
    ...insurance(rng, age, birthDay, urban),
    version: 1,
  };

  const conditions: ChronicConditionRow[] = [];
  for (const [code, bands] of CHRONIC_PREVALENCE) {
    if (!rng.chance(prevalence(bands, age))) continue;
    // Diagnosed within the last twenty years, as an adult.
    const earliest = Math.max(birthDay + Math.round(18 * DAYS_PER_YEAR), TODAY - Math.round(20 * DAYS_PER_YEAR));
    conditions.push({ recordId, code, regionCode, diagnosedOn: dateOf(rng.int(Math.min(earliest, TODAY - 2), TODAY - 2)) });
  }

  const vaccinations: VaccinationRow[] = [];
  const vaccinate = (vaccine: string, dose: number, day: number, facilityCode: string) => {
    if (day >= TODAY || vaccinations.length >= VACCINATIONS_PER_PERSON) return;
    const id = opaqueId(VACCINATION_PREFIX, HEALTH_ID_KEY, person.index * VACCINATIONS_PER_PERSON + vaccinations.length);
    vaccinations.push({ id, recordId, regionCode, vaccine, dose, date: dateOf(day), facilityCode });
  };
  if (age < 15) {
    const birthplace = rng.pick(facilities.hospitals);
    for (const v of VACCINES) {
      v.scheduleMonths.forEach((month, i) => {
        const due = birthDay + Math.round(month * DAYS_PER_MONTH);
        if (due >= TODAY || !rng.chance(0.97)) return;
        // Birth doses are given where the child is born, the rest at the vaccination clinic, a few days late at most.
        vaccinate(v.code, i + 1, month === 0 ? due : due + rng.int(0, 20), month === 0 ? birthplace.code : home.code);
      });
    }
    // Hainan vaccinates girls of 13 and 14 against HPV free of charge.
    if (person.gender === 'FEMALE' && age >= 13 && rng.chance(0.55)) vaccinate('HPV', 1, dayInLastYear(rng, birthDay + Math.round(13 * DAYS_PER_YEAR)), home.code);
  } else if (age >= 60 && rng.chance(0.25)) {
    vaccinate('INFLUENZA', 1, rng.int(dayOf('2025-09-15'), TODAY - 10), home.code);
  }

  const encounters: EncounterRow[] = [];
  const encounter = (type: string, day: number, facilityCode: string, diagnoses: string[]) => {
    if (encounters.length >= ENCOUNTERS_PER_PERSON) return;
    const id = opaqueId(ENCOUNTER_PREFIX, HEALTH_ID_KEY, person.index * ENCOUNTERS_PER_PERSON + encounters.length);
    encounters.push({ id, recordId, regionCode, date: dateOf(day), facilityCode, type, diagnoses, naturalKey: null });
  };
  // Chronic patients are followed up at their centre (quarterly in principle; one to three visits recorded last year).
  for (const c of conditions) {
    const others = conditions.filter((o) => o !== c && rng.chance(0.5)).map((o) => o.code);
    for (let i = rng.int(1, 3); i > 0; i--) encounter('OUTPATIENT', dayInLastYear(rng, dayOf(c.diagnosedOn)), home.code, [c.code, ...others]);
  }
  const hospital = () => (rng.chance(0.7) ? rng.pick(facilities.hospitals) : rng.pick(tertiary)).code;
  if (rng.chance(0.22)) {
    const where = rng.chance(0.6) ? home.code : rng.pick(facilities.hospitals).code;
    encounter('OUTPATIENT', dayInLastYear(rng, birthDay), where, [weighted(rng, age < 15 ? ACUTE_CHILD : ACUTE_ADULT)]);
  }
  if (rng.chance(age >= 65 ? 0.08 : 0.02)) {
    const giving = person.gender === 'FEMALE' && age >= 20 && age < 40 && rng.chance(0.5);
    const diagnosis = giving ? 'O80' : age < 15 ? 'J18' : weighted(rng, age >= 60 ? INPATIENT_OLD : INPATIENT_ADULT);
    encounter('INPATIENT', dayInLastYear(rng, birthDay), hospital(), [diagnosis]);
  }
  if (rng.chance(0.02)) encounter('EMERGENCY', dayInLastYear(rng, birthDay), hospital(), [weighted(rng, EMERGENCY)]);

  return { record, conditions, vaccinations, encounters };
}

export function healthRows(chunk: WorldChunk) {
  const { byRegion, tertiary } = facilityRegister();
  const records: HealthRecordRow[] = [];
  const conditions: ChronicConditionRow[] = [];
  const vaccinations: VaccinationRow[] = [];
  const encounters: EncounterRow[] = [];
  for (const h of chunk.households) {
    const facilities = byRegion.get(h.regionCode)!;
    const urban = h.regionCode.slice(2, 4) !== '90'; // city districts and Danzhou, not the province's counties
    for (const m of h.members) {
      if (m.status !== 'LIVING') continue;
      const health = personHealth(m, h.regionCode, facilities, tertiary, urban);
      if (!health) continue;
      records.push(health.record);
      conditions.push(...health.conditions);
      vaccinations.push(...health.vaccinations);
      encounters.push(...health.encounters);
    }
  }
  return [
    [HealthRecord, records],
    [ChronicCondition, conditions],
    [Vaccination, vaccinations],
    [Encounter, encounters],
  ] as const;
}

export const seed: DomainSeed = {
  reference: () => [[HealthFacility, facilityRegister().all]],
  fromChunk: healthRows,
};
