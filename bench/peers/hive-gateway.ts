/**
 * The Hive Gateway peers, serving the same static supergraph and forwarding Authorization and X-Purpose:
 *   HIVE_PLANNER=js|rust   rust: the Rust query planner of @graphql-hive/router-runtime (`unifiedGraphHandler`)
 *   HIVE_DEDUPE=0|1        in-flight request deduplication (outbound subgraph calls, Hive's default, and inbound
 *                          requests keyed on the caller's headers); 0 is the fair comparison
 * One process, no forks (the CLI's `--fork` would spread it over workers): `PORT=... SUPERGRAPH_FILE=...
 * node dist/bench/peers/hive-gateway.js`.
 */
import http from 'node:http';

/**
 * Loaded by a computed name so that the type checker never sees Hive's (GraphQL Yoga's) declaration merging of
 * `GraphQLErrorExtensions.http`, which conflicts with Apollo Server's in the same program.
 */
const load = (name: string) => import(name) as Promise<Record<string, any>>;

const FORWARDED = ['authorization', 'x-purpose'];

async function main(): Promise<void> {
  const dedupe = process.env.HIVE_DEDUPE === '1';
  const rust = process.env.HIVE_PLANNER === 'rust';
  const { createGatewayRuntime } = await load('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = await load('@graphql-hive/router-runtime');
  const gateway = createGatewayRuntime({
    supergraph: process.env.SUPERGRAPH_FILE!,
    logging: process.env.HIVE_LOG ? (process.env.HIVE_LOG as 'debug') : 'error',
    landingPage: false,
    graphiql: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => {
        const headers: Record<string, string> = {};
        for (const name of FORWARDED) {
          const value = request.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        return headers;
      },
    },
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: dedupe } } },
    inboundInflightRequestDeduplication: dedupe ? { shouldIncludeHeader: (name: string) => FORWARDED.includes(name.toLowerCase()) } : false,
    ...(rust ? { unifiedGraphHandler } : {}),
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.stdout.write(`hive-gateway (${rust ? 'rust' : 'js'} planner, dedupe ${dedupe ? 'on' : 'off'}) listening on ${process.env.PORT}\n`);
  const stop = () => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
