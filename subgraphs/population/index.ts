/** The population subgraph: the population basic information database of the public security department. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { importer } from './import';
import { populationLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { statistics } from './statistics';

export const population = defineSubgraph({
  name: 'population',
  typeDefs: loadTypeDefs('population'),
  resolvers,
  entities,
  catalogue,
  loaders: populationLoaders,
  seed,
  importer,
  statistics,
});
