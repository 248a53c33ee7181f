/** The population register's vocabulary: persons, households, and how they are found. */
import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import { paginate } from '../kit/pagination';
import { findVisible, type DataAccess } from '../kit/scope';
import { inRegion } from '../kit/region-codes';
import { isCalendarDate } from '../kit/scalars';
import { validateIdNumber } from '../kit/world/id-number';
import type { PersonFilter, Relationship, Resolvers } from './__generated__/resolvers';
import { Person, type PersonRow } from './entities';
import { mutations } from './mutations';
import { regionIndicator, statisticsField } from '../kit/statistics';
import { personStatistics } from './statistics';

const LIVING = ['STATUS', 'LIVING'] as const;

const RELATIONSHIP_ORDER = ['HEAD', 'SPOUSE', 'PARENT', 'CHILD', 'GRANDCHILD', 'SIBLING', 'OTHER'];

function validIdNumber(argument: string, value: string): string {
  const result = validateIdNumber(value);
  if (!result.ok) throw badInput(argument, result.reason);
  return value;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whole years between a birth date and today. */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return age;
}

/** The filter as SQL conditions, and the Person fields it reads (each must be readable in full by the caller). */
export function personWhere(filter: PersonFilter | null | undefined): { where: FilterQuery<PersonRow>; fields: string[] } {
  const where: FilterQuery<PersonRow>[] = [];
  const fields: string[] = [];
  const add = (condition: FilterQuery<PersonRow>, ...read: string[]) => {
    where.push(condition);
    fields.push(...read);
  };
  if (!filter) return { where: {}, fields };
  if (filter.regionCode != null) add(inRegion('filter.regionCode', filter.regionCode, { region: 'hukouRegionCode', city: 'hukouCityCode' }), 'hukouRegionCode');
  if (filter.namePrefix != null) {
    if (filter.namePrefix.length === 0 || filter.namePrefix.length > 32) throw badInput('filter.namePrefix', 'give 1 to 32 characters.');
    add({ name: { $like: `${escapeLike(filter.namePrefix)}%` } }, 'name');
  }
  if (filter.gender != null) add({ gender: filter.gender }, 'gender');
  if (filter.ethnicity != null) add({ $or: [{ ethnicity: filter.ethnicity }, { ethnicityCode: filter.ethnicity }] }, 'ethnicity', 'ethnicityCode');
  if (filter.status != null) add({ status: filter.status }, 'status');
  if (filter.floating != null) add({ floating: filter.floating }, 'floating');
  if (filter.idNumber != null) add({ idNumber: validIdNumber('filter.idNumber', filter.idNumber) }, 'idNumber');
  for (const [key, op] of [['bornFrom', '$gte'], ['bornTo', '$lte']] as const) {
    const value = filter[key];
    if (value == null) continue;
    if (!isCalendarDate(value)) throw badInput(`filter.${key}`, 'use a calendar date written YYYY-MM-DD.');
    add({ birthDate: { [op]: value } }, 'birthDate');
  }
  if (filter.bornFrom && filter.bornTo && filter.bornFrom > filter.bornTo) {
    throw badInput('filter.bornFrom', `${filter.bornFrom} is after bornTo ${filter.bornTo}; the range would be empty.`);
  }
  return { where: where.length === 1 ? where[0] : { $and: where }, fields: [...new Set(fields)] };
}

/** A filter may only touch rows where the caller can read every filtered field in full: no probing. */
function filteredPersons(data: DataAccess, filter: PersonFilter | null | undefined): FilterQuery<PersonRow> {
  const { where, fields } = personWhere(filter);
  if (fields.length === 0) return where;
  return { $and: [where, data.readable(Person, fields)] } as FilterQuery<PersonRow>;
}

export const resolvers: Resolvers = {
  Mutation: mutations,
  Query: {
    person: (_, { id }, { loaders }) => loaders.personById.load(id),
    // A lookup by ID number is a filter on it: it finds only persons whose number the caller may read in full.
    personByIdNumber: (_, { idNumber }, { data }) => findVisible(data, Person, filteredPersons(data, { idNumber: validIdNumber('idNumber', idNumber) })),
    persons: (_, { filter, first, after }, { data }) => paginate(data, Person, filteredPersons(data, filter), { first, after }),
    household: (_, { id }, { loaders }) => loaders.householdById.load(id),
    populationStatistics: statisticsField('population', personStatistics),
  },
  Region: {
    __resolveReference: (ref) => ({ code: ref.code }),
    residents: (region, _, ctx) => regionIndicator(ctx, 'population', { definition: personStatistics, filters: [LIVING] }, region.code),
    schoolAgeChildren: (region, _, ctx) => regionIndicator(ctx, 'population', { definition: personStatistics, filters: [LIVING, ['SCHOOL_AGE', 'true']] }, region.code),
  },
  Person: {
    __resolveReference: (ref, { loaders }) => loaders.personById.load(ref.id),
    age: (person) => ageOn(person.birthDate),
    hukouRegion: (person) => ({ code: person.hukouRegionCode }),
    household: (person, _, { loaders }) => (person.householdId ? loaders.householdById.load(person.householdId) : null),
  },
  Household: {
    __resolveReference: (ref, { loaders }) => loaders.householdById.load(ref.id),
    region: (household) => ({ code: household.regionCode }),
    members: async (household, _, { loaders }) => {
      const members = await loaders.membersByHousehold.load(household.id);
      return [...members].sort(
        (a, b) => RELATIONSHIP_ORDER.indexOf(a.relationshipToHead ?? 'OTHER') - RELATIONSHIP_ORDER.indexOf(b.relationshipToHead ?? 'OTHER'),
      );
    },
    head: (household, _, { loaders }) => (household.headId ? loaders.personById.load(household.headId) : null),
  },
  HouseholdMember: {
    relationship: (member) => (member.relationshipToHead ?? 'OTHER') as Relationship,
    person: (member) => member,
  },
};
