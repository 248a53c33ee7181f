/**
 * The resident health records' entries in the resource catalogue. Owner: the health commission.
 *
 * Health information is sensitive personal information under the PIPL (art. 28), so every clinical field is
 * SENSITIVE and seen in full only by the health commission:
 * - conditions, encounters, diagnoses and allergies are NOT_SHARED: no other department's task needs a
 *   person's medical history, and the national sharing rules keep such data with its owner;
 * - blood type and vaccinations are CONDITIONAL: disease control (immunization coverage, outbreaks) and
 *   emergency services may obtain them through a sharing grant for a stated purpose, never by default;
 * - medical insurance enrolment is UNCONDITIONAL but PERSONAL: social security and civil affairs need to know
 *   whether and how a resident is insured, which says nothing about their health;
 * - the record's key, its holder and region are UNCONDITIONAL, so that insurance can be reached from a person;
 * - health facilities are public institutions: open data.
 */
import { defineCatalogue, field, mergeCatalogues, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const clinical = field('NOT_SHARED', { sensitivity: 'SENSITIVE' });
const onGrant = field('CONDITIONAL', { sensitivity: 'SENSITIVE' });
/** Opaque keys of clinical rows reveal nothing by themselves, but stay with the rows they name. */
const clinicalKey = field('NOT_SHARED', { description: 'Opaque ID; reveals nothing.' });
const open = field('UNCONDITIONAL', { open: true });
const insurance = field('UNCONDITIONAL', { sensitivity: 'PERSONAL' });

export const catalogue = mergeCatalogues(
  defineCatalogue('health', {
    HealthRecord: {
      columns: { insurance: ['insuranceScheme', 'insuranceEnrolledOn', 'insuranceActive'] },
      internal: ['personId'],
      description: "A resident's health record (居民健康档案), one per person, kept by the health commission.",
      regionField: 'regionCode',
      fields: {
        id: field('UNCONDITIONAL', { description: 'Opaque record ID; reveals nothing.' }),
        person: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', description: 'Whose record it is.' }),
        regionCode: field('UNCONDITIONAL', { description: 'County or district of the household (GB/T 2260).' }),
        region: field('UNCONDITIONAL'),
        bloodType: onGrant,
        allergies: clinical,
        chronicConditions: clinical,
        vaccinations: onGrant,
        encounters: clinical,
        insurance,
        // Only the health commission writes the record, and only writers need its version.
        version: field('NOT_SHARED', { description: 'Optimistic-locking version for updates.' }),
      },
    },
    ChronicCondition: {
      internal: ['recordId'],
      description: 'A chronic condition followed on the record (ICD-10).',
      regionField: 'regionCode',
      fields: { code: clinical, name: clinical, diagnosedOn: clinical, regionCode: clinical },
    },
    Vaccination: {
      columns: { facility: ['facilityCode'] },
      internal: ['recordId'],
      description: 'One dose of a vaccine given to the record holder.',
      regionField: 'regionCode',
      fields: { id: field('CONDITIONAL', { description: 'Opaque ID; reveals nothing.' }), vaccine: onGrant, vaccineName: onGrant, dose: onGrant, date: onGrant, facility: onGrant, regionCode: onGrant },
    },
    Encounter: {
      columns: { facility: ['facilityCode'] },
      internal: ['recordId', 'naturalKey'],
      description: 'A visit to a health facility: outpatient, inpatient or emergency, with its diagnoses.',
      regionField: 'regionCode',
      fields: { id: clinicalKey, date: clinical, facility: clinical, type: clinical, diagnoses: clinical, regionCode: clinical },
    },
    Diagnosis: { description: 'An ICD-10 diagnosis of an encounter.', fields: { code: clinical, name: clinical } },
    MedicalInsurance: {
      description: 'Basic medical insurance enrolment: the scheme, since when, and whether it is in force.',
      fields: { scheme: insurance, enrolledOn: insurance, active: insurance },
    },
    HealthFacility: {
      columns: { location: ['lon', 'lat'] },
      description: 'A health facility of the province: hospital, community or township health centre, clinic.',
      regionField: 'regionCode',
      fields: { code: open, name: open, level: open, type: open, regionCode: open, region: open, location: open },
    },
    Person: {
      owner: 'public-security',
      extension: true,
      fields: {
        id: field('UNCONDITIONAL', { owner: 'public-security' }),
        healthRecord: field('UNCONDITIONAL', { owner: 'health', sensitivity: 'PERSONAL', description: "The link to the person's health record." }),
      },
    },
    Region: {
      owner: 'natural-resources',
      extension: true,
      fields: {
        code: field('UNCONDITIONAL', { open: true, description: 'GB/T 2260 administrative code.' }),
        vaccinationCoverage: field('UNCONDITIONAL', { owner: 'health', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        insuranceCoverage: field('UNCONDITIONAL', { owner: 'health', description: 'Statistics after disclosure control (aggregate permission applies).' }),
      },
    },
  }),
  connectionCatalogue('health', 'HealthRecord'),
  connectionCatalogue('health', 'HealthFacility'),
);


/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  EncounterRecorded: { type: 'Encounter', description: 'A visit or admission recorded (recordEncounter, or a delivered file).', fields: ['id', 'date', 'facility', 'type', 'diagnoses', 'regionCode'] },
  VaccinationRecorded: { type: 'Vaccination', description: 'A vaccination recorded (recordVaccination).', fields: ['id', 'vaccine', 'dose', 'date', 'facility', 'regionCode'] },
  AllergiesUpdated: { type: 'HealthRecord', description: "A change of a health record's allergies (updateAllergies).", fields: ['allergies'] },
});
