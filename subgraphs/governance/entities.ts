/**
 * The governance database: policy versions with their tests, sharing requests (grants), the workflow history
 * of both, data objections, the change counter every subgraph watches, and change subscriptions with their deliveries.
 * The kit's policy store reads the same tables.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { GOVERNANCE_STORE_ENTITIES } from '../kit/policy-store';
import { SUBSCRIPTION_ENTITIES } from './subscription-store';

export { PolicyVersionRecord, GrantRequestRecord, PolicyEventRecord, type PolicyVersionRow, type GrantRequestRow, type PolicyEventRow } from '../kit/policy-store';
export * from './subscription-store';

/** A data objection (数据异议) and its resolution: ./objections.ts. */
export const ObjectionRecord = defineEntity({
  name: 'Objection',
  tableName: 'objection',
  properties: {
    id: p.string().primary().length(40),
    /** `Type:id` of the record objected to, e.g. `Person:P0000001`. */
    recordKey: p.string().length(160).index(),
    field: p.string().length(64),
    proposedValue: p.text(),
    evidence: p.text(),
    reason: p.text(),
    objectorDept: p.string().length(32).index(),
    objector: p.string().length(128),
    ownerDept: p.string().length(32).index(),
    state: p.string().length(16).index(),
    resolutionReason: p.text().nullable(),
    correctionVersion: p.integer().nullable(),
    correctedBy: p.string().length(128).nullable(),
    resolvedBy: p.string().length(128).nullable(),
    createdAt: p.datetime().index(),
    resolvedAt: p.datetime().nullable(),
    version: p.integer(),
  },
});
export type ObjectionRow = InferEntity<typeof ObjectionRecord>;

export const entities = [...GOVERNANCE_STORE_ENTITIES, ObjectionRecord, ...SUBSCRIPTION_ENTITIES];
