/** One loader per relation the population graph walks; the kit batches each into one SQL query per request. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { Household, Person } from './entities';

export function populationLoaders(data: DataAccess) {
  return {
    personById: oneByKey(data, Person, 'id'),
    householdById: oneByKey(data, Household, 'id'),
    // Heads first: members are ordered by relationship rank when resolved.
    membersByHousehold: manyByKey(data, Person, 'householdId', { birthDate: 'asc', id: 'asc' }),
  };
}

export type PopulationLoaders = ReturnType<typeof populationLoaders>;
export type PopulationContext = RequestContext<PopulationLoaders>;
