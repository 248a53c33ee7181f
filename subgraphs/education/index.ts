/** The education subgraph: the education department's schools, enrolments, staff and degrees. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { importer } from './import';
import { educationLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { statistics } from './statistics';

export const education = defineSubgraph({
  name: 'education',
  typeDefs: loadTypeDefs('education'),
  resolvers,
  entities,
  catalogue,
  loaders: educationLoaders,
  seed,
  importer,
  statistics,
});
