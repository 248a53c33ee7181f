/**
 * The governance database: policy versions with their tests, sharing requests (grants), the workflow history
 * of both, the change counter every subgraph watches, and change subscriptions with their deliveries.
 */
import { GOVERNANCE_STORE_ENTITIES } from '../kit/policy-store';
import { SUBSCRIPTION_ENTITIES } from './subscription-store';

export { PolicyVersionRecord, GrantRequestRecord, PolicyEventRecord, type PolicyVersionRow, type GrantRequestRow, type PolicyEventRow } from '../kit/policy-store';
export * from './subscription-store';

export const entities = [...GOVERNANCE_STORE_ENTITIES, ...SUBSCRIPTION_ENTITIES];
