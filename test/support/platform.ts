/**
 * The whole platform for integration tests: every subgraph as a real HTTP server on an ephemeral port with its
 * own database, seeded from the synthetic world, and the gateway in front of them over real HTTP.
 */
import { DOMAINS, gatewayConfig, type DomainName } from '../../subgraphs/kit/config';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { startGateway, type RunningGateway } from '../../gateway';
import { testDatabases } from './database';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  body: string;
}

export async function postGraphQL<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.text();
  const json = JSON.parse(body) as { data?: T; errors?: GraphQLResponse['errors'] };
  return { status: res.status, data: json.data, errors: json.errors, body };
}

export interface Platform {
  gateway: RunningGateway;
  subgraphs: Record<DomainName, RunningSubgraph>;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** SQL statements each subgraph sent while `fn` ran. */
  countQueries(fn: () => Promise<unknown>): Promise<Record<DomainName, number>>;
  stop(): Promise<void>;
}

export async function startPlatform(label: string, options: { persons?: number; seed?: number } = {}): Promise<Platform> {
  const databases = testDatabases(label);
  const subgraphs = {} as Record<DomainName, RunningSubgraph>;
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    await databases.cleanup();
  };
  try {
    await Promise.all(
      DOMAINS.map(async (domain) => {
        subgraphs[domain] = await startSubgraph(SUBGRAPHS[domain], {
          domain,
          port: 0,
          host: '127.0.0.1',
          database: databases.configFor(domain),
          seed: { persons: options.persons ?? 300, seed: options.seed ?? 7 },
          production: false,
        });
      }),
    );
    const urls = Object.fromEntries(DOMAINS.map((d) => [d, subgraphs[d].url])) as Record<DomainName, string>;
    gateway = await startGateway({ ...gatewayConfig({}), port: 0, subgraphUrls: urls });
  } catch (error) {
    await stop();
    throw error;
  }
  const running = gateway;
  return {
    gateway: running,
    subgraphs,
    query: (query, variables, headers) => postGraphQL(running.url, query, variables, headers),
    async countQueries(fn) {
      for (const d of DOMAINS) subgraphs[d].db.queries.reset();
      await fn();
      return Object.fromEntries(DOMAINS.map((d) => [d, subgraphs[d].db.queries.count])) as Record<DomainName, number>;
    },
    stop,
  };
}
