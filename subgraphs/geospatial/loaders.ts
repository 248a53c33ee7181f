/** One loader per relation the geospatial graph walks. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { EntityManager } from '../kit/orm';
import type { RequestContext } from '../kit/subgraph';
import { Place, Region, Residence } from './entities';

export function geospatialLoaders(em: EntityManager) {
  return {
    regionByCode: oneByKey(em, Region, 'code'),
    regionsByParent: manyByKey(em, Region, 'parentCode', { code: 'asc' }),
    placeById: oneByKey(em, Place, 'id'),
    residenceByPerson: oneByKey(em, Residence, 'personId'),
  };
}

export type GeospatialLoaders = ReturnType<typeof geospatialLoaders>;
export type GeospatialContext = RequestContext<GeospatialLoaders>;
