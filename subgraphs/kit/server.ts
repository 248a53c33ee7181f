/**
 * Starts one domain as its own HTTP service: database (created and migrated additively, seeded when empty),
 * federated schema with every field authorized, per-request context, /healthz and /readyz, graceful stop.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isObjectType, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { checkCatalogue, mergeCatalogues } from '../../auth';
import { auditedFields } from './audit/collector';
import { pruneChain } from './audit/chain';
import { auditPlugin } from './audit/plugin';
import { AUDIT_ENTITIES } from './audit/records';
import { AUDIT_TRAIL_CATALOGUE, AUDIT_TRAIL_TYPEDEFS, auditTrailResolvers } from './audit/trail';
import { checkpointName, startCheckpoints, type Checkpointer } from './audit/checkpoints';
import { streamSink } from './audit/checkpoint-stream';
import { openAuditWriter, type AuditWriter } from './audit/writer';
import { authorizeFields, createAuthorizer, guardServiceField, introspectionGuard } from './authorization';
import { STRUCTURAL_CATALOGUE } from './catalogue';
import { DEFAULT_QUERY_LIMITS, DEPARTMENT_DOMAINS, statisticsCacheConfig, type QueryLimitTable, type SubgraphConfig } from './config';
import { columnOwners, columnProblems } from './column-guard';
import { ownedKeyFields, scopeRoute, type ForeignEntity } from './owner-scope';
import { scopeTicketer, scopeTicketPlugin } from './scope-ticket';
import { PLATFORM_CATALOGUE } from '../platform-catalogue';
import { contextFactory } from './context';
import { formatError } from './errors';
import { serveHttp } from './http';
import { createIdentity } from './identity';
import { createLogger, type Logger } from './logger';
import { onUncoveredYear } from './working-days';
import { metricsRoute, watchAuditQueue, watchPool } from './metrics';
import { observePlugin } from './observe';
import { flushTracing, installTracing } from './tracing';
import { openDatabase, type Database } from './orm';
import { maxLimit, queryLimitsPlugin } from './query-limits';
import { openPolicyStore, type PolicyStore } from './policy-store';
import { DateScalar, GeoJsonScalar } from './scalars';
import { SeedRun, seedDomains } from './seed';
import type { EntitySchema } from '@mikro-orm/core';
import { connectRedis } from './redis';
import { StatisticsCache } from './statistics/cache';
import { startRollups, type RollupRefresher } from './statistics/rollups';
import { IdempotencyRecord, pruneIdempotency } from './writes';
import { ensureOutbox, OUTBOX_ENTITIES, pruneOutbox } from './outbox';
import { changesRoute, outboxSource, ownedEntities } from './changes';
import { connectNats, jetStreamSource, startRelay, type NatsLink, type Relay } from './jetstream';
import type { BackgroundTask, RequestContext, SubgraphDefinition } from './subgraph';

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  db: Database;
  policies: PolicyStore;
  /** The domain's audit writer; null when a benchmark switched auditing off. */
  audit: AuditWriter | null;
  /** Published statistics tables (statistics/cache.ts); null for a domain without statistics. */
  statisticsCache: StatisticsCache | null;
  /** With NATS_URL: the connection and the outbox's relay to JetStream (jetstream.ts); null otherwise. */
  nats: { link: NatsLink; relay: Relay } | null;
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
  /**
   * @default true. False only for the benchmark that measures what auditing costs on the same build: no audit
   * records are collected or written. Never set from configuration.
   */
  audit?: boolean;
  /**
   * Where the service's structured logs go (tests: a logger without a `service` binding writing to a stream they
   * read; the service binds its name); by default a pino logger on stdout at LOG_LEVEL.
   */
  logger?: Logger;
  /**
   * The service's clock for what is computed from "now" at read time (a sharing request's due date and whether it
   * is overdue); tests move it to a chosen day instead of faking the process's timers. @default the system clock.
   */
  clock?: () => Date;
}

const PRUNE_INTERVAL_MS = 24 * 3600 * 1000;
const IDEMPOTENCY_PRUNE_INTERVAL_MS = 3600 * 1000;

/** Every SDL module a subgraph serves: its own, and the kit's audit trail (left out of the supergraph). */
export function subgraphTypeDefs(definition: SubgraphDefinition<unknown>): DocumentNode[] {
  return [definition.typeDefs, AUDIT_TRAIL_TYPEDEFS];
}

/** The federation key field of each entity type declared with @key (the first one), for audit record keys. */
function keyFields(typeDefs: readonly DocumentNode[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const d of typeDefs.flatMap((t) => t.definitions)) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const key = d.directives?.find((x) => x.name.value === 'key')?.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (key?.kind === Kind.STRING && !out.get(d.name.value)) out.set(d.name.value, key.value.split(/\s+/)[0] ?? null);
  }
  return out;
}

/** The subgraph's catalogue part with those of the platform's structural types (PageInfo) that it declares. */
export function catalogueOf(definition: SubgraphDefinition<unknown>) {
  const declared = new Set(definition.typeDefs.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? [d.name.value] : [])));
  const structural = Object.fromEntries(Object.entries(STRUCTURAL_CATALOGUE).filter(([type]) => declared.has(type)));
  return mergeCatalogues(structural, AUDIT_TRAIL_CATALOGUE, definition.catalogue);
}

/**
 * An entity type without `__resolveReference` would be resolved to the representation itself, fields the caller
 * wrote included, and rules would be judged on them: such types resolve to their key alone.
 */
function keyOnlyReferences(schema: GraphQLSchema, keys: ReadonlyMap<string, string | null>): void {
  for (const [typeName, key] of keys) {
    const type = schema.getType(typeName);
    if (!key || !isObjectType(type)) continue;
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } };
    if (extensions.apollo?.subgraph?.resolveReference) continue;
    const resolveReference = (reference: Record<string, unknown>) => ({ [key]: reference[key] });
    type.extensions = { ...type.extensions, apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference } } };
  }
}

/** Entity types this subgraph serves but another department owns, with the subgraph that holds their records. */
export function foreignEntities(definition: SubgraphDefinition<unknown>): Map<string, ForeignEntity> {
  const keys = keyFields(subgraphTypeDefs(definition));
  const out = new Map<string, ForeignEntity>();
  for (const [type, t] of Object.entries(catalogueOf(definition))) {
    const domain = DEPARTMENT_DOMAINS[t.owner];
    const key = keys.get(type);
    if (t.extension && key && domain && domain !== definition.name) out.set(type, { domain, key });
  }
  return out;
}

export function subgraphSchema(definition: SubgraphDefinition<unknown>, options: { production: boolean; enforce: boolean }) {
  const typeDefs = subgraphTypeDefs(definition);
  const schema = buildSubgraphSchema([
    { typeDefs: typeDefs[0]!, resolvers: { Date: DateScalar, GeoJSON: GeoJsonScalar, ...definition.resolvers } as never },
    { typeDefs: typeDefs[1]!, resolvers: auditTrailResolvers as never },
  ]);
  const problems = [
    ...checkCatalogue(schema, catalogueOf(definition)),
    ...columnProblems(definition.entities, catalogueOf(definition), definition.name).map((message) => ({ message })),
  ];
  if (problems.length > 0) {
    throw new Error(`The ${definition.name} catalogue does not match its schema:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
  }
  guardServiceField(schema, options.production);
  keyOnlyReferences(schema, keyFields(typeDefs));
  if (!options.enforce) return schema;
  // Outside production every custom resolver reads entity rows through the column guard, so the tests of every
  // domain find a resolver that computes a field from a stricter field's columns without declaring it.
  const guard = options.production ? null : { catalogue: catalogueOf(definition), owners: columnOwners(definition.entities, catalogueOf(definition)) };
  return authorizeFields(schema, auditedFields(catalogueOf(definition), keyFields(typeDefs)), definition.name, foreignEntities(definition), guard);
}

export function createApollo<L>(
  definition: SubgraphDefinition<L>,
  options: { production: boolean; enforce: boolean; audit?: boolean; queryLimits?: QueryLimitTable },
  plugins: ApolloServerPlugin<RequestContext<L>>[] = [],
) {
  if (options.audit ?? options.enforce) plugins = [auditPlugin() as ApolloServerPlugin<RequestContext<L>>, ...plugins];
  // Same limits as the gateway's, for the caller the gateway forwards: a subgraph is reachable on its own.
  const limits = options.queryLimits ?? DEFAULT_QUERY_LIMITS;
  if (options.enforce) plugins = [queryLimitsPlugin<RequestContext<L>>(limits, (ctx) => ctx.auth?.principal), ...plugins];
  return new ApolloServer<RequestContext<L>>({
    parseOptions: { maxTokens: maxLimit(limits, 'tokens') },
    schema: subgraphSchema(definition as SubgraphDefinition<unknown>, options),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    csrfPrevention: true,
    // The service's own SIGTERM handler drains HTTP first, then stops Apollo; two handlers would race.
    stopOnTerminationSignals: false,
    // No inline traces: they cost CPU and bytes on every response and nothing here reads them.
    // No cache hints (the schema declares none, the gateway reads none): Apollo's default cache-control plugin would
    // otherwise wrap every field resolver with a hook, on every request.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), introspectionGuard((ctx) => ctx.auth?.principal), ...plugins],
  });
}

/** A domain's tables: its own entities and the kit's (seed runs, idempotency keys, outbox, audit trail). */
export function domainEntities(definition: Pick<SubgraphDefinition<unknown>, 'entities'>): EntitySchema<any, any>[] {
  return [...definition.entities, SeedRun, IdempotencyRecord, ...OUTBOX_ENTITIES, ...AUDIT_ENTITIES];
}

export async function startSubgraph<L>(definition: SubgraphDefinition<L>, config: SubgraphConfig, options: StartOptions = {}): Promise<RunningSubgraph> {
  const log = options.log ?? (() => undefined);
  const enforce = options.enforce ?? true;
  // Auditing needs enforcement: it records the decisions the field wrapper takes.
  const auditing = enforce && (options.audit ?? true);
  const logger = options.logger?.child({ service: definition.name }) ?? createLogger(definition.name, { level: config.observability?.logLevel });
  installTracing({ serviceName: definition.name, otlpEndpoint: config.observability?.otlpEndpoint });
  // The working-day clock (deadlines of sharing requests) warns in the service's log when it runs past its calendar.
  onUncoveredYear((message) => logger.warn(message));
  const identity = await createIdentity(config.auth, config.production);
  const policies = options.policies ?? (await openPolicyStore(config.governanceDatabase, { log }));
  const db = await openDatabase(config.database, domainEntities(definition));
  await ensureOutbox(db.orm.em.fork(), definition.name);
  let pruneTimer: NodeJS.Timeout | undefined;
  let keysTimer: NodeJS.Timeout | undefined;
  const unwatch: (() => unknown)[] = [watchPool(definition.name, () => db.pool())];
  let statisticsCache: StatisticsCache | null = null;
  let nats: { link: NatsLink; relay: Relay } | null = null;
  let background: BackgroundTask | undefined;
  let checkpoints: Checkpointer | null = null;
  try {
    if (config.seed.persons > 0 && (definition.seed.reference || definition.seed.fromChunk)) {
      const started = Date.now();
      const seeded = await seedDomains([{ definition: definition as SubgraphDefinition<unknown>, db }], { ...config.seed, log });
      if (seeded.length) log(`${definition.name}: seeded ${config.seed.persons} persons (seed ${config.seed.seed}) in ${Date.now() - started} ms.`);
    }
    const audit = auditing ? await openAuditWriter(db, definition.name, config.audit) : null;
    if (audit) unwatch.push(watchAuditQueue(definition.name, () => audit.pending));
    const prune = async () => {
      const before = new Date(Date.now() - config.audit.retentionDays * 24 * 3600 * 1000);
      const pruned = await pruneChain(db.orm.em.fork(), definition.name, before);
      if (pruned) log(`${definition.name}: pruned ${pruned} audit records older than ${before.toISOString()}.`);
      const eventsBefore = new Date(Date.now() - (config.changeRetentionDays ?? 90) * 24 * 3600 * 1000);
      const events = await pruneOutbox(db.orm.em.fork(), eventsBefore, config.nats !== undefined);
      if (events) log(`${definition.name}: pruned ${events} change events older than ${eventsBefore.toISOString()}.`);
    };
    await prune();
    pruneTimer = setInterval(() => void prune().catch((error: unknown) => log(`${definition.name}: audit pruning failed: ${String(error)}`)), PRUNE_INTERVAL_MS);
    pruneTimer.unref();
    // Idempotency keys hold no personal data, but are kept no longer than their window either (and rows of older
    // releases, which held whole answers, go at once).
    const idempotencyWindowMs = (config.idempotencyWindowHours ?? 24) * 3600 * 1000;
    const pruneKeys = async () => {
      const pruned = await pruneIdempotency(db.orm.em.fork(), idempotencyWindowMs);
      if (pruned) log(`${definition.name}: pruned ${pruned} idempotency keys.`);
    };
    await pruneKeys();
    keysTimer = setInterval(() => void pruneKeys().catch((error: unknown) => log(`${definition.name}: idempotency pruning failed: ${String(error)}`)), IDEMPOTENCY_PRUNE_INTERVAL_MS);
    keysTimer.unref();
    // Built in the background: until a rollup is ready, statistics read the records (the same numbers, slower).
    const rollups: RollupRefresher | null = definition.statistics?.length ? await startRollups(db.orm.em.fork(), definition.statistics, { log, background: true }) : null;
    if (definition.statistics?.length) {
      // With REDIS_URL every replica shares the tables; a wrong URL stops the start (as the gateway's), an outage later
      // only costs computations.
      const redis = config.redis ? { client: await connectRedis(config.redis), prefix: config.redis.keyPrefix } : undefined;
      if (redis) unwatch.push(() => redis.client.disconnect());
      statisticsCache = new StatisticsCache({ service: definition.name, config: config.statisticsCache ?? statisticsCacheConfig({}), em: () => db.orm.em.fork(), redis, log });
      const cache = statisticsCache;
      unwatch.push(() => cache.close());
      // A new policy version or grant decision changes every key; the tables of the previous one go at once.
      unwatch.push(policies.onChange(() => cache.clear()));
    }
    if (config.nats) {
      // In the background: the service starts, and writes, while NATS is unreachable; the outbox holds the events.
      const natsLog = (level: 'info' | 'warn', message: string) => logger[level](message);
      const link = connectNats(config.nats, { name: `hainan-${definition.name}`, log: natsLog });
      nats = { link, relay: startRelay({ db, domain: definition.name, link, log: natsLog }) };
    }
    // The chain heads, signed outside the database at an interval and at the stop (audit/checkpoints.ts): into the
    // JetStream stream with NATS, else an append-only file.
    if (audit && config.audit.checkpoints) {
      const sink = nats ? streamSink(nats.link, checkpointName(db.config)) : undefined;
      checkpoints = startCheckpoints({ db, domain: definition.name, config: config.audit.checkpoints, log, sink });
    }
    const observe = observePlugin<RequestContext<L>>({ service: definition.name, logger, principalOf: (ctx) => ctx.auth?.principal, requestIdOf: (ctx) => ctx.requestId });
    const served = catalogueOf(definition as SubgraphDefinition<unknown>);
    const ticketer = enforce ? scopeTicketer({ secret: config.scopeTicketKey, devPrivateKeyFile: identity.privateKeyFile, production: config.production }) : null;
    const ticketPlugins = ticketer ? [scopeTicketPlugin(ticketer, { served, entities: definition.entities }) as ApolloServerPlugin<RequestContext<L>>] : [];
    const apollo = createApollo(definition, { production: config.production, enforce, audit: auditing, queryLimits: config.queryLimits }, [observe, ...ticketPlugins]);
    await apollo.start();
    // Abilities over the platform catalogue: a rule about a type covers its fields in every subgraph alike.
    const authorizer = enforce ? createAuthorizer(PLATFORM_CATALOGUE, policies, served) : null;
    background = definition.background ? await definition.background({ db, config, identity, log, warn: (message) => logger.warn(message), ...(nats ? { nats: nats.link } : {}) }) : undefined;
    const context = contextFactory(definition, db, { identity, authorizer, peers: config.peers, audit, auditConfig: config.audit, idempotencyWindowMs, statisticsCache, clock: options.clock, background: background?.context, scopeTickets: ticketer ? { ticketer, owned: ownedKeyFields(definition.entities, keyFields(subgraphTypeDefs(definition as SubgraphDefinition<unknown>)), served) } : null });
    const routes = [metricsRoute({ token: config.observability?.metricsToken, production: config.production })];
    if (enforce) {
      routes.push(scopeRoute({ entities: definition.entities, keys: keyFields(subgraphTypeDefs(definition as SubgraphDefinition<unknown>)), served, context: context as never }));
      const changes = nats ? jetStreamSource(nats.link, definition.name) : outboxSource(db, definition.name);
      routes.push(changesRoute({ source: () => changes, owned: ownedEntities(definition.entities, served, (type) => db.orm.getMetadata().find(type)?.primaryKeys ?? []), served, context: context as never }));
    }
    const http = await serveHttp({
      apollo,
      context,
      ready: async () => ((await db.ping()) ? true : { ready: false, reason: 'database unavailable' }),
      policy: () => {
        const { policyVersion, seq } = policies.current();
        return { version: policyVersion, seq };
      },
      statements: () => db.queries.count,
      port: config.port,
      host: config.host,
      bodyLimitBytes: config.http?.bodyLimitBytes,
      routes,
    });
    // After listening: the task may read the service's own feed as any peer does.
    background?.start();
    const task = background;
    return {
      name: definition.name,
      url: http.url,
      port: http.port,
      db,
      policies,
      audit,
      statisticsCache,
      nats,
      async stop() {
        await task?.stop();
        clearInterval(pruneTimer);
        clearInterval(keysTimer);
        await http.close();
        await apollo.stop();
        await nats?.relay.stop();
        await nats?.link.close();
        await audit?.close();
        await checkpoints?.stop();
        rollups?.stop();
        await rollups?.refresh().catch(() => undefined);
        for (const u of unwatch) u();
        await db.close();
        if (!options.policies) await policies.close();
        await flushTracing();
      },
    };
  } catch (error) {
    await background?.stop();
    await checkpoints?.stop();
    clearInterval(pruneTimer);
    clearInterval(keysTimer);
    await nats?.relay.stop();
    await nats?.link.close();
    for (const u of unwatch) u();
    await db.close();
    if (!options.policies) await policies.close();
    throw error;
  }
}
