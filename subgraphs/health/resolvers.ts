/** The health commission's vocabulary: health records, their conditions, vaccinations and encounters, facilities. */
import { randomInt } from 'node:crypto';
import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import { paginate } from '../kit/pagination';
import { assertReferencesExist, PERSON } from '../kit/references';
import { inRegion } from '../kit/region-codes';
import { restrict, type DataAccess } from '../kit/scope';
import type { EntityManager } from '../kit/orm';
import { authorizeWrite, runMutation, updateVersioned, type MutationSpec } from '../kit/writes';
import { OPAQUE_ID_DOMAIN, opaqueId } from '../kit/world/rng';
import type { HealthFacilityFilter, HealthRecordFilter, MedicalInsuranceScheme, RecordEncounterInput, RecordVaccinationInput, Resolvers } from './__generated__/resolvers';
import {
  ChronicCondition,
  Encounter,
  HealthFacility,
  HealthRecord,
  Vaccination,
  type EncounterRow,
  type HealthFacilityRow,
  type HealthRecordRow,
  type VaccinationRow,
} from './entities';
import type { HealthContext } from './loaders';
import { ENCOUNTER_PREFIX, HEALTH_ID_KEY, RECORD_PREFIX, VACCINATION_PREFIX } from './seed';
import {
  chronicCategory,
  icd10Name,
  validAllergies,
  validChronicCondition,
  validDiagnoses,
  validDose,
  validFacilityCode,
  validPastDate,
  validPersonId,
  validVaccine,
  vaccineNamed,
} from './vocabulary';
import { regionIndicators, statisticsQuery } from './statistics';

// ---------------------------------------------------------------------------------------------
// Finding records


/**
 * The IDs of records having a child row that matches `where`, as a SQL subquery. Filtering reads the child's
 * fields too, so it only touches child rows where the caller may read them in full.
 */
function recordsHaving<T extends { recordId: string }>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>, fields: string[]): FilterQuery<HealthRecordRow> {
  const scoped = restrict({ $and: [where, data.readable(entity, fields)] } as FilterQuery<T>, data.visible(entity));
  if (scoped === null) return { id: { $in: [] } };
  return { id: { $in: data.em.createQueryBuilder(entity).select('recordId').where(scoped).getKnexQuery() as never } };
}

/**
 * The filter as SQL conditions. Each condition reads record fields (by their GraphQL names) that the caller must
 * be able to read in full: a caller without health access filtering on a condition is refused, not answered.
 */
function filteredRecords(data: DataAccess, filter: HealthRecordFilter | null | undefined): FilterQuery<HealthRecordRow> {
  if (!filter) return {};
  const where: FilterQuery<HealthRecordRow>[] = [];
  const fields: string[] = [];
  const region = filter.regionCode != null ? inRegion<HealthRecordRow>('filter.regionCode', filter.regionCode, { region: 'regionCode' }) : null;
  const condition = filter.chronicCondition != null ? validChronicCondition('filter.chronicCondition', filter.chronicCondition) : null;
  const vaccine = filter.vaccinated != null ? validVaccine('filter.vaccinated', filter.vaccinated) : null;
  if (region) fields.push('regionCode');
  if (condition) fields.push('chronicConditions');
  if (vaccine) fields.push('vaccinations');
  if (fields.length === 0) return {};
  where.push(data.readable(HealthRecord, fields));
  if (region) where.push(region);
  if (condition) where.push(recordsHaving(data, ChronicCondition, { code: condition }, ['code']));
  if (vaccine) where.push(recordsHaving(data, Vaccination, { vaccine: vaccine.code }, ['vaccine']));
  return { $and: where } as FilterQuery<HealthRecordRow>;
}

function filteredFacilities(data: DataAccess, filter: HealthFacilityFilter | null | undefined): FilterQuery<HealthFacilityRow> {
  if (!filter) return {};
  const where: FilterQuery<HealthFacilityRow>[] = [];
  const fields: string[] = [];
  if (filter.regionCode != null) {
    where.push(inRegion('filter.regionCode', filter.regionCode, { region: 'regionCode' }));
    fields.push('regionCode');
  }
  if (filter.level != null) {
    where.push({ level: filter.level });
    fields.push('level');
  }
  if (filter.type != null) {
    where.push({ type: filter.type });
    fields.push('type');
  }
  if (fields.length === 0) return {};
  return { $and: [...where, data.readable(HealthFacility, fields)] } as FilterQuery<HealthFacilityRow>;
}

// ---------------------------------------------------------------------------------------------
// Recording care

/** Rows created after seeding take indexes from the upper half of the ID space, which seeded rows never reach. */
const CREATED_BASE = OPAQUE_ID_DOMAIN / 2;

export function newId(prefix: string): string {
  return opaqueId(prefix, HEALTH_ID_KEY, CREATED_BASE + randomInt(CREATED_BASE));
}

async function existingFacility(em: EntityManager, argument: string, code: string): Promise<HealthFacilityRow> {
  const facility = await em.findOne(HealthFacility, { code }, { disableIdentityMap: true });
  if (!facility) throw badInput(argument, `no health facility has the code ${code}; see healthFacilities for the register.`);
  return facility;
}

/**
 * The person's record, opened if they have none. A record opened at a facility is kept in the facility's region,
 * as the centre that opens a resident's record keeps it (the household region is the population register's).
 */
async function recordOf(em: EntityManager, personId: string, openedAt: HealthFacilityRow): Promise<HealthRecordRow> {
  const existing = await em.findOne(HealthRecord, { personId }, { disableIdentityMap: true });
  if (existing) return existing;
  const record: HealthRecordRow = {
    id: newId(RECORD_PREFIX),
    personId,
    regionCode: openedAt.regionCode,
    bloodType: null,
    allergies: [],
    insuranceScheme: null,
    insuranceEnrolledOn: null,
    insuranceActive: null,
    version: 1,
  };
  await em.insert(HealthRecord, record);
  return record;
}

const OPENS_RECORD = { type: 'HealthRecord', action: 'create', fields: ['id', 'person', 'regionCode'] } as const;

const RECORD_ENCOUNTER: MutationSpec = {
  operation: 'recordEncounter',
  event: 'EncounterRecorded',
  returns: 'Encounter',
  writes: [
    { type: 'Encounter', action: 'create', fields: ['id', 'date', 'facility', 'type', 'diagnoses', 'regionCode'] },
    { type: 'ChronicCondition', action: 'create', fields: ['code', 'diagnosedOn', 'regionCode'] },
    OPENS_RECORD,
  ],
};

const RECORD_VACCINATION: MutationSpec = {
  operation: 'recordVaccination',
  event: 'VaccinationRecorded',
  returns: 'Vaccination',
  writes: [{ type: 'Vaccination', action: 'create', fields: ['id', 'vaccine', 'dose', 'date', 'facility', 'regionCode'] }, OPENS_RECORD],
};

const UPDATE_ALLERGIES: MutationSpec = { operation: 'updateAllergies', event: 'AllergiesUpdated', returns: 'HealthRecord', writes: [{ type: 'HealthRecord', action: 'update', fields: ['allergies'] }] };

async function recordEncounter(ctx: HealthContext, input: RecordEncounterInput, idempotencyKey: string | null | undefined): Promise<EncounterRow> {
  // Who may write is answered before what was written is judged: a refused caller learns nothing from validation.
  authorizeWrite(ctx, RECORD_ENCOUNTER);
  const personId = validPersonId('input.personId', input.personId);
  const facilityCode = validFacilityCode('input.facilityCode', input.facilityCode);
  const date = validPastDate('input.date', input.date);
  const diagnoses = validDiagnoses('input.diagnoses', input.diagnoses);
  return runMutation(ctx, RECORD_ENCOUNTER, input, idempotencyKey, async (em) => {
    const facility = await existingFacility(em, 'input.facilityCode', facilityCode);
    await assertReferencesExist(ctx, PERSON, [personId], 'input.personId');
    const record = await recordOf(em, personId, facility);
    const encounter: EncounterRow = { id: newId(ENCOUNTER_PREFIX), recordId: record.id, regionCode: record.regionCode, date, facilityCode, type: input.type, diagnoses, naturalKey: null };
    await em.insert(Encounter, encounter);
    // A chronic condition diagnosed for the first time is followed on the record from now on.
    const followed = new Set((await em.find(ChronicCondition, { recordId: record.id }, { fields: ['code'], disableIdentityMap: true })).map((c) => c.code));
    const found = [...new Set(diagnoses.map(chronicCategory).filter((c): c is string => c !== null && !followed.has(c)))];
    if (found.length > 0) await em.insertMany(ChronicCondition, found.map((code) => ({ recordId: record.id, code, regionCode: record.regionCode, diagnosedOn: date })));
    return encounter;
  });
}

async function recordVaccination(ctx: HealthContext, input: RecordVaccinationInput, idempotencyKey: string | null | undefined): Promise<VaccinationRow> {
  authorizeWrite(ctx, RECORD_VACCINATION);
  const personId = validPersonId('input.personId', input.personId);
  const vaccine = validVaccine('input.vaccine', input.vaccine);
  const dose = validDose('input.dose', vaccine, input.dose);
  const date = validPastDate('input.date', input.date);
  const facilityCode = validFacilityCode('input.facilityCode', input.facilityCode);
  return runMutation(ctx, RECORD_VACCINATION, input, idempotencyKey, async (em) => {
    const facility = await existingFacility(em, 'input.facilityCode', facilityCode);
    await assertReferencesExist(ctx, PERSON, [personId], 'input.personId');
    const record = await recordOf(em, personId, facility);
    const given = await em.findOne(Vaccination, { recordId: record.id, vaccine: vaccine.code, dose }, { disableIdentityMap: true });
    if (given) throw badInput('input.dose', `dose ${dose} of ${vaccine.code} (${vaccine.name}) is already recorded for this person, given on ${given.date}.`);
    const vaccination: VaccinationRow = { id: newId(VACCINATION_PREFIX), recordId: record.id, regionCode: record.regionCode, vaccine: vaccine.code, dose, date, facilityCode };
    await em.insert(Vaccination, vaccination);
    return vaccination;
  });
}

// ---------------------------------------------------------------------------------------------

export const resolvers: Resolvers = {
  Region: regionIndicators,
  Query: {
    ...statisticsQuery,
    healthRecord: (_, { id }, { loaders }) => loaders.recordById.load(id),
    healthRecords: (_, { filter, first, after }, { data }) => paginate(data, HealthRecord, filteredRecords(data, filter), { first, after }),
    healthFacility: (_, { code }, { loaders }) => loaders.facilityByCode.load(validFacilityCode('code', code)),
    healthFacilities: (_, { filter, first, after }, { data }) => paginate(data, HealthFacility, filteredFacilities(data, filter), { first, after }, { key: 'code' }),
  },
  Mutation: {
    recordEncounter: (_, { input, idempotencyKey }, ctx) => recordEncounter(ctx, input, idempotencyKey),
    recordVaccination: (_, { input, idempotencyKey }, ctx) => recordVaccination(ctx, input, idempotencyKey),
    updateAllergies: (_, { recordId, expectedVersion, allergies, idempotencyKey }, ctx) => {
      authorizeWrite(ctx, UPDATE_ALLERGIES);
      const valid = validAllergies('allergies', allergies);
      return runMutation(ctx, UPDATE_ALLERGIES, { recordId, expectedVersion, allergies }, idempotencyKey, (em) =>
        updateVersioned(em, HealthRecord, { id: recordId }, recordId, expectedVersion, { allergies: valid }),
      );
    },
  },
  HealthRecord: {
    __resolveReference: (ref, { loaders }) => loaders.recordById.load(ref.id),
    person: (record) => ({ id: record.personId }),
    region: (record) => ({ code: record.regionCode }),
    chronicConditions: (record, _, { loaders }) => loaders.conditionsByRecord.load(record.id),
    vaccinations: (record, _, { loaders }) => loaders.vaccinationsByRecord.load(record.id),
    encounters: (record, _, { loaders }) => loaders.encountersByRecord.load(record.id),
    insurance: (record) =>
      record.insuranceScheme == null
        ? null
        : { scheme: record.insuranceScheme as MedicalInsuranceScheme, enrolledOn: record.insuranceEnrolledOn ?? null, active: record.insuranceActive ?? null },
  },
  ChronicCondition: {
    name: (condition) => icd10Name(condition.code),
  },
  Vaccination: {
    vaccineName: (vaccination) => vaccineNamed(vaccination.vaccine)?.name ?? null,
    facility: (vaccination, _, { loaders }) => loaders.facilityByCode.load(vaccination.facilityCode),
  },
  Encounter: {
    facility: (encounter, _, { loaders }) => loaders.facilityByCode.load(encounter.facilityCode),
    diagnoses: (encounter) => encounter.diagnoses.map((code) => ({ code, name: icd10Name(code) })),
  },
  HealthFacility: {
    __resolveReference: (ref, { loaders }) => loaders.facilityByCode.load(ref.code),
    region: (facility) => ({ code: facility.regionCode }),
    location: (facility) => ({ type: 'Point', coordinates: [facility.lon, facility.lat] }),
  },
  Person: {
    // Any person ID may be asked for; a person without a record simply has none.
    __resolveReference: (ref) => ({ id: ref.id }),
    healthRecord: (person, _, { loaders }) => loaders.recordByPerson.load(person.id),
  },
};
