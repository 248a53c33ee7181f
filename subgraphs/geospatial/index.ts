/** The geospatial subgraph: the provincial geographic information service of natural resources. */
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { catalogue } from './catalogue';
import { entities } from './entities';
import { geospatialLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

export const geospatial = defineSubgraph({
  name: 'geospatial',
  typeDefs: loadTypeDefs('geospatial'),
  resolvers,
  entities,
  catalogue,
  loaders: geospatialLoaders,
  seed,
});
