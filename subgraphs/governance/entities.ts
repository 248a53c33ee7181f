/**
 * The governance database: policy versions with their tests, sharing requests (grants), the workflow history
 * of both, and the change counter every subgraph watches. The kit's policy store reads the same tables.
 */
import { GOVERNANCE_STORE_ENTITIES } from '../kit/policy-store';

export { PolicyVersionRecord, GrantRequestRecord, PolicyEventRecord, type PolicyVersionRow, type GrantRequestRow, type PolicyEventRow } from '../kit/policy-store';

export const entities = [...GOVERNANCE_STORE_ENTITIES];
