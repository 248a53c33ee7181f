/** One loader per relation the health graph walks; the kit batches each into one SQL query per request. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { ChronicCondition, Encounter, HealthFacility, HealthRecord, Vaccination } from './entities';

export function healthLoaders(data: DataAccess) {
  return {
    recordById: oneByKey(data, HealthRecord, 'id'),
    recordByPerson: oneByKey(data, HealthRecord, 'personId'),
    facilityByCode: oneByKey(data, HealthFacility, 'code'),
    conditionsByRecord: manyByKey(data, ChronicCondition, 'recordId', { diagnosedOn: 'asc', code: 'asc' }),
    vaccinationsByRecord: manyByKey(data, Vaccination, 'recordId', { date: 'asc', vaccine: 'asc', dose: 'asc' }),
    encountersByRecord: manyByKey(data, Encounter, 'recordId', { date: 'desc', id: 'asc' }),
  };
}

export type HealthLoaders = ReturnType<typeof healthLoaders>;
export type HealthContext = RequestContext<HealthLoaders>;
