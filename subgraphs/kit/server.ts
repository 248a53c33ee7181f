/**
 * Starts one domain as its own HTTP service: database (created and migrated additively, seeded when empty),
 * federated schema with every field authorized, per-request context, /healthz and /readyz, graceful stop.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind } from 'graphql';
import { checkCatalogue, mergeCatalogues } from '../../auth';
import { authorizeFields, createAuthorizer, guardServiceField, introspectionGuard } from './authorization';
import { STRUCTURAL_CATALOGUE } from './catalogue';
import type { SubgraphConfig } from './config';
import { contextFactory } from './context';
import { formatError } from './errors';
import { serveHttp } from './http';
import { createIdentity } from './identity';
import { openDatabase, type Database } from './orm';
import { openPolicyStore, type PolicyStore } from './policy-store';
import { DateScalar, GeoJsonScalar } from './scalars';
import { SeedRun, seedDomains } from './seed';
import { startRollups, type RollupRefresher } from './statistics/rollups';
import { IdempotencyRecord } from './writes';
import type { RequestContext, SubgraphDefinition } from './subgraph';

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  db: Database;
  policies: PolicyStore;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /**
   * @default true. False only for the benchmark that measures what enforcement costs on the same build: fields are
   * then not wrapped and rows not scoped. Never set from configuration.
   */
  enforce?: boolean;
  /** The policy store to use; by default the governance database of the configuration. */
  policies?: PolicyStore;
}

/** The subgraph's catalogue part with those of the platform's structural types (PageInfo) that it declares. */
export function catalogueOf(definition: SubgraphDefinition<unknown>) {
  const declared = new Set(definition.typeDefs.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? [d.name.value] : [])));
  const structural = Object.fromEntries(Object.entries(STRUCTURAL_CATALOGUE).filter(([type]) => declared.has(type)));
  return mergeCatalogues(structural, definition.catalogue);
}

export function subgraphSchema(definition: SubgraphDefinition<unknown>, options: { production: boolean; enforce: boolean }) {
  const schema = buildSubgraphSchema({
    typeDefs: definition.typeDefs,
    resolvers: { Date: DateScalar, GeoJSON: GeoJsonScalar, ...definition.resolvers } as never,
  });
  const problems = checkCatalogue(schema, catalogueOf(definition));
  if (problems.length > 0) {
    throw new Error(`The ${definition.name} catalogue does not match its schema:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
  }
  guardServiceField(schema, options.production);
  return options.enforce ? authorizeFields(schema) : schema;
}

export function createApollo<L>(definition: SubgraphDefinition<L>, options: { production: boolean; enforce: boolean }, plugins: ApolloServerPlugin<RequestContext<L>>[] = []) {
  return new ApolloServer<RequestContext<L>>({
    schema: subgraphSchema(definition as SubgraphDefinition<unknown>, options),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    csrfPrevention: true,
    // The service's own SIGTERM handler drains HTTP first, then stops Apollo; two handlers would race.
    stopOnTerminationSignals: false,
    // No inline traces: they cost CPU and bytes on every response and nothing here reads them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), introspectionGuard((ctx) => ctx.auth?.principal), ...plugins],
  });
}

export async function startSubgraph<L>(definition: SubgraphDefinition<L>, config: SubgraphConfig, options: StartOptions = {}): Promise<RunningSubgraph> {
  const log = options.log ?? (() => undefined);
  const enforce = options.enforce ?? true;
  const identity = await createIdentity(config.auth, config.production);
  const policies = options.policies ?? (await openPolicyStore(config.governanceDatabase, { log }));
  const db = await openDatabase(config.database, [...definition.entities, SeedRun, IdempotencyRecord]);
  try {
    if (config.seed.persons > 0 && (definition.seed.reference || definition.seed.fromChunk)) {
      const started = Date.now();
      const seeded = await seedDomains([{ definition: definition as SubgraphDefinition<unknown>, db }], { ...config.seed, log });
      if (seeded.length) log(`${definition.name}: seeded ${config.seed.persons} persons (seed ${config.seed.seed}) in ${Date.now() - started} ms.`);
    }
    // Built in the background: until a rollup is ready, statistics read the records (the same numbers, slower).
    const rollups: RollupRefresher | null = definition.statistics?.length ? await startRollups(db.orm.em.fork(), definition.statistics, { log, background: true }) : null;
    const apollo = createApollo(definition, { production: config.production, enforce });
    await apollo.start();
    const authorizer = enforce ? createAuthorizer(catalogueOf(definition as SubgraphDefinition<unknown>), policies) : null;
    const http = await serveHttp({
      apollo,
      context: contextFactory(definition, db, { identity, authorizer, peers: config.peers }),
      ready: () => db.ping(),
      port: config.port,
      host: config.host,
    });
    return {
      name: definition.name,
      url: http.url,
      port: http.port,
      db,
      policies,
      async stop() {
        await http.close();
        await apollo.stop();
        rollups?.stop();
        await rollups?.refresh().catch(() => undefined);
        await db.close();
        if (!options.policies) await policies.close();
      },
    };
  } catch (error) {
    await db.close();
    if (!options.policies) await policies.close();
    throw error;
  }
}
