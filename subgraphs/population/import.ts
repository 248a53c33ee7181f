/**
 * The population register's file import (`npm run import -- population persons.csv`): persons delivered by police
 * stations, one per line, keyed by citizen ID number so that re-importing a file changes nothing.
 */
import { randomInt } from 'node:crypto';
import type { DomainImporter } from '../kit/import';
import { cityCodeOf } from '../kit/region-codes';
import { isCalendarDate } from '../kit/scalars';
import { validateIdNumber } from '../kit/world/id-number';
import { ethnicityName } from '../kit/world/names';
import { OPAQUE_ID_DOMAIN, opaqueId } from '../kit/world/rng';
import { Household, Person, type PersonRow } from './entities';

const RELATIONSHIPS = ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER'];
const NAME = /^[\u3400-\u9fff\u00b7]{2,20}$/;
const PHONE = /^1[3-9]\d{9}$/;

/** A new opaque person ID, from the upper half of the ID space that seeding never reaches; re-runs are decided by the ID number. */
function newPersonId(): string {
  return opaqueId('P', 2, randomInt(OPAQUE_ID_DOMAIN / 2, OPAQUE_ID_DOMAIN));
}

export const importer: DomainImporter<PersonRow> = {
  noun: 'person',
  event: 'PersonRegistered',
  entity: Person,
  key: 'idNumber',
  columns: ['idNumber', 'name', 'gender', 'birthDate', 'ethnicityCode', 'householdId', 'relationshipToHead', 'phone'],
  parse(r) {
    const errors: string[] = [];
    const id = validateIdNumber(r.idNumber ?? '');
    if (!id.ok) errors.push(`idNumber: ${id.reason}`);
    if (!NAME.test(r.name ?? '')) errors.push('name: a name has 2 to 20 Chinese characters.');
    if (r.gender !== 'MALE' && r.gender !== 'FEMALE') errors.push('gender: MALE or FEMALE.');
    if (!isCalendarDate(r.birthDate ?? '')) errors.push('birthDate: a calendar date written YYYY-MM-DD.');
    if (id.ok && r.birthDate && id.birthDate !== r.birthDate) errors.push(`birthDate: ${r.birthDate} differs from the date in the ID number, ${id.birthDate}.`);
    if (id.ok && (r.gender === 'MALE' || r.gender === 'FEMALE') && id.gender !== r.gender) errors.push(`gender: the ID number is that of a ${id.gender.toLowerCase()} person.`);
    const ethnicity = ethnicityName(r.ethnicityCode ?? '');
    if (!ethnicity) errors.push(`ethnicityCode: "${r.ethnicityCode}" is not a GB 3304 code.`);
    if (!r.householdId) errors.push('householdId: required.');
    if (!RELATIONSHIPS.includes(r.relationshipToHead ?? '')) errors.push(`relationshipToHead: one of ${RELATIONSHIPS.join(', ')}.`);
    if (r.phone && !PHONE.test(r.phone)) errors.push('phone: an 11-digit mobile number starting with 1.');
    if (errors.length > 0 || !id.ok) return { errors };
    return {
      row: {
        id: newPersonId(),
        idNumber: r.idNumber!,
        name: r.name!,
        gender: r.gender!,
        birthDate: r.birthDate!,
        ethnicityCode: r.ethnicityCode!,
        ethnicity: ethnicity!,
        hukouRegionCode: id.regionCode,
        hukouCityCode: cityCodeOf(id.regionCode),
        phone: r.phone || null,
        address: null,
        addressRegionCode: null,
        maritalStatus: 'SINGLE',
        status: 'LIVING',
        statusDate: null,
        householdId: r.householdId!,
        relationshipToHead: r.relationshipToHead!,
        floating: false,
        originRegionCode: null,
        version: 1,
      },
    };
  },
  /** Every household must exist; the person takes its address. */
  async check(rows, db) {
    const ids = [...new Set(rows.map((r) => r.householdId!))];
    const households = new Map((await db.orm.em.fork().find(Household, { id: { $in: ids } }, { disableIdentityMap: true })).map((h) => [h.id, h]));
    const problems = new Map<number, string[]>();
    rows.forEach((row, i) => {
      const household = households.get(row.householdId!);
      if (!household) {
        problems.set(i, [`householdId: there is no household "${row.householdId}".`]);
        return;
      }
      row.address = household.address;
      row.addressRegionCode = household.regionCode;
      row.floating = household.regionCode !== row.hukouRegionCode;
      row.originRegionCode = row.floating ? row.hukouRegionCode : null;
    });
    return problems;
  },
};
