/** The governance graph reads small reference sets; it needs no batching loaders yet. */
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';

export function governanceLoaders(_data: DataAccess) {
  return {};
}

export type GovernanceLoaders = ReturnType<typeof governanceLoaders>;
export type GovernanceContext = RequestContext<GovernanceLoaders>;
