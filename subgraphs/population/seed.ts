/** Population rows from the synthetic world: every generated person and household. */
import { cityCodeOf } from '../kit/region-codes';
import type { DomainSeed } from '../kit/subgraph';
import type { WorldChunk } from '../kit/world/world';
import { Household, Person, type HouseholdRow, type PersonRow } from './entities';

export function populationRows(chunk: WorldChunk) {
  const persons: PersonRow[] = [];
  const households: HouseholdRow[] = [];
  for (const h of chunk.households) {
    households.push({ id: h.id, regionCode: h.regionCode, address: h.address, registeredOn: h.registeredOn, headId: h.members[0]?.id ?? null, version: 1 });
    for (const m of h.members) {
      persons.push({
        id: m.id,
        idNumber: m.idNumber,
        name: m.name,
        gender: m.gender,
        birthDate: m.birthDate,
        ethnicityCode: m.ethnicityCode,
        ethnicity: m.ethnicity,
        hukouRegionCode: m.hukouRegionCode,
        hukouCityCode: cityCodeOf(m.hukouRegionCode),
        phone: m.phone,
        address: h.address,
        addressRegionCode: h.regionCode,
        maritalStatus: m.maritalStatus,
        status: m.status,
        statusDate: m.statusDate,
        householdId: h.id,
        relationshipToHead: m.relationship,
        floating: m.floating,
        originRegionCode: m.originRegionCode,
        version: 1,
      });
    }
  }
  return [
    [Household, households],
    [Person, persons],
  ] as const;
}

export const seed: DomainSeed = { fromChunk: populationRows };
