/** The credit subgraph: the enterprise and personal credit information database of the credit information centre. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { importer } from './import';
import { creditLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { statistics } from './statistics';

export const credit = defineSubgraph({
  name: 'credit',
  typeDefs: loadTypeDefs('credit'),
  resolvers,
  entities,
  catalogue,
  loaders: creditLoaders,
  seed,
  importer,
  statistics,
});
