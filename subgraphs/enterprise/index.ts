/** The enterprise subgraph: the legal-person basic information database of market regulation. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { importer } from './import';
import { enterpriseLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { statistics } from './statistics';

export const enterprise = defineSubgraph({
  name: 'enterprise',
  typeDefs: loadTypeDefs('enterprise'),
  resolvers,
  entities,
  catalogue,
  loaders: enterpriseLoaders,
  seed,
  importer,
  statistics,
});
