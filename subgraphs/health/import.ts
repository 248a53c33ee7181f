/**
 * The health records' file import (`npm run import -- health encounters.csv`): encounters reported by hospitals
 * and health centres, one per line, keyed by the facility's code and its own encounter number (门诊号/住院号), so
 * that re-importing a file changes nothing. Values pass the commission's validators (vocabulary.ts), as
 * recordEncounter applies them; an encounter joins the person's existing health record, and a chronic condition
 * diagnosed for the first time is followed on the record from then on, as with recordEncounter.
 */
import { collect, type DomainImporter } from '../kit/import';
import type { EncounterType } from './__generated__/resolvers';
import { ChronicCondition, Encounter, HealthFacility, HealthRecord, type ChronicConditionRow, type EncounterRow } from './entities';
import { newId } from './resolvers';
import { ENCOUNTER_PREFIX } from './seed';
import { chronicCategory, validDiagnoses, validFacilityCode, validPastDate, validPersonId } from './vocabulary';

const TYPES: readonly EncounterType[] = ['OUTPATIENT', 'INPATIENT', 'EMERGENCY'];
/** The facility's own number for the encounter, as its hospital information system prints it. */
const ENCOUNTER_NUMBER = /^[0-9A-Za-z-]{1,32}$/;

/** The person each parsed encounter is about, from parse to check (the encounter row keeps the record, not the person). */
const personOf = new WeakMap<EncounterRow, string>();

export const importer: DomainImporter<EncounterRow> = {
  noun: 'encounter',
  event: 'EncounterRecorded',
  entity: Encounter,
  key: 'naturalKey',
  columns: ['facilityCode', 'encounterNumber', 'personId', 'date', 'type', 'diagnoses'],
  parse(r) {
    const errors: string[] = [];
    const facilityCode = collect(errors, () => validFacilityCode('facilityCode', r.facilityCode ?? ''));
    const number = r.encounterNumber ?? '';
    if (!ENCOUNTER_NUMBER.test(number)) errors.push('encounterNumber: the facility\'s own encounter number, 1 to 32 letters, digits and hyphens.');
    // Persons are the population register's: only the form of the ID can be checked here, not that the person exists.
    const personId = collect(errors, () => validPersonId('personId', r.personId ?? ''));
    const date = collect(errors, () => validPastDate('date', r.date ?? ''));
    const type = TYPES.find((t) => t === r.type);
    if (!type) errors.push(`type: one of ${TYPES.join(', ')}.`);
    // Codes separated by semicolons (or commas: an NDJSON array arrives joined by commas), the principal one first.
    const codes = (r.diagnoses ?? '').split(/[;,]/).map((c) => c.trim()).filter((c) => c !== '');
    const diagnoses = collect(errors, () => validDiagnoses('diagnoses', codes));
    if (errors.length > 0) return { errors };
    const row: EncounterRow = {
      id: newId(ENCOUNTER_PREFIX),
      // The record and its region are the person's: check() fills them in.
      recordId: '',
      regionCode: '',
      date: date!,
      facilityCode: facilityCode!,
      type: type!,
      diagnoses: diagnoses!,
      naturalKey: `${facilityCode}/${number}`,
    };
    personOf.set(row, personId!);
    return { row };
  },
  /** The facility must be in the register, and the person must have a health record: the encounter joins it. */
  async check(rows, db) {
    const em = db.orm.em.fork();
    const facilityCodes = [...new Set(rows.map((r) => r.facilityCode))];
    const facilities = new Set((await em.find(HealthFacility, { code: { $in: facilityCodes } }, { fields: ['code'], disableIdentityMap: true })).map((f) => f.code));
    const personIds = [...new Set(rows.map((r) => personOf.get(r)!))];
    const records = new Map((await em.find(HealthRecord, { personId: { $in: personIds } }, { fields: ['id', 'personId', 'regionCode'], disableIdentityMap: true })).map((h) => [h.personId, h]));
    const problems = new Map<number, string[]>();
    rows.forEach((row, i) => {
      const errors: string[] = [];
      if (!facilities.has(row.facilityCode)) errors.push(`facilityCode: no health facility has the code ${row.facilityCode}.`);
      const personId = personOf.get(row)!;
      const record = records.get(personId);
      // A file does not open records: the facility opens one where the person is seen (recordEncounter does).
      if (!record) errors.push(`personId: person ${personId} has no health record; open one at the facility first, then import the file again.`);
      else {
        row.recordId = record.id;
        row.regionCode = record.regionCode;
      }
      if (errors.length > 0) problems.set(i, errors);
    });
    return problems;
  },
  /** A chronic condition diagnosed for the first time is followed on the record from the day of that encounter. */
  async afterInsert(rows, em) {
    const recordIds = [...new Set(rows.map((r) => r.recordId))];
    const followed = new Set(
      (await em.find(ChronicCondition, { recordId: { $in: recordIds } }, { fields: ['recordId', 'code'], disableIdentityMap: true })).map((c) => `${c.recordId}/${c.code}`),
    );
    const found: ChronicConditionRow[] = [];
    for (const row of [...rows].sort((a, b) => a.date.localeCompare(b.date))) {
      for (const code of new Set(row.diagnoses.map(chronicCategory))) {
        if (code === null || followed.has(`${row.recordId}/${code}`)) continue;
        followed.add(`${row.recordId}/${code}`);
        found.push({ recordId: row.recordId, code, regionCode: row.regionCode, diagnosedOn: row.date });
      }
    }
    for (let i = 0; i < found.length; i += 500) await em.insertMany(ChronicCondition, found.slice(i, i + 500));
  },
};
