/** The governance subgraph: the resource catalogue, the role policies and each caller's access. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { governanceLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

export const governance = defineSubgraph({
  name: 'governance',
  typeDefs: loadTypeDefs('governance'),
  resolvers,
  entities,
  catalogue,
  loaders: governanceLoaders,
  seed,
});
