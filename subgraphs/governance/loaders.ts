/** Batched reads of the governance graph: the workflow history of versions and requests. */
import { manyByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { PolicyEventRecord } from './entities';

export function governanceLoaders(data: DataAccess) {
  return {
    /** Keyed by version number (as text) or request id. */
    historyOf: manyByKey(data, PolicyEventRecord, 'subjectId', { at: 'asc', id: 'asc' }),
  };
}

export type GovernanceLoaders = ReturnType<typeof governanceLoaders>;
export type GovernanceContext = RequestContext<GovernanceLoaders>;
