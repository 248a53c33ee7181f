/** Every domain of the platform, by name: the launcher, the seeder and the tests start from this list. */
import type { DomainName } from './kit/config';
import type { SubgraphDefinition } from './kit/subgraph';
import { credit } from './credit';
import { education } from './education';
import { enterprise } from './enterprise';
import { geospatial } from './geospatial';
import { governance } from './governance';
import { health } from './health';
import { housing } from './housing';
import { population } from './population';

export const SUBGRAPHS: Record<DomainName, SubgraphDefinition<any>> = { population, geospatial, governance, enterprise, education, credit, health, housing };
