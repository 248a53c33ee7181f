/**
 * The population register's entries in the resource catalogue: who owns each field, how it is shared, how
 * sensitive it is and how it is masked. Owner: public security (the hukou register is a police register).
 */
import { defineCatalogue, field, mergeCatalogues, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const shared = (sensitivity: 'NONE' | 'PERSONAL' = 'PERSONAL') => field('UNCONDITIONAL', { sensitivity });

export const catalogue = mergeCatalogues(
  defineCatalogue('public-security', {
    Person: {
      columns: { hukouRegionCode: ['hukouCityCode'], household: ['householdId'] },
      description: 'A resident in the population basic information database.',
      regionField: 'hukouRegionCode',
      fields: {
        id: field('UNCONDITIONAL', { description: 'Opaque person ID; reveals nothing.' }),
        idNumber: field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'idNumber', description: 'Citizen identity number (an identity number under the PIPL).' }),
        name: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', mask: 'name' }),
        gender: shared(),
        birthDate: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', mask: 'birthDate' }),
        age: shared(),
        ethnicity: shared(),
        ethnicityCode: shared(),
        phone: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'phone' }),
        address: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'address' }),
        addressRegionCode: shared(),
        maritalStatus: field('CONDITIONAL', { sensitivity: 'PERSONAL' }),
        status: shared(),
        statusDate: shared(),
        hukouRegionCode: shared('NONE'),
        hukouRegion: shared('NONE'),
        household: shared('NONE'),
        relationshipToHead: shared(),
        version: shared('NONE'),
        floating: shared(),
        originRegionCode: shared(),
      },
    },
    Household: {
      columns: { head: ['headId'] },
      internal: ['version'],
      description: 'A hukou household.',
      regionField: 'regionCode',
      fields: {
        id: field('UNCONDITIONAL'),
        regionCode: shared('NONE'),
        region: shared('NONE'),
        address: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'address' }),
        registeredOn: shared(),
        members: shared(),
        head: shared(),
      },
    },
    HouseholdMember: { description: 'A member of a household and their relationship to its head.', fields: { relationship: shared(), person: shared() } },
    Region: {
      owner: 'natural-resources',
      extension: true,
      fields: {
        code: field('UNCONDITIONAL', { open: true, description: 'GB/T 2260 administrative code.' }),
        residents: field('UNCONDITIONAL', { owner: 'public-security', description: 'Statistics: living persons registered in the region (aggregate permission and disclosure control apply).' }),
        schoolAgeChildren: field('UNCONDITIONAL', { owner: 'public-security', description: 'Statistics: living persons aged 6 to 17 registered in the region.' }),
      },
    },
  }),
  connectionCatalogue('public-security', 'Person'),
);

const PERSON_FIELDS = ['id', 'idNumber', 'name', 'gender', 'birthDate', 'ethnicity', 'ethnicityCode', 'hukouRegionCode', 'address', 'addressRegionCode', 'maritalStatus', 'status', 'statusDate', 'household', 'relationshipToHead', 'floating', 'phone'];

/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  PersonBorn: { type: 'Person', description: 'A birth registered by public security (registerBirth).', fields: PERSON_FIELDS },
  PersonRegistered: { type: 'Person', description: 'A person added to the register from a delivered file (import).', fields: PERSON_FIELDS },
  PersonDied: { type: 'Person', description: 'A death registered by public security (registerDeath).', fields: ['status', 'statusDate'] },
  PersonMoved: { type: 'Person', description: 'A move to another household (registerMove).', fields: ['household', 'relationshipToHead', 'address', 'addressRegionCode'] },
});
