/** The governance subgraph: the resource catalogue, the role policies and each caller's access. */
import { mergeCatalogues } from '../../auth';
import { defineSubgraph, loadTypeDefs } from '../kit/subgraph';
import { auditResolvers } from './audit';
import { auditCatalogue, catalogue } from './catalogue';
import { entities } from './entities';
import { governanceLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';
import { webhookTask } from './webhooks';

export const governance = defineSubgraph({
  name: 'governance',
  typeDefs: loadTypeDefs('governance'),
  // The audit trail's queries and types (./audit.ts) beside the governance vocabulary.
  resolvers: { ...resolvers, Query: { ...resolvers.Query, ...auditResolvers.Query } },
  entities,
  catalogue: mergeCatalogues(catalogue, auditCatalogue),
  loaders: governanceLoaders,
  seed,
  // Webhook push of change subscriptions (webhooks.ts): the worker runs beside the service's requests.
  background: webhookTask,
});
