/**
 * The federated gateway: serves the committed static supergraph (no runtime introspection) and forwards the
 * caller's identity headers to every subgraph, which authorizes on its own; the governance web console at
 * /console (gateway/console.ts); and the graph IDE for browsers at /graphql (gateway/ide.ts).
 */
import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { isDomain, type GatewayConfig } from '../subgraphs/kit/config';
import { requestIdFrom } from '../subgraphs/kit/context';
import { introspectionGuard } from '../subgraphs/kit/authorization';
import { formatError } from '../subgraphs/kit/errors';
import { maxLimit, queryLimitsPlugin } from '../subgraphs/kit/query-limits';
import { serveHttp, type RunningHttp } from '../subgraphs/kit/http';
import { createIdentity } from '../subgraphs/kit/identity';
import { RateLimiter, MemoryBuckets, RedisBuckets } from '../subgraphs/kit/rate-limit';
import { connectRedis, RedisKeyValueCache } from '../subgraphs/kit/redis';
import { createLogger, type Logger } from '../subgraphs/kit/logger';
import { metricsRoute } from '../subgraphs/kit/metrics';
import { observePlugin } from '../subgraphs/kit/observe';
import { flushTracing, installTracing } from '../subgraphs/kit/tracing';
import { consoleRoute, sharedWebRoute } from './console';
import { graphIde, prefersHtml } from './ide';
import { checkTrustedDocument, loadTrustedDocuments, requestedOperation, trustedDocumentsPlugin, type TrustedDocuments } from './trusted-documents';
import { dashboardRoute } from './dashboard';
import { SubgraphSource, type GatewayContext } from './subgraph-source';
import { subgraphFetcher } from './subgraph-fetcher';
import { visibleSchemas } from './visible-schema';

/**
 * Headers a subgraph needs to decide for itself: identity and purpose; and the caller's trace context, passed on
 * as received when the gateway itself does not trace (when it does, its own fetch span replaces it).
 */
export const FORWARDED_HEADERS = ['authorization', 'x-purpose', 'traceparent', 'tracestate'] as const;

export interface GatewayStartOptions {
  /** Where the gateway's structured logs go; by default a pino logger on stdout at LOG_LEVEL. */
  logger?: Logger;
}

export interface RunningGateway extends RunningHttp {
  stop(): Promise<void>;
}

export interface GatewayDependencies {
  /** @default read from `config.safety.trustedDocuments.dir` */
  documents?: TrustedDocuments;
  /** Where automatic persisted queries are kept. @default Apollo's bounded in-memory cache */
  persistedQueryCache?: RedisKeyValueCache;
  /** How subgraphs are called. @default a keep-alive subgraph-fetcher.ts from the configuration */
  fetcher?: Fetcher;
  /** Where the gateway's structured logs go. @default a pino logger on stdout at LOG_LEVEL */
  logger?: Logger;
}

export function createGateway(config: GatewayConfig, deps: GatewayDependencies = {}): ApolloServer<GatewayContext> {
  const documents = deps.documents ?? loadTrustedDocuments(config.safety.trustedDocuments.dir);
  const logger = deps.logger ?? createLogger('gateway', { level: config.observability?.logLevel });
  const fetcher = config.subgraphClient === 'fetch' ? undefined : (deps.fetcher ?? subgraphFetcher({ connections: config.subgraphConnections, dedupe: config.dedupe, timeoutMs: config.subgraphTimeoutMs }));
  const supergraphSdl = fs.readFileSync(config.supergraphFile, 'utf8');
  // Introspection by anyone but developers and security officers: the schema without what they may never read.
  const schemaFor = visibleSchemas({ supergraphSdl, governanceUrl: config.subgraphUrls.governance, timeoutMs: config.subgraphTimeoutMs });
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphSource(name, isDomain(name) ? config.subgraphUrls[name] : String(url), config.subgraphTimeoutMs, fetcher, config.coalesce),
  });
  const observe = observePlugin<GatewayContext>({ service: 'gateway', logger, principalOf: (ctx) => ctx.principal, requestIdOf: (ctx) => ctx.requestId });
  return new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    // Automatic persisted queries for everyone; apps under TRUSTED_DOCUMENTS=enforce only run registered ones.
    persistedQueries: deps.persistedQueryCache ? { cache: deps.persistedQueryCache, ttl: 7 * 24 * 3600 } : {},
    // A hard cap while parsing, before the caller's own (lower) token limit is checked.
    parseOptions: { maxTokens: maxLimit(config.safety.queryLimits, 'tokens') },
    // The service's own SIGTERM handler drains HTTP first, then stops Apollo; two handlers would race.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // In requestDidStart: puts a registered body in place of the hash a request names.
      trustedDocumentsPlugin<GatewayContext>(documents, (ctx) => ctx.principal),
      introspectionGuard<GatewayContext>((ctx) => ctx.principal, { visibleSchema: (ctx) => schemaFor(ctx.headers) }),
      // In didResolveOperation, before the gateway plans or fetches anything.
      queryLimitsPlugin<GatewayContext>(config.safety.queryLimits, (ctx) => ctx.principal),
      observe,
    ],
  });
}

export async function startGateway(config: GatewayConfig, options: GatewayStartOptions = {}): Promise<RunningGateway> {
  // First: without its bundle the gateway refuses to start, before it opens anything.
  const ide = graphIde();
  installTracing({ serviceName: 'gateway', otlpEndpoint: config.observability?.otlpEndpoint });
  const identity = await createIdentity(config.auth, config.production);
  const { redis: redisConfig, rateLimits, http: httpConfig } = config.safety;
  const redis = redisConfig ? await connectRedis(redisConfig) : undefined;
  const limiter = new RateLimiter(rateLimits, redis && redisConfig ? new RedisBuckets(redis, redisConfig.keyPrefix) : new MemoryBuckets());
  const documents = loadTrustedDocuments(config.safety.trustedDocuments.dir);
  const fetcher = subgraphFetcher({ connections: config.subgraphConnections, dedupe: config.dedupe, timeoutMs: config.subgraphTimeoutMs });
  const apollo = createGateway(config, {
    documents,
    fetcher,
    persistedQueryCache: redis && redisConfig ? new RedisKeyValueCache(redis, `${redisConfig.keyPrefix}apq:`) : undefined,
    logger: options.logger?.child({ service: 'gateway' }),
  });
  await apollo.start();
  const http = await serveHttp({
    apollo,
    port: config.port,
    host: config.host,
    bodyLimitBytes: httpConfig.bodyLimitBytes,
    corsOrigins: httpConfig.corsOrigins,
    ready: async () => true,
    routes: [consoleRoute({ auth: config.auth, production: config.production, devPrivateKeyFile: identity.privateKeyFile }), dashboardRoute(), sharedWebRoute(), ide.route, metricsRoute({ token: config.observability?.metricsToken, production: config.production })],
    graphqlPage: { wantsPage: prefersHtml, handle: ide.page },
    context: async (headers, { remoteAddress, body, search }) => {
      // Refuse a bad token here (HTTP 401) before planning; subgraphs verify it again on their own.
      const principal = await identity.principal(headers);
      // Over a rate limit: HTTP 429 with Retry-After, before the operation is even parsed.
      await limiter.check(principal, remoteAddress, headers.get('x-forwarded-for'));
      // An app under TRUSTED_DOCUMENTS=enforce: its own registered operations only (403 before anything is read).
      checkTrustedDocument(documents, config.safety.trustedDocuments, principal, requestedOperation(body, search));
      const forwarded: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = headers.get(name);
        if (value !== undefined) forwarded[name] = value;
      }
      return { headers: forwarded, principal, requestId: requestIdFrom(headers.get('x-request-id')) };
    },
  });
  return {
    ...http,
    async stop() {
      await http.close();
      await apollo.stop();
      await fetcher.close();
      redis?.disconnect();
      await flushTracing();
    },
  };
}
