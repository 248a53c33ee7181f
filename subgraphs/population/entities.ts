/** The population register: persons and hukou households. References are plain keys (no cross-table FKs). */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const Person = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    id: p.string().primary().length(16),
    idNumber: p.string().length(18).unique(),
    name: p.string().length(64).index(),
    gender: p.string().length(6),
    birthDate: p.string().length(10).index(),
    ethnicityCode: p.string().length(2),
    ethnicity: p.string().length(16),
    /** County or district code of the hukou registration. */
    hukouRegionCode: p.string().length(6).index(),
    /** Prefecture-level code above it (itself for county-level units under the province); for city-wide filters. */
    hukouCityCode: p.string().length(6).index(),
    phone: p.string().length(20).nullable(),
    address: p.string().length(200).nullable(),
    /** County or district code of the current address: where the person lives, registered there or not. */
    addressRegionCode: p.string().length(6).nullable().index(),
    maritalStatus: p.string().length(10),
    status: p.string().length(10),
    statusDate: p.string().length(10).nullable(),
    householdId: p.string().length(16).nullable().index(),
    relationshipToHead: p.string().length(12).nullable(),
    floating: p.boolean(),
    originRegionCode: p.string().length(6).nullable(),
    version: p.integer().version(),
  },
});
export type PersonRow = InferEntity<typeof Person>;

export const Household = defineEntity({
  name: 'Household',
  tableName: 'household',
  properties: {
    id: p.string().primary().length(16),
    regionCode: p.string().length(6).index(),
    address: p.string().length(200),
    registeredOn: p.string().length(10),
    headId: p.string().length(16).nullable(),
    version: p.integer().version(),
  },
});
export type HouseholdRow = InferEntity<typeof Household>;

export const entities = [Person, Household];
