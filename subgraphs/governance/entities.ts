/** The governance database: role policies (shared with every subgraph through the kit's policy store). */
import { RolePolicyRecord } from '../kit/policy-store';

export { RolePolicyRecord, type RolePolicyRow } from '../kit/policy-store';

export const entities = [RolePolicyRecord];
