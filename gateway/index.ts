/**
 * The federated gateway: serves the committed static supergraph (no runtime introspection) and forwards the
 * caller's identity headers to every subgraph, which authorizes on its own; and the governance web console at
 * /console (gateway/console.ts).
 */
import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { isDomain, type GatewayConfig } from '../subgraphs/kit/config';
import { requestIdFrom } from '../subgraphs/kit/context';
import { introspectionGuard } from '../subgraphs/kit/authorization';
import { formatError } from '../subgraphs/kit/errors';
import { serveHttp, type RunningHttp } from '../subgraphs/kit/http';
import { createIdentity } from '../subgraphs/kit/identity';
import { createLogger, type Logger } from '../subgraphs/kit/logger';
import { metricsRoute } from '../subgraphs/kit/metrics';
import { observePlugin } from '../subgraphs/kit/observe';
import { flushTracing, installTracing } from '../subgraphs/kit/tracing';
import { consoleRoute } from './console';
import { SubgraphSource, type GatewayContext } from './subgraph-source';

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

export function createGateway(config: GatewayConfig, logger: Logger = createLogger('gateway', { level: config.observability?.logLevel })): ApolloServer<GatewayContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(config.supergraphFile, 'utf8'),
    buildService: ({ name, url }) => new SubgraphSource(name, isDomain(name) ? config.subgraphUrls[name] : String(url), config.subgraphTimeoutMs),
  });
  const observe = observePlugin<GatewayContext>({ service: 'gateway', logger, principalOf: (ctx) => ctx.principal, requestIdOf: (ctx) => ctx.requestId });
  return new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    // The service's own SIGTERM handler drains HTTP first, then stops Apollo; two handlers would race.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), introspectionGuard((ctx) => ctx.principal), observe],
  });
}

export async function startGateway(config: GatewayConfig, options: GatewayStartOptions = {}): Promise<RunningGateway> {
  installTracing({ serviceName: 'gateway', otlpEndpoint: config.observability?.otlpEndpoint });
  const identity = await createIdentity(config.auth, config.production);
  const apollo = createGateway(config, options.logger?.child({ service: 'gateway' }));
  await apollo.start();
  const http = await serveHttp({
    apollo,
    port: config.port,
    host: config.host,
    ready: async () => true,
    routes: [consoleRoute({ auth: config.auth, production: config.production, devPrivateKeyFile: identity.privateKeyFile }), metricsRoute()],
    context: async (headers) => {
      // Refuse a bad token here (HTTP 401) before planning; subgraphs verify it again on their own.
      const principal = await identity.principal(headers);
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
      await flushTracing();
    },
  };
}
