/**
 * The whole platform for integration tests: every subgraph as a real HTTP server on an ephemeral port with its
 * own database, seeded from the synthetic world, and the gateway in front of them over real HTTP. Callers are
 * identified by tokens signed with a development key pair made for the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken, type RolePolicy, type TokenClaims } from '../../auth';
import { activateForTest } from './policies';
import { auditConfig, statisticsCacheConfig, webhookConfig, type WebhookConfig, type SubgraphConfig, type Bucket, type StatisticsCacheConfig, type TrustedDocumentsConfig, DEFAULT_AUDIENCE, DEFAULT_QUERY_LIMITS, type QueryLimitTable, DEV_ISSUER, DOMAINS, gatewayConfig, type AuditConfig, type AuthConfig, type DomainName, type GatewayConfig } from '../../subgraphs/kit/config';
import { refreshStatistics } from '../../subgraphs/kit/statistics';
import { startSubgraph, type RunningSubgraph, type StartOptions } from '../../subgraphs/kit/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { startGateway, type RunningGateway } from '../../gateway';
import { testDatabases } from './database';
import pino from 'pino';

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
  auth: AuthConfig;
  /** Signs a token for these claims with the run's development key. */
  token(claims: TokenClaims, options?: { expiresIn?: number | string; notBefore?: number | string }): Promise<string>;
  /** Authorization headers for a caller: `await as({ sub, dept, roles })`. */
  as(claims: TokenClaims, purpose?: string): Promise<Record<string, string>>;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /**
   * Puts these policies in force beside the active ones, as a new active version written straight into the
   * governance database (test set-up, not the officers' workflow), and reloads every subgraph's policies.
   */
  addPolicies(policies: readonly RolePolicy[]): Promise<void>;
  /**
   * Stops one subgraph and starts it again on the same port over the same database (a restart mid-stream); the
   * gateway and the other subgraphs keep its address.
   */
  restart(domain: DomainName): Promise<RunningSubgraph>;
  /** SQL statements each subgraph sent while `fn` ran. */
  countQueries(fn: () => Promise<unknown>): Promise<Record<DomainName, number>>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  persons?: number;
  seed?: number;
  /** Per-subgraph start options (e.g. enforcement off for a benchmark). */
  start?: StartOptions;
  /** Audit settings over the defaults. */
  audit?: Partial<AuditConfig>;
  /**
   * Query limits of the gateway and every subgraph; by default the production defaults. Suites that read whole
   * pages with every nested list for ground truth pass GENEROUS_QUERY_LIMITS (limits are tested on their own).
   */
  queryLimits?: QueryLimitTable;
  /**
   * @default true. Benchmarks that measure something else (authorization, auditing) switch the gateway's rate limits off;
   * buckets by role (and `client` for apps) replace the defaults, as RATE_LIMITS does.
   */
  rateLimits?: boolean | Readonly<Record<string, Bucket>>;
  /** The gateway's trusted documents; by default off (the configuration's default outside production). */
  trustedDocuments?: TrustedDocumentsConfig;
  /** The statistics cache's bounds in every subgraph (statistics/cache.ts); by default the configuration's defaults. */
  statisticsCache?: Partial<StatisticsCacheConfig>;
  /** Webhook push (governance) over the defaults: tests use short backoffs and polls. */
  webhooks?: Partial<WebhookConfig>;
}

/** Ten times the developer's limits for every role: for suites whose ground-truth reads are large on purpose. */
export const GENEROUS_QUERY_LIMITS: QueryLimitTable = Object.freeze(
  Object.fromEntries(Object.keys(DEFAULT_QUERY_LIMITS).map((role) => [role, Object.fromEntries(Object.entries(DEFAULT_QUERY_LIMITS.developer!).map(([k, v]) => [k, v * 10]))])) as unknown as QueryLimitTable,
);

function withBuckets(config: GatewayConfig['safety']['rateLimits'], buckets: Readonly<Record<string, Bucket>>): GatewayConfig['safety']['rateLimits'] {
  const { client, ...roles } = buckets;
  return { ...config, enabled: true, roles: { ...config.roles, ...roles }, client: client ?? config.client };
}

export async function startPlatform(label: string, options: PlatformOptions = {}): Promise<Platform> {
  const databases = testDatabases(label);
  // Request log lines would flood the test output: silent unless a test brings a logger to read them.
  const logger = options.start?.logger ?? pino({ level: 'silent' });
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), `hdg-keys-${label}-`));
  const auth: AuthConfig = { jwks: { devKeysDir: keysDir }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
  const subgraphs = {} as Record<DomainName, RunningSubgraph>;
  // Filled as the subgraphs start; read when a subgraph checks a reference, by then complete.
  const peers: Partial<Record<DomainName, string>> = {};
  const configs = {} as Record<DomainName, SubgraphConfig>;
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    await databases.cleanup();
    fs.rmSync(keysDir, { recursive: true, force: true });
  };
  try {
    // One at a time: they share the governance database, and its first start installs the default policy.
    for (const domain of DOMAINS) {
      configs[domain] = {
        domain,
        port: 0,
        host: '127.0.0.1',
        database: databases.configFor(domain),
        governanceDatabase: databases.configFor('governance'),
        peers,
        auth,
        seed: { persons: options.persons ?? 300, seed: options.seed ?? 7 },
        production: false,
        audit: { ...auditConfig({}), ...options.audit },
        ...(options.queryLimits ? { queryLimits: options.queryLimits } : {}),
        statisticsCache: { ...statisticsCacheConfig({}), ...options.statisticsCache },
        webhooks: { ...webhookConfig({}), ...options.webhooks },
      };
      subgraphs[domain] = await startSubgraph(SUBGRAPHS[domain], configs[domain], { ...options.start, logger });
      peers[domain] = subgraphs[domain].url;
    }
    // The first statistics rollups build in the background at start; wait for them, so that tests begin on a quiet
    // platform (no statement is then sent but by the requests a test makes).
    await Promise.all(DOMAINS.map((d) => refreshStatistics(subgraphs[d].db.orm.em.fork())));
    const urls = Object.fromEntries(DOMAINS.map((d) => [d, subgraphs[d].url])) as Record<DomainName, string>;
    const base = gatewayConfig({});
    const safety = {
      ...base.safety,
      ...(options.queryLimits ? { queryLimits: options.queryLimits } : {}),
      ...(options.rateLimits === false ? { rateLimits: { ...base.safety.rateLimits, enabled: false } } : {}),
      ...(typeof options.rateLimits === 'object' ? { rateLimits: withBuckets(base.safety.rateLimits, options.rateLimits) } : {}),
      ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
    };
    gateway = await startGateway({ ...base, safety, auth, port: 0, subgraphUrls: urls }, { logger });
  } catch (error) {
    await stop();
    throw error;
  }
  const running = gateway;
  const privateKeyFile = path.join(keysDir, 'dev-signing-key.private.jwk.json');
  const token: Platform['token'] = (claims, o = {}) => signToken(privateKeyFile, claims, { issuer: auth.issuer, audience: auth.audience, expiresIn: o.expiresIn ?? '10m', notBefore: o.notBefore });
  return {
    gateway: running,
    subgraphs,
    auth,
    token,
    async as(claims, purpose) {
      return { authorization: `Bearer ${await token(claims)}`, ...(purpose ? { 'x-purpose': purpose } : {}) };
    },
    query: (query, variables, headers) => postGraphQL(running.url, query, variables, headers),
    async addPolicies(policies) {
      await activateForTest(subgraphs.governance.db, policies);
      await Promise.all(DOMAINS.map((d) => subgraphs[d].policies.reload()));
    },
    async restart(domain) {
      const port = subgraphs[domain].port;
      await subgraphs[domain].stop();
      subgraphs[domain] = await startSubgraph(SUBGRAPHS[domain], { ...configs[domain], port }, { ...options.start, logger });
      return subgraphs[domain];
    },
    async countQueries(fn) {
      for (const d of DOMAINS) subgraphs[d].db.queries.reset();
      await fn();
      return Object.fromEntries(DOMAINS.map((d) => [d, subgraphs[d].db.queries.count])) as Record<DomainName, number>;
    },
    stop,
  };
}
