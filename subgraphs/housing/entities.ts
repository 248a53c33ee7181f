/**
 * The individual housing information system, built on real-estate registration: registered properties, who owns
 * them and in what shares, how ownership passed, and the mortgages registered on them. Owners are plain keys
 * (person IDs and unified social credit codes), never relations into other departments' databases.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { doubleColumn as decimal } from '../kit/columns';


export const Property = defineEntity({
  name: 'Property',
  tableName: 'property',
  properties: {
    id: p.string().primary().length(16),
    /** The real-estate certificate number, e.g. 琼(2021)海口市不动产权第0012345号. */
    certificateNumber: p.string().length(48).unique(),
    address: p.string().length(200),
    /** County or district code (GB/T 2260) where the property lies. */
    regionCode: p.string().length(6).index(),
    /** Prefecture-level code above it (itself for units under the province); for city-wide filters. */
    cityCode: p.string().length(6).index(),
    lon: decimal(),
    lat: decimal(),
    /** Square metres of building area. */
    floorArea: decimal().index(),
    usage: p.string().length(12).index(),
    registeredOn: p.string().length(10),
    version: p.integer().version(),
  },
});
export type PropertyRow = InferEntity<typeof Property>;

/** The owner table: one row per current owner of a property, keyed by owner too for Person/Enterprise.properties. */
export const PropertyOwner = defineEntity({
  name: 'PropertyOwner',
  tableName: 'property_owner',
  properties: {
    propertyId: p.string().primary().length(16),
    /** A person ID or a unified social credit code, as `kind` says. */
    ownerId: p.string().primary().length(18).index(),
    kind: p.string().length(10),
    /** Share of the property, above 0 and at most 1; the shares of a property add up to 1. */
    share: decimal(),
    /** The property's region, so that region-limited sharing applies to its owners alike. */
    regionCode: p.string().length(6).index(),
  },
});
export type PropertyOwnerRow = InferEntity<typeof PropertyOwner>;

/** A party to a transfer as the transfer row records it (JSON), without the property's keys. */
export interface TransferParty {
  kind: string;
  ownerId: string;
  share: number;
}

/** A registered transfer of ownership (转移登记): an immutable record. */
export const PropertyTransfer = defineEntity({
  name: 'PropertyTransfer',
  tableName: 'property_transfer',
  properties: {
    id: p.string().primary().length(16),
    propertyId: p.string().length(16).index(),
    /** 1 for the property's first transfer, 2 for the next: the order of transfers registered on one day too. */
    sequence: p.integer(),
    date: p.string().length(10),
    /** Price in yuan. */
    price: decimal(),
    /** The owners before and after, as JSON arrays of TransferParty. */
    fromOwners: p.text(),
    toOwners: p.text(),
    regionCode: p.string().length(6).index(),
  },
  uniques: [{ properties: ['propertyId', 'sequence'] }],
});
export type PropertyTransferRow = InferEntity<typeof PropertyTransfer>;

/** A mortgage registered on a property (抵押登记); released when the loan is repaid. */
export const PropertyMortgage = defineEntity({
  name: 'PropertyMortgage',
  tableName: 'property_mortgage',
  properties: {
    id: p.string().primary().length(16),
    propertyId: p.string().length(16).index(),
    bank: p.string().length(64),
    /** Secured amount in yuan. */
    amount: decimal(),
    registeredOn: p.string().length(10),
    releasedOn: p.string().length(10).nullable(),
    regionCode: p.string().length(6).index(),
    version: p.integer().version(),
  },
});
export type PropertyMortgageRow = InferEntity<typeof PropertyMortgage>;

export const entities = [Property, PropertyOwner, PropertyTransfer, PropertyMortgage];
