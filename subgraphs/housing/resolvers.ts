/** The real-estate register's vocabulary: properties, owners, transfers and mortgages, and how they are recorded. */
import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import { paginate } from '../kit/pagination';
import { assertReferencesExist, ENTERPRISE, PERSON } from '../kit/references';
import { cityCodeOf, inRegion } from '../kit/region-codes';
import { findAllVisible, restrict, type DataAccess } from '../kit/scope';
import { notFound, runMutation, updateVersioned, type MutationSpec } from '../kit/writes';
import type { PropertyFilter, PropertyOwnerKind, PropertyTransferInput, PropertyUsage, Resolvers } from './__generated__/resolvers';
import { Property, PropertyOwner, PropertyTransfer, type PropertyOwnerRow, type PropertyRow, type PropertyTransferRow, type TransferParty } from './entities';
import type { HousingContext } from './loaders';
import {
  chinaToday,
  PROPERTY_ID_PREFIX,
  registeredId,
  TRANSFER_ID_PREFIX,
  validAddress,
  validateCertificateNumber,
  validCertificateYear,
  validDate,
  validFloorArea,
  validLocation,
  validOwners,
  validPrice,
  validPropertyRegion,
} from './registration';
import { regionIndicators, statisticsQuery } from './statistics';

/** The filter as SQL conditions, and the Property fields it reads (each must be readable in full by the caller). */
export function propertyWhere(filter: PropertyFilter | null | undefined): { where: FilterQuery<PropertyRow>[]; fields: string[] } {
  const where: FilterQuery<PropertyRow>[] = [];
  const fields: string[] = [];
  const add = (condition: FilterQuery<PropertyRow>, ...read: string[]) => {
    where.push(condition);
    fields.push(...read);
  };
  if (!filter) return { where, fields };
  if (filter.regionCode != null) add(inRegion('filter.regionCode', filter.regionCode), 'regionCode');
  if (filter.usage != null) add({ usage: filter.usage }, 'usage');
  for (const [key, op] of [['minFloorArea', '$gte'], ['maxFloorArea', '$lte']] as const) {
    const value = filter[key];
    if (value == null) continue;
    if (!Number.isFinite(value) || value < 0) throw badInput(`filter.${key}`, 'give a floor area in square metres, 0 or more.');
    add({ floorArea: { [op]: value } }, 'floorArea');
  }
  if (filter.minFloorArea != null && filter.maxFloorArea != null && filter.minFloorArea > filter.maxFloorArea) {
    throw badInput('filter.minFloorArea', `${filter.minFloorArea} is above maxFloorArea ${filter.maxFloorArea}; the range would be empty.`);
  }
  if (filter.ownerId != null && !/^[0-9A-Za-z]{1,18}$/.test(filter.ownerId)) {
    throw badInput('filter.ownerId', 'give a person ID or an 18-character unified social credit code.');
  }
  return { where, fields: [...new Set(fields)] };
}

/**
 * A filter may only touch rows where the caller can read every filtered field in full: no probing. A filter by
 * owner reads the owners, so it looks only among owner rows the caller may read and properties whose owners the
 * caller may read.
 */
async function filteredProperties(data: DataAccess, filter: PropertyFilter | null | undefined): Promise<FilterQuery<PropertyRow> | null> {
  const { where, fields } = propertyWhere(filter);
  if (fields.length > 0) where.push(data.readable(Property, fields));
  if (filter?.ownerId != null) {
    where.push(data.readable(Property, ['owners']));
    const ownerFields = ['kind', 'share', filter.ownerId.length === 18 ? 'enterprise' : 'person'];
    const holdings = await findAllVisible(data, PropertyOwner, { $and: [{ ownerId: filter.ownerId }, data.readable(PropertyOwner, ownerFields)] } as FilterQuery<PropertyOwnerRow>);
    if (holdings.length === 0) return null;
    where.push({ id: { $in: holdings.map((h) => h.propertyId) } });
  }
  return (where.length === 0 ? {} : where.length === 1 ? where[0] : { $and: where }) as FilterQuery<PropertyRow>;
}

/** Parties of a transfer as owner records of the property, so that they are judged like current owners. */
function partiesOf(transfer: PropertyTransferRow, json: string): PropertyOwnerRow[] {
  return (JSON.parse(json) as TransferParty[]).map((p) => ({ propertyId: transfer.propertyId, regionCode: transfer.regionCode, ...p }));
}

async function propertiesOf(ownerId: string, { loaders }: HousingContext): Promise<PropertyRow[]> {
  const holdings = await loaders.holdingsByOwner.load(ownerId);
  const rows = await loaders.propertyById.loadMany(holdings.map((h) => h.propertyId));
  return rows.filter((r): r is PropertyRow => r !== null && !(r instanceof Error));
}

/** Checks that every new owner is a person or an enterprise the caller may see, in the subgraph that owns them. */
async function assertOwnersExist(ctx: HousingContext, argument: string, owners: readonly TransferParty[]): Promise<void> {
  const ids = (kind: string) => owners.filter((o) => o.kind === kind).map((o) => o.ownerId);
  await assertReferencesExist(ctx, PERSON, ids('PERSON'), argument);
  await assertReferencesExist(ctx, ENTERPRISE, ids('ENTERPRISE'), argument);
}

const OWNER_FIELDS = ['kind', 'share', 'person', 'enterprise', 'regionCode'];

const REGISTER_PROPERTY: MutationSpec = {
  operation: 'registerProperty',
  event: 'PropertyRegistered',
  returns: 'Property',
  writes: [
    { type: 'Property', action: 'create', fields: ['id', 'certificateNumber', 'address', 'regionCode', 'location', 'floorArea', 'usage', 'registeredOn', 'owners'] },
    { type: 'PropertyOwner', action: 'create', fields: OWNER_FIELDS },
  ],
};

const REGISTER_TRANSFER: MutationSpec = {
  operation: 'registerPropertyTransfer',
  event: 'PropertyTransferred',
  // The new owners are the transfer's news; they live in their own rows, not in the Property answered.
  // As the graph names them: PropertyOwner's kind, share and person or enterprise (by key).
  eventFields: (_, input: PropertyTransferInput) => ({
    owners: input.newOwners.map((o) => ({ kind: o.personId ? 'PERSON' : 'ENTERPRISE', share: o.share, person: o.personId ?? null, enterprise: o.uscc ?? null })),
  }),
  returns: 'Property',
  writes: [
    { type: 'Property', action: 'update', fields: ['owners', 'transfers'] },
    { type: 'PropertyTransfer', action: 'create', fields: ['id', 'date', 'price', 'from', 'to', 'regionCode'] },
    { type: 'PropertyOwner', action: 'create', fields: OWNER_FIELDS },
  ],
};

export const resolvers: Resolvers = {
  Region: regionIndicators,
  Query: {
    ...statisticsQuery,
    property: (_, { id }, { loaders }) => loaders.propertyById.load(id),
    properties: async (_, { filter, first, after }, { data }) => {
      const where = await filteredProperties(data, filter);
      // No holdings of that owner: an empty page, but paginate still checks the page arguments.
      return paginate(data, Property, where ?? { id: { $in: [] } }, { first, after });
    },
  },
  Mutation: {
    registerProperty: (_, { input, idempotencyKey }, ctx) =>
      runMutation(ctx, REGISTER_PROPERTY, input, idempotencyKey, async (em) => {
        const today = chinaToday();
        const regionCode = validPropertyRegion('input.regionCode', input.regionCode);
        const certificate = validateCertificateNumber(input.certificateNumber, regionCode, today);
        if (!certificate.ok) throw badInput('input.certificateNumber', certificate.reason);
        const address = validAddress('input.address', input.address, regionCode);
        const [lon, lat] = validLocation('input.location', input.location, regionCode);
        const floorArea = validFloorArea('input.floorArea', input.floorArea);
        const registeredOn = validDate('input.registeredOn', input.registeredOn, { notAfter: today });
        validCertificateYear('input.certificateNumber', certificate, registeredOn);
        const owners = validOwners('input.owners', input.owners);
        if (await em.count(Property, { certificateNumber: certificate.value })) {
          throw badInput('input.certificateNumber', `${certificate.value} is already registered; a certificate number identifies one property.`);
        }
        await assertOwnersExist(ctx, 'input.owners', owners);
        const property: PropertyRow = {
          id: registeredId(PROPERTY_ID_PREFIX),
          certificateNumber: certificate.value,
          address,
          regionCode,
          cityCode: cityCodeOf(regionCode),
          lon,
          lat,
          floorArea,
          usage: input.usage,
          registeredOn,
          version: 1,
        };
        await em.insert(Property, property);
        await em.insertMany(PropertyOwner, owners.map((o) => ({ ...o, propertyId: property.id, regionCode })));
        return property;
      }),
    registerPropertyTransfer: (_, { input, idempotencyKey }, ctx) =>
      runMutation(ctx, REGISTER_TRANSFER, input, idempotencyKey, async (em) => {
        const today = chinaToday();
        // Read in the mutation's transaction (SQLite has one connection), among the rows the caller may see.
        const visible = restrict({ id: input.propertyId }, ctx.data.visible(Property));
        const property = visible && (await em.findOne(Property, visible, { disableIdentityMap: true }));
        if (!property) throw notFound('Property', input.propertyId);
        const last = await em.findOne(PropertyTransfer, { propertyId: property.id }, { orderBy: { sequence: 'desc' }, disableIdentityMap: true });
        const notBefore = last ? { date: last.date, what: 'the last transfer' } : { date: property.registeredOn, what: 'the first registration' };
        const date = validDate('input.date', input.date, { notAfter: today, notBefore });
        const price = validPrice('input.price', input.price);
        const newOwners = validOwners('input.newOwners', input.newOwners);
        await assertOwnersExist(ctx, 'input.newOwners', newOwners);
        // The version check first: once it passes, the row is ours until commit, so the owners read next are current.
        const updated = await updateVersioned(em, Property, { id: property.id }, property.id, input.expectedVersion, {});
        const previous = await em.find(PropertyOwner, { propertyId: property.id }, { orderBy: { share: 'desc', ownerId: 'asc' }, disableIdentityMap: true });
        await em.insert(PropertyTransfer, {
          id: registeredId(TRANSFER_ID_PREFIX),
          propertyId: property.id,
          sequence: (last?.sequence ?? 0) + 1,
          date,
          price,
          fromOwners: JSON.stringify(previous.map(({ kind, ownerId, share }) => ({ kind, ownerId, share }))),
          toOwners: JSON.stringify(newOwners),
          regionCode: property.regionCode,
        });
        await em.nativeDelete(PropertyOwner, { propertyId: property.id });
        await em.insertMany(PropertyOwner, newOwners.map((o) => ({ ...o, propertyId: property.id, regionCode: property.regionCode })));
        return updated;
      }),
  },
  Property: {
    __resolveReference: (ref, { loaders }) => loaders.propertyById.load(ref.id),
    region: (property) => ({ code: property.regionCode }),
    location: (property) => ({ type: 'Point', coordinates: [property.lon, property.lat] }),
    usage: (property) => property.usage as PropertyUsage,
    owners: (property, _, { loaders }) => loaders.ownersByProperty.load(property.id),
    transfers: (property, _, { loaders }) => loaders.transfersByProperty.load(property.id),
    mortgages: (property, _, { loaders }) => loaders.mortgagesByProperty.load(property.id),
  },
  PropertyOwner: {
    kind: (owner) => owner.kind as PropertyOwnerKind,
    person: (owner) => (owner.kind === 'PERSON' ? { id: owner.ownerId } : null),
    enterprise: (owner) => (owner.kind === 'ENTERPRISE' ? { uscc: owner.ownerId } : null),
  },
  PropertyTransfer: {
    from: (transfer) => partiesOf(transfer, transfer.fromOwners),
    to: (transfer) => partiesOf(transfer, transfer.toOwners),
  },
  Person: {
    // Any person ID may be asked for; a person who owns nothing simply has no properties.
    __resolveReference: (ref) => ({ id: ref.id }),
    properties: (person, _, ctx) => propertiesOf(person.id, ctx),
  },
  Enterprise: {
    __resolveReference: (ref) => ({ uscc: ref.uscc }),
    properties: (enterprise, _, ctx) => propertiesOf(enterprise.uscc, ctx),
  },
};
