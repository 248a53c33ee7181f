/** The health subgraph: the resident health records of the health commission and its facility register. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { importer } from './import';
import { healthLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { statistics } from './statistics';

export const health = defineSubgraph({
  name: 'health',
  typeDefs: loadTypeDefs('health'),
  resolvers,
  entities,
  catalogue,
  loaders: healthLoaders,
  seed,
  importer,
  statistics,
});
