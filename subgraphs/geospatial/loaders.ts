/** One loader per relation the geospatial graph walks. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { Place, Region, Residence } from './entities';

export function geospatialLoaders(data: DataAccess) {
  return {
    regionByCode: oneByKey(data, Region, 'code'),
    regionsByParent: manyByKey(data, Region, 'parentCode', { code: 'asc' }),
    placeById: oneByKey(data, Place, 'id'),
    residenceByPerson: oneByKey(data, Residence, 'personId'),
  };
}

export type GeospatialLoaders = ReturnType<typeof geospatialLoaders>;
export type GeospatialContext = RequestContext<GeospatialLoaders>;
