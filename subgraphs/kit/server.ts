/**
 * Starts one domain as its own HTTP service: database (created and migrated additively, seeded when empty),
 * federated schema, per-request context, /healthz and /readyz, graceful stop.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphConfig } from './config';
import { createContext } from './context';
import { formatError } from './errors';
import { serveHttp } from './http';
import { openDatabase, type Database } from './orm';
import { DateScalar, GeoJsonScalar } from './scalars';
import { SeedRun, seedDomains } from './seed';
import type { RequestContext, SubgraphDefinition } from './subgraph';

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  db: Database;
  stop(): Promise<void>;
}

export function subgraphSchema(definition: SubgraphDefinition<unknown>) {
  return buildSubgraphSchema({
    typeDefs: definition.typeDefs,
    resolvers: { Date: DateScalar, GeoJSON: GeoJsonScalar, ...definition.resolvers } as never,
  });
}

export function createApollo<L>(definition: SubgraphDefinition<L>, production: boolean, plugins: ApolloServerPlugin<RequestContext<L>>[] = []) {
  return new ApolloServer<RequestContext<L>>({
    schema: subgraphSchema(definition as SubgraphDefinition<unknown>),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    csrfPrevention: true,
    // No inline traces: they cost CPU and bytes on every response and nothing here reads them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ...plugins],
  });
}

export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  config: SubgraphConfig,
  log: (line: string) => void = () => undefined,
): Promise<RunningSubgraph> {
  const db = await openDatabase(config.database, [...definition.entities, SeedRun]);
  try {
    if (config.seed.persons > 0) {
      const started = Date.now();
      const seeded = await seedDomains([{ definition: definition as SubgraphDefinition<unknown>, db }], { ...config.seed, log });
      if (seeded.length) log(`${definition.name}: seeded ${config.seed.persons} persons (seed ${config.seed.seed}) in ${Date.now() - started} ms.`);
    }
    const apollo = createApollo(definition, config.production);
    await apollo.start();
    const http = await serveHttp({
      apollo,
      context: async (headers) => createContext(definition, db, headers),
      ready: () => db.ping(),
      port: config.port,
      host: config.host,
    });
    return {
      name: definition.name,
      url: http.url,
      port: http.port,
      db,
      async stop() {
        await http.close();
        await apollo.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
