/** One loader per relation the housing graph walks; the kit batches each into one SQL query per request. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { Property, PropertyMortgage, PropertyOwner, PropertyTransfer } from './entities';

export function housingLoaders(data: DataAccess) {
  return {
    propertyById: oneByKey(data, Property, 'id'),
    // Largest share first, so the main owner leads.
    ownersByProperty: manyByKey(data, PropertyOwner, 'propertyId', { share: 'desc', ownerId: 'asc' }),
    // The owner table read the other way round: what a person or an enterprise owns.
    holdingsByOwner: manyByKey(data, PropertyOwner, 'ownerId', { propertyId: 'asc' }),
    transfersByProperty: manyByKey(data, PropertyTransfer, 'propertyId', { sequence: 'asc' }),
    mortgagesByProperty: manyByKey(data, PropertyMortgage, 'propertyId', { registeredOn: 'asc', id: 'asc' }),
  };
}

export type HousingLoaders = ReturnType<typeof housingLoaders>;
export type HousingContext = RequestContext<HousingLoaders>;
