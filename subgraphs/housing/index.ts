/** The housing subgraph: the individual housing information system of the housing department, on real-estate registration. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { importer } from './import';
import { housingLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { statistics } from './statistics';

export const housing = defineSubgraph({
  name: 'housing',
  typeDefs: loadTypeDefs('housing'),
  resolvers,
  entities,
  catalogue,
  loaders: housingLoaders,
  seed,
  importer,
  statistics,
});
