/** One loader per relation the population graph walks; the kit batches each into one SQL query per request. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { EntityManager } from '../kit/orm';
import type { RequestContext } from '../kit/subgraph';
import { Household, Person } from './entities';

export function populationLoaders(em: EntityManager) {
  return {
    personById: oneByKey(em, Person, 'id'),
    personByIdNumber: oneByKey(em, Person, 'idNumber'),
    householdById: oneByKey(em, Household, 'id'),
    // Heads first: members are ordered by relationship rank when resolved.
    membersByHousehold: manyByKey(em, Person, 'householdId', { birthDate: 'asc', id: 'asc' }),
  };
}

export type PopulationLoaders = ReturnType<typeof populationLoaders>;
export type PopulationContext = RequestContext<PopulationLoaders>;
