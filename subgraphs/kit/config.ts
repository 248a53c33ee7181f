/**
 * The one place that reads process.env. Every variable is documented in README.md ("Configuration").
 * Explicit options passed by callers (tests, the launcher) win over the environment.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The folder holding package.json, from source (subgraphs/kit) or from a build (dist/subgraphs/kit). */
export const PROJECT_ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export const DOMAINS = ['population', 'geospatial', 'governance', 'enterprise', 'education', 'credit', 'health', 'housing'] as const;
export type DomainName = (typeof DOMAINS)[number];

/** The subgraph that holds each department's records: where another subgraph asks about an entity it extends. */
export const DEPARTMENT_DOMAINS: Readonly<Partial<Record<string, DomainName>>> = {
  'public-security': 'population',
  'natural-resources': 'geospatial',
  'market-regulation': 'enterprise',
  health: 'health',
  education: 'education',
  housing: 'housing',
  credit: 'credit',
  'data-bureau': 'governance',
};

/** Default ports: the gateway on PORT_BASE (4000), each subgraph at its own fixed offset above it. */
export const GATEWAY_PORT = 4000;
const PORT_OFFSETS: Record<DomainName, number> = { population: 1, geospatial: 2, governance: 3, enterprise: 4, health: 5, education: 6, housing: 7, credit: 8 };

/** PORT_BASE moves the gateway and every subgraph together (one variable instead of nine ports and eight URLs). */
export function portBase(env: Env = process.env): number {
  return readInt(env, 'PORT_BASE', GATEWAY_PORT, 1, 65535 - Math.max(...Object.values(PORT_OFFSETS)));
}

/** A domain's port when <DOMAIN>_PORT is not set: PORT_BASE plus the domain's offset (4001 population ... 4008 credit). */
export function defaultPort(domain: DomainName, env: Env = {}): number {
  return portBase(env) + PORT_OFFSETS[domain];
}

/** The port a domain's subgraph listens on: <DOMAIN>_PORT, else its default port above PORT_BASE. */
export function subgraphPort(domain: DomainName, env: Env = process.env): number {
  return readInt(env, envName(domain, 'PORT'), defaultPort(domain, env), 0, 65535);
}

export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`Configuration variable ${variable} is invalid: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function envName(domain: string, suffix: string): string {
  return `${domain.toUpperCase()}_${suffix}`;
}

export function readInt(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function readOnOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  throw new ConfigError(name, `must be "on" or "off", got ${JSON.stringify(raw)}.`);
}

function readSubgraphClient(env: Env): 'undici' | 'fetch' {
  const raw = env.GATEWAY_SUBGRAPH_CLIENT || 'undici';
  if (raw !== 'undici' && raw !== 'fetch') throw new ConfigError('GATEWAY_SUBGRAPH_CLIENT', `must be "undici" or "fetch", got ${JSON.stringify(raw)}.`);
  return raw;
}

function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'it is not a URL.');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `expected a URL starting with ${protocols.join(' or ')}, got "${url.protocol}".`);
  }
  return raw;
}

export type DatabaseConfig =
  | { driver: 'sqlite'; file: string }
  | { driver: 'postgresql'; url: string; schema: string };

export interface SeedConfig {
  /** Persons to generate on first start when the domain's database is empty; 0 disables seeding. */
  persons: number;
  seed: number;
}

export interface SubgraphConfig {
  domain: DomainName;
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Where the governance service keeps policies and grants; every subgraph reads them. */
  governanceDatabase: DatabaseConfig;
  /** Where the other subgraphs answer, for checking references to their records (read when used). */
  peers: Partial<Record<DomainName, string>>;
  auth: AuthConfig;
  seed: SeedConfig;
  production: boolean;
  audit: AuditConfig;
  /** IDEMPOTENCY_WINDOW_HOURS (1-720, default 24): how long a mutation's idempotency key is remembered. */
  idempotencyWindowHours?: number;
  /** CHANGE_RETENTION_DAYS (1-3650, default 90): how long the domain's outbox keeps an event for the change feed. */
  changeRetentionDays?: number;
  /** @default DEFAULT_QUERY_LIMITS: a subgraph is reachable too, so it enforces the same limits as the gateway. */
  queryLimits?: QueryLimitTable;
  /** @default 1 MiB body limit, no CORS (browsers call the gateway, never a subgraph). */
  http?: HttpConfig;
  /** Logs, metrics and traces; optional so that tests can leave it out (defaults: info, no trace export). */
  observability?: ObservabilityConfig;
  /** REDIS_URL: the statistics cache shared by every replica (statistics/cache.ts); unset: each replica's memory only. */
  redis?: RedisConfig;
  /** The statistics cache's bounds (STATISTICS_CACHE_*); unset: the defaults. */
  statisticsCache?: StatisticsCacheConfig;
  /** NATS_URL: the domain's events are relayed to NATS JetStream and its feed served from there; unset: the outbox serves it. */
  nats?: NatsConfig;
  /**
   * SCOPE_TICKET_KEY (at least 32 characters, the same in every subgraph): the owner's row scope travels with its
   * entities (scope-ticket.ts). Unset: derived from the development key outside production; in production, off
   * (every serving subgraph asks the owner's /scope).
   */
  scopeTicketKey?: string;
  /** Webhook push of change subscriptions (WEBHOOK_*, DELIVERY_KEY_FILE); read by governance; unset: the defaults. */
  webhooks?: WebhookConfig;
}

/** How the governance service pushes subscribed changes to webhooks (README "Subscriptions and webhooks"). */
export interface WebhookConfig {
  /** WEBHOOK_MAX_ATTEMPTS (1-50, default 8): attempts per change before it goes to the dead letters. */
  maxAttempts: number;
  /** WEBHOOK_BACKOFF_MS (default 1000): the first retry's delay; each next one doubles, with jitter. */
  backoffMs: number;
  /** WEBHOOK_MAX_BACKOFF_MS (default 1 hour): the longest delay between two attempts. */
  maxBackoffMs: number;
  /** WEBHOOK_TIMEOUT_MS (default 10 s): how long one POST may take, headers and body. */
  timeoutMs: number;
  /** WEBHOOK_POLL_MS (default 1000): how often the worker looks for new changes. */
  pollMs: number;
  /**
   * DELIVERY_KEY_FILE: the private JWK the worker signs its short-lived subscriber tokens with; its public key must
   * be in the JWKS. Required for push in production; outside it the development key signs.
   */
  deliveryKeyFile?: string;
  /** WEBHOOK_SECRET_KEY (at least 32 characters): what signing secrets are derived from; required in production. */
  secretKey?: string;
}

export function webhookConfig(env: Env = process.env): WebhookConfig {
  const secretKey = env.WEBHOOK_SECRET_KEY || undefined;
  if (secretKey !== undefined && secretKey.length < 32) throw new ConfigError('WEBHOOK_SECRET_KEY', 'use at least 32 random characters.');
  return {
    maxAttempts: readInt(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 50),
    backoffMs: readInt(env, 'WEBHOOK_BACKOFF_MS', 1000, 1, 3_600_000),
    maxBackoffMs: readInt(env, 'WEBHOOK_MAX_BACKOFF_MS', 3_600_000, 1, 86_400_000),
    timeoutMs: readInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    pollMs: readInt(env, 'WEBHOOK_POLL_MS', 1000, 10, 600_000),
    ...(env.DELIVERY_KEY_FILE ? { deliveryKeyFile: path.resolve(PROJECT_ROOT, env.DELIVERY_KEY_FILE) } : {}),
    ...(secretKey ? { secretKey } : {}),
  };
}

export const PG_PROTOCOLS = ['postgres:', 'postgresql:'] as const;

/**
 * Database of one domain: <DOMAIN>_DATABASE_URL, else DATABASE_URL with a schema per domain
 * (prefixed by DATABASE_SCHEMA_PREFIX, so that test runs can share one database), else a SQLite file under DATA_DIR.
 */
export function databaseConfig(domain: DomainName, env: Env = process.env): DatabaseConfig {
  const own = readUrl(env, envName(domain, 'DATABASE_URL'), PG_PROTOCOLS);
  const shared = readUrl(env, 'DATABASE_URL', PG_PROTOCOLS);
  const prefix = env.DATABASE_SCHEMA_PREFIX ?? '';
  if (!/^[a-z0-9_]*$/.test(prefix)) throw new ConfigError('DATABASE_SCHEMA_PREFIX', 'use lower-case letters, digits and underscores only.');
  if (own) return { driver: 'postgresql', url: own, schema: prefix + domain };
  if (shared) return { driver: 'postgresql', url: shared, schema: prefix + domain };
  return { driver: 'sqlite', file: path.join(dataDir(env), `${domain}.sqlite`) };
}

export function dataDir(env: Env = process.env): string {
  return path.resolve(PROJECT_ROOT, env.DATA_DIR || 'data');
}

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

export function seedConfig(env: Env = process.env): SeedConfig {
  return {
    persons: readInt(env, 'SEED_PERSONS', 20000, 0, 100_000_000),
    seed: readInt(env, 'SEED', 2026, 0, 2 ** 31 - 1),
  };
}

export function subgraphConfig(domain: DomainName, env: Env = process.env): SubgraphConfig {
  return {
    domain,
    port: subgraphPort(domain, env),
    host: env.HOST || '127.0.0.1',
    database: databaseConfig(domain, env),
    governanceDatabase: databaseConfig('governance', env),
    peers: subgraphUrls(env),
    auth: authConfig(env),
    seed: seedConfig(env),
    production: isProduction(env),
    audit: auditConfig(env),
    idempotencyWindowHours: readInt(env, 'IDEMPOTENCY_WINDOW_HOURS', 24, 1, 720),
    changeRetentionDays: readInt(env, 'CHANGE_RETENTION_DAYS', 90, 1, 3650),
    queryLimits: queryLimitsConfig(env),
    http: { bodyLimitBytes: httpConfig(env).bodyLimitBytes, corsOrigins: [] },
    observability: observabilityConfig(env),
    redis: redisConfig(env),
    statisticsCache: statisticsCacheConfig(env),
    nats: natsConfig(env),
    webhooks: webhookConfig(env),
    ...scopeTicketConfig(env),
  };
}

function scopeTicketConfig(env: Env): { scopeTicketKey?: string } {
  const key = env.SCOPE_TICKET_KEY || undefined;
  if (key !== undefined && key.length < 32) throw new ConfigError('SCOPE_TICKET_KEY', 'use at least 32 random characters, the same in every subgraph.');
  return key ? { scopeTicketKey: key } : {};
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured logs (pino), Prometheus metrics at /metrics, OpenTelemetry traces (README "Observability"). */
export interface ObservabilityConfig {
  /** @default 'info': one line per request at info. */
  logLevel: LogLevel;
  /** OTLP/HTTP collector base URL (traces go to `<url>/v1/traces`); unset: no tracing at all. */
  otlpEndpoint?: string;
  /** METRICS_TOKEN: the bearer token /metrics asks for; unset: no metrics in production, open ones otherwise. */
  metricsToken?: string;
}

export function observabilityConfig(env: Env = process.env): ObservabilityConfig {
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}".`);
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN', 'use at least 16 characters (a random secret shared with the scraper).');
  return { logLevel: level as LogLevel, otlpEndpoint: readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']), ...(metricsToken ? { metricsToken } : {}) };
}

/** The audit trail: how records are written, how long they are kept, and the anomaly rules' thresholds. */
export interface AuditConfig {
  /** Records older than this are pruned (at start and daily); the classified protection standard asks for at least 180. */
  retentionDays: number;
  batchMax: number;
  queueMax: number;
  timeoutMs: number;
  anomalies: AnomalyThresholds;
  /** Signed checkpoints of the chain heads, kept outside the domain databases (audit/checkpoints.ts); absent: none. */
  checkpoints?: CheckpointConfig;
}

export interface CheckpointConfig {
  /**
   * AUDIT_CHECKPOINT_KEY_FILE: the Ed25519 private key (PKCS#8 PEM) that signs checkpoints, kept apart from the
   * databases. Unset: a development key under DATA_DIR/keys, made on first use (refused in production).
   */
  keyFile: string | null;
  devKeyFile: string;
  /** AUDIT_CHECKPOINT_TRUSTED_KEYS: comma-separated PEM public keys of retired signing keys (rotation). */
  trustedKeyFiles: string[];
  /** AUDIT_CHECKPOINT_INTERVAL_S (default 60): how often moved heads are signed; also at every clean stop. */
  intervalSeconds: number;
  /**
   * AUDIT_CHECKPOINT_DIR: where the append-only file of each domain database goes. Unset: beside the database
   * (a SQLite file's folder, `audit-checkpoints/`), or DATA_DIR/audit-checkpoints for PostgreSQL.
   */
  dir: string | null;
  dataDir: string;
  production: boolean;
}

export interface BackupConfig {
  /** BACKUP_DIR (default DATA_DIR/backups): where dated backup folders go. */
  dir: string;
  /** BACKUP_INTERVAL_H: `npm start` also takes a backup this often (hours); unset: no scheduled backup. */
  intervalHours: number | null;
  /** BACKUP_KEEP (default 7): scheduled backups kept, the newest. */
  keep: number;
}

export function backupConfig(env: Env = process.env): BackupConfig {
  return {
    dir: path.resolve(PROJECT_ROOT, env.BACKUP_DIR || path.join(dataDir(env), 'backups')),
    intervalHours: env.BACKUP_INTERVAL_H ? readInt(env, 'BACKUP_INTERVAL_H', 24, 1, 24 * 365) : null,
    keep: readInt(env, 'BACKUP_KEEP', 7, 1, 10_000),
  };
}

export function checkpointConfig(env: Env = process.env): CheckpointConfig {
  const list = (env.AUDIT_CHECKPOINT_TRUSTED_KEYS ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  return {
    keyFile: env.AUDIT_CHECKPOINT_KEY_FILE ? path.resolve(PROJECT_ROOT, env.AUDIT_CHECKPOINT_KEY_FILE) : null,
    devKeyFile: path.join(dataDir(env), 'keys', 'audit-checkpoint.key'),
    trustedKeyFiles: list.map((f) => path.resolve(PROJECT_ROOT, f)),
    intervalSeconds: readInt(env, 'AUDIT_CHECKPOINT_INTERVAL_S', 60, 1, 86_400),
    dir: env.AUDIT_CHECKPOINT_DIR ? path.resolve(PROJECT_ROOT, env.AUDIT_CHECKPOINT_DIR) : null,
    dataDir: dataDir(env),
    production: isProduction(env),
  };
}

/** Thresholds of the anomaly rules (README "Audit trail" explains each). */
export interface AnomalyThresholds {
  /** Days before the period that make a caller's own baseline. */
  baselineDays: number;
  /** A caller is flagged when they read more than this many times their own daily baseline or their peers' median. */
  volumeFactor: number;
  /** ... and at least this many records in the period (small numbers are never anomalous). */
  minRecords: number;
  /** Working hours, local time (UTC+8), e.g. 8 and 19: reads from 08:00 to 18:59 on Monday to Friday are inside. */
  workStartHour: number;
  workEndHour: number;
  /** Denials by one caller within `denialWindowMinutes` that make a burst. */
  denialBurst: number;
  denialWindowMinutes: number;
}

export function auditConfig(env: Env = process.env): AuditConfig {
  const workStartHour = readInt(env, 'AUDIT_WORK_START_HOUR', 8, 0, 23);
  const workEndHour = readInt(env, 'AUDIT_WORK_END_HOUR', 19, 1, 24);
  if (workEndHour <= workStartHour) throw new ConfigError('AUDIT_WORK_END_HOUR', `must be after AUDIT_WORK_START_HOUR (${workStartHour}).`);
  return {
    retentionDays: readInt(env, 'AUDIT_RETENTION_DAYS', 180, 1, 36500),
    batchMax: readInt(env, 'AUDIT_BATCH_MAX', 500, 1, 1000),
    queueMax: readInt(env, 'AUDIT_QUEUE_MAX', 10000, 1, 1_000_000),
    timeoutMs: readInt(env, 'AUDIT_WRITE_TIMEOUT_MS', 5000, 10, 600_000),
    anomalies: {
      baselineDays: readInt(env, 'AUDIT_BASELINE_DAYS', 28, 1, 365),
      volumeFactor: readInt(env, 'AUDIT_VOLUME_FACTOR', 3, 1, 1000),
      minRecords: readInt(env, 'AUDIT_MIN_RECORDS', 50, 1, 1_000_000),
      workStartHour,
      workEndHour,
      denialBurst: readInt(env, 'AUDIT_DENIAL_BURST', 10, 1, 100000),
      denialWindowMinutes: readInt(env, 'AUDIT_DENIAL_WINDOW_MINUTES', 10, 1, 1440),
    },
    // AUDIT_CHECKPOINTS=off: an operator's explicit choice (e.g. replicas without a shared sink yet), never a default.
    ...(readOnOff(env, 'AUDIT_CHECKPOINTS', true) ? { checkpoints: checkpointConfig(env) } : {}),
  };
}

export interface GatewayConfig {
  port: number;
  auth: AuthConfig;
  host: string;
  /** Where each subgraph answers; <DOMAIN>_URL, else localhost on its port (<DOMAIN>_PORT or PORT_BASE + offset). */
  subgraphUrls: Record<DomainName, string>;
  supergraphFile: string;
  production: boolean;
  /** Per-subgraph request timeout in milliseconds. */
  subgraphTimeoutMs: number;
  /** Keep-alive connections to each subgraph at most (GATEWAY_SUBGRAPH_CONNECTIONS). @default 32 */
  subgraphConnections: number;
  /**
   * Share an identical in-flight subgraph query between requests of the same caller (same Authorization and
   * X-Purpose, same subgraph, same body), never across callers (GATEWAY_DEDUPE=on). @default false
   */
  dedupe: boolean;
  /**
   * Entity fetches of one client request to one subgraph issued together go as one call with an aliased `_entities`
   * each (gateway/coalesce.ts; GATEWAY_COALESCE=off to send each alone). @default true
   */
  coalesce: boolean;
  /**
   * `undici`: gateway/subgraph-fetcher.ts; `fetch`: Node's fetch (subgraph-source.ts), kept to measure the
   * difference (GATEWAY_SUBGRAPH_CLIENT). @default undici
   */
  subgraphClient: 'undici' | 'fetch';
  /** Limits, trusted documents, rate limits, CORS and body size (README "Query safety and rate limits"). */
  safety: QuerySafetyConfig;
  observability?: ObservabilityConfig;
}

/** Where each subgraph answers: <DOMAIN>_URL, else localhost on the port it listens on (<DOMAIN>_PORT or PORT_BASE). */
export function subgraphUrls(env: Env = process.env): Record<DomainName, string> {
  const urls = {} as Record<DomainName, string>;
  for (const domain of DOMAINS) {
    urls[domain] = readUrl(env, envName(domain, 'URL'), ['http:', 'https:']) ?? `http://127.0.0.1:${subgraphPort(domain, env)}/graphql`;
  }
  return urls;
}

export function gatewayConfig(env: Env = process.env): GatewayConfig {
  const subgraphUrls_ = subgraphUrls(env);
  return {
    port: readInt(env, 'GATEWAY_PORT', portBase(env), 0, 65535),
    auth: authConfig(env),
    host: env.HOST || '127.0.0.1',
    subgraphUrls: subgraphUrls_,
    supergraphFile: path.resolve(PROJECT_ROOT, env.SUPERGRAPH_FILE || path.join('schema', 'supergraph.graphql')),
    production: isProduction(env),
    subgraphTimeoutMs: readInt(env, 'SUBGRAPH_TIMEOUT_MS', 10000, 1, 600000),
    subgraphConnections: readInt(env, 'GATEWAY_SUBGRAPH_CONNECTIONS', 32, 1, 10000),
    dedupe: readOnOff(env, 'GATEWAY_DEDUPE', false),
    coalesce: readOnOff(env, 'GATEWAY_COALESCE', true),
    subgraphClient: readSubgraphClient(env),
    safety: querySafetyConfig(env),
    observability: observabilityConfig(env),
  };
}

export function isDomain(name: string): name is DomainName {
  return (DOMAINS as readonly string[]).includes(name);
}

/** How callers are identified: JWTs verified against a JWKS (a file or a URL). */
export interface AuthConfig {
  /** A JWKS file or URL; unset means the development key pair under DATA_DIR/keys (refused in production). */
  jwks: { file: string } | { url: string } | { devKeysDir: string };
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
}

export const DEV_ISSUER = 'https://identity.dev.hainan-data-graph.local';
export const DEFAULT_AUDIENCE = 'hainan-data-graph';

export function authConfig(env: Env = process.env): AuthConfig {
  const url = readUrl(env, 'JWKS_URL', ['https:', 'http:']);
  const file = env.JWKS_FILE ? path.resolve(PROJECT_ROOT, env.JWKS_FILE) : undefined;
  if (url && file) throw new ConfigError('JWKS_URL', 'set either JWKS_URL or JWKS_FILE, not both.');
  if (isProduction(env) && !url && !file) {
    throw new ConfigError('JWKS_FILE', 'production needs the identity provider\'s keys (JWKS_FILE or JWKS_URL); the development key is refused.');
  }
  return {
    jwks: url ? { url } : file ? { file } : { devKeysDir: path.join(dataDir(env), 'keys') },
    issuer: env.TOKEN_ISSUER || DEV_ISSUER,
    audience: env.TOKEN_AUDIENCE || DEFAULT_AUDIENCE,
    clockToleranceSeconds: readInt(env, 'TOKEN_CLOCK_SKEW_SECONDS', 30, 0, 600),
  };
}

export interface StatisticsConfig {
  /** Secret salt of the cell-key method's record keys: without it nobody can predict a cell's noise. */
  keySalt: string;
  /** Rollups are rebuilt this many seconds after a write through the graph (writes arriving meanwhile join in). */
  refreshDelaySeconds: number;
  /** And at least this often whatever happened (imports and other offline writes), 0 for never. */
  refreshIntervalSeconds: number;
}

export function statisticsConfig(env: Env = process.env): StatisticsConfig {
  const keySalt = env.STATISTICS_KEY_SALT ?? 'hainan-data-graph-development-cell-key';
  if (isProduction(env) && env.STATISTICS_KEY_SALT === undefined) throw new ConfigError('STATISTICS_KEY_SALT', 'production needs a secret salt for the cell-key method.');
  return {
    keySalt,
    refreshDelaySeconds: readInt(env, 'STATISTICS_REFRESH_DELAY_SECONDS', 5, 0, 3600),
    refreshIntervalSeconds: readInt(env, 'STATISTICS_REFRESH_INTERVAL_SECONDS', 900, 0, 86400),
  };
}

/**
 * The cache of published statistics tables (statistics/cache.ts): in each service's memory, bounded by entries and
 * bytes, and in Redis when REDIS_URL is set. Keys carry everything a table depends on, so nothing here decides
 * correctness; these bound memory and how soon a rollup rebuilt by another replica is noticed.
 */
export interface StatisticsCacheConfig {
  /** Tables kept in memory at most (0: no memory cache). */
  entries: number;
  /** Bytes of tables (their JSON) kept in memory at most. */
  bytes: number;
  /** An entry is dropped after this long, in memory and in Redis (it is unreachable sooner when a rollup or policy changes). */
  ttlSeconds: number;
  /**
   * How often a service re-reads when its rollups were last rebuilt, to notice a rebuild by another replica (its own
   * rebuilds it knows at once); at most one statement per this interval. 0: before every request that uses the cache.
   */
  rollupCheckMs: number;
}

export function statisticsCacheConfig(env: Env = process.env): StatisticsCacheConfig {
  return {
    entries: readInt(env, 'STATISTICS_CACHE_ENTRIES', 5000, 0, 1_000_000),
    bytes: readInt(env, 'STATISTICS_CACHE_BYTES', 64 * 1024 * 1024, 0, 16 * 1024 * 1024 * 1024),
    ttlSeconds: readInt(env, 'STATISTICS_CACHE_TTL_SECONDS', 3600, 1, 30 * 86400),
    rollupCheckMs: readInt(env, 'STATISTICS_ROLLUP_CHECK_MS', 1000, 0, 3_600_000),
  };
}

/**
 * Query safety (README "Query safety and rate limits"): the limits a caller's operation must stay within,
 * per role; `public` applies to callers without a token and to tokens without a known role.
 */
export const QUERY_LIMIT_NAMES = ['depth', 'aliases', 'rootFields', 'tokens', 'directives', 'cost'] as const;
export type QueryLimitName = (typeof QUERY_LIMIT_NAMES)[number];
export type QueryLimits = Readonly<Record<QueryLimitName, number>>;
export type QueryLimitTable = Readonly<Record<string, QueryLimits>>;

/**
 * Dashboards ask shallow statistics over many regions (low depth, a high cost budget); apps run known
 * operations (strict); developers explore (generous). Cost counts objects: see subgraphs/kit/query-limits.ts.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimitTable = Object.freeze({
  public: { depth: 8, aliases: 10, rootFields: 5, tokens: 1000, directives: 10, cost: 5_000 },
  officer: { depth: 12, aliases: 30, rootFields: 10, tokens: 4000, directives: 20, cost: 60_000 },
  analyst: { depth: 12, aliases: 30, rootFields: 10, tokens: 4000, directives: 20, cost: 100_000 },
  dashboard: { depth: 7, aliases: 60, rootFields: 30, tokens: 4000, directives: 20, cost: 200_000 },
  app: { depth: 10, aliases: 15, rootFields: 5, tokens: 2000, directives: 10, cost: 30_000 },
  developer: { depth: 20, aliases: 100, rootFields: 30, tokens: 20000, directives: 50, cost: 500_000 },
  'security-officer': { depth: 15, aliases: 60, rootFields: 15, tokens: 10000, directives: 30, cost: 100_000 },
  auditor: { depth: 12, aliases: 30, rootFields: 10, tokens: 4000, directives: 20, cost: 100_000 },
});

function readJsonObject(env: Env, name: string): Record<string, unknown> | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError(name, 'it is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(name, 'expected a JSON object keyed by role.');
  return value as Record<string, unknown>;
}

function positiveNumbers<K extends string>(name: string, where: string, value: unknown, keys: readonly K[], integer: boolean): Partial<Record<K, number>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(name, `${where} must be an object.`);
  const out: Partial<Record<K, number>> = {};
  for (const [key, n] of Object.entries(value)) {
    if (!(keys as readonly string[]).includes(key)) throw new ConfigError(name, `${where} has an unknown key "${key}"; use ${keys.join(', ')}.`);
    if (typeof n !== 'number' || !(n > 0) || (integer && !Number.isInteger(n))) throw new ConfigError(name, `${where}.${key} must be a positive ${integer ? 'whole ' : ''}number.`);
    out[key as K] = n;
  }
  return out;
}

/** QUERY_LIMITS: JSON overrides over the defaults, e.g. `{"dashboard":{"cost":400000},"app":{"depth":8}}`. */
export function queryLimitsConfig(env: Env = process.env): QueryLimitTable {
  const overrides = readJsonObject(env, 'QUERY_LIMITS') ?? {};
  const table: Record<string, QueryLimits> = { ...DEFAULT_QUERY_LIMITS };
  for (const [role, value] of Object.entries(overrides)) {
    const base = table[role] ?? table.public!;
    table[role] = { ...base, ...positiveNumbers('QUERY_LIMITS', role, value, QUERY_LIMIT_NAMES, true) };
  }
  return Object.freeze(table);
}

/**
 * The steps of a conditional-sharing request that run against a deadline, in working days (kit/working-days.ts):
 * `decide`, the owning department's security officer approves or rejects a pending request. The workflow has no
 * other step (no review by the data authority first; co-signatures belong to policy versions, not to requests).
 */
export const GRANT_DEADLINE_STEPS = ['decide'] as const;
export type GrantDeadlineStep = (typeof GRANT_DEADLINE_STEPS)[number];
export type GrantDeadlines = Readonly<Record<GrantDeadlineStep, number>>;
/** The owner answers within 5 working days, as the provincial rules implementing the data sharing regulation set. */
export const DEFAULT_GRANT_DEADLINES: GrantDeadlines = Object.freeze({ decide: 5 });
const MAX_DEADLINE_WORKING_DAYS = 60;

/** GRANT_DEADLINES: working days per step over the defaults, e.g. `{"decide":10}`. */
export function grantDeadlinesConfig(env: Env = process.env): GrantDeadlines {
  const raw = env.GRANT_DEADLINES;
  if (raw === undefined || raw.trim() === '') return DEFAULT_GRANT_DEADLINES;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError('GRANT_DEADLINES', `it is not valid JSON; expected working days per step, e.g. {"decide":5}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError('GRANT_DEADLINES', 'expected a JSON object of working days per step, e.g. {"decide":5}.');
  const out: Record<string, number> = { ...DEFAULT_GRANT_DEADLINES };
  for (const [step, days] of Object.entries(value)) {
    if (!(GRANT_DEADLINE_STEPS as readonly string[]).includes(step)) throw new ConfigError('GRANT_DEADLINES', `unknown step "${step}"; the steps with a deadline are ${GRANT_DEADLINE_STEPS.join(', ')}.`);
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DEADLINE_WORKING_DAYS) {
      throw new ConfigError('GRANT_DEADLINES', `${step} must be a whole number of working days from 1 to ${MAX_DEADLINE_WORKING_DAYS}, got ${JSON.stringify(days)}.`);
    }
    out[step] = days;
  }
  return Object.freeze(out) as GrantDeadlines;
}

/**
 * Working days the providing (owning) department has to check a data objection (数据异议) and correct the data or
 * reject the objection with reasons. 5 by default: the regulation (政务数据共享条例, art. 26) asks for prompt
 * checking and correction without a number of days, so the province sets one; see README "Data objections".
 */
export const DEFAULT_OBJECTION_DEADLINE_DAYS = 5;

/** OBJECTION_DEADLINE_DAYS: a whole number of working days from 1 to 60. */
export function objectionDeadlineConfig(env: Env = process.env): number {
  const raw = env.OBJECTION_DEADLINE_DAYS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_OBJECTION_DEADLINE_DAYS;
  const days = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DEADLINE_WORKING_DAYS) {
    throw new ConfigError('OBJECTION_DEADLINE_DAYS', `expected a whole number of working days from 1 to ${MAX_DEADLINE_WORKING_DAYS}, got ${JSON.stringify(raw)}.`);
  }
  return days;
}

/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface Bucket {
  capacity: number;
  refillPerSecond: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  /**
   * TRUSTED_PROXIES: addresses and CIDR blocks of the proxies in front of the gateway (an ingress). A request whose
   * socket peer is one of them is keyed by the right-most X-Forwarded-For address that is not; any other request by
   * its socket address, whatever X-Forwarded-For says. @default none.
   */
  trustedProxies: readonly string[];
  /** Each caller's bucket (keyed by `sub`, or by address for callers without a token), by role; `public` for no role. */
  roles: Readonly<Record<string, Bucket>>;
  /** Each departmental app's bucket (the token's `client` claim), shared by every caller of that app. */
  client: Bucket;
}

export const DEFAULT_RATE_LIMITS: Readonly<Record<string, Bucket>> = Object.freeze({
  public: { capacity: 60, refillPerSecond: 1 },
  officer: { capacity: 600, refillPerSecond: 10 },
  analyst: { capacity: 600, refillPerSecond: 10 },
  dashboard: { capacity: 1200, refillPerSecond: 20 },
  app: { capacity: 1200, refillPerSecond: 20 },
  developer: { capacity: 600, refillPerSecond: 10 },
  'security-officer': { capacity: 600, refillPerSecond: 10 },
  auditor: { capacity: 600, refillPerSecond: 10 },
  client: { capacity: 6000, refillPerSecond: 100 },
});

/** RATE_LIMITS: `off`, or JSON overrides by role (and `client` for apps), e.g. `{"public":{"capacity":30,"refillPerSecond":0.5}}`. */
/** TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDR blocks (`10.0.0.0/8, 10.1.2.3, fd00::/8`). */
export function trustedProxiesConfig(env: Env = process.env): string[] {
  const raw = (env.TRUSTED_PROXIES ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((entry) => {
    const item = entry.trim();
    const [address, bits, extra] = item.split('/');
    const family = net.isIP(address ?? '');
    const width = family === 4 ? 32 : 128;
    const valid = family !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= width));
    if (!valid) throw new ConfigError('TRUSTED_PROXIES', `"${item}" is not an IP address or a CIDR block such as 10.0.0.0/8.`);
    return item;
  });
}

export function rateLimitConfig(env: Env = process.env): RateLimitConfig {
  const trustedProxies = trustedProxiesConfig(env);
  if (env.RATE_LIMITS === 'off') return { enabled: false, trustedProxies, roles: DEFAULT_RATE_LIMITS, client: DEFAULT_RATE_LIMITS.client! };
  const overrides = readJsonObject(env, 'RATE_LIMITS') ?? {};
  const table: Record<string, Bucket> = { ...DEFAULT_RATE_LIMITS };
  for (const [role, value] of Object.entries(overrides)) {
    table[role] = { ...(table[role] ?? table.public!), ...positiveNumbers('RATE_LIMITS', role, value, ['capacity', 'refillPerSecond'] as const, false) };
  }
  const { client, ...roles } = table;
  return { enabled: true, trustedProxies, roles, client: client! };
}

/**
 * Redis shared by gateway instances (rate-limit buckets, the persisted-query cache) and by every replica of a subgraph
 * (published statistics tables); unset: in memory.
 */
export interface RedisConfig {
  url: string;
  /** Prefix of every key, so that several platforms (or test runs) can share one Redis. */
  keyPrefix: string;
}

export function redisConfig(env: Env = process.env): RedisConfig | undefined {
  const url = readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (!url) return undefined;
  const keyPrefix = env.REDIS_KEY_PREFIX ?? 'hdg:';
  if (!/^[A-Za-z0-9:_.-]{0,64}$/.test(keyPrefix)) throw new ConfigError('REDIS_KEY_PREFIX', 'use letters, digits and : _ . - only (at most 64).');
  return { url, keyPrefix };
}

/**
 * NATS JetStream, where each domain's relay publishes its outbox (kit/jetstream.ts) and its feed is read from.
 * Unset: the outbox alone serves the feed (the embedded default).
 */
export interface NatsConfig {
  /** One or more servers of one cluster: `nats://a:4222,nats://b:4222` (`tls://` for TLS). */
  servers: string[];
  /** Streams are `<PREFIX>_<DOMAIN>` on subjects `<prefix>.<domain>.>` (several platforms can share a cluster). */
  streamPrefix: string;
  /** NATS_CREDS: a `.creds` file (user JWT and NKey seed) for an operator-secured cluster; read at start. */
  credsFile?: string;
  /** NATS_STREAM_REPLICAS (1-5, default 1): copies of each stream; 3 on a three-node cluster. */
  replicas: number;
  /** CHANGE_RETENTION_DAYS: events carry personal values, so the stream keeps them no longer than the outbox does. */
  maxAgeDays: number;
}

export function natsConfig(env: Env = process.env): NatsConfig | undefined {
  const raw = env.NATS_URL;
  if (raw === undefined || raw === '') return undefined;
  const servers = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const server of servers) {
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      throw new ConfigError('NATS_URL', `"${server}" is not a URL; use nats://host:4222 (several comma-separated).`);
    }
    if (!['nats:', 'tls:'].includes(url.protocol) || !url.hostname) throw new ConfigError('NATS_URL', `expected nats://host:port or tls://host:port, got "${server}".`);
  }
  if (servers.length === 0) throw new ConfigError('NATS_URL', 'name at least one server, e.g. nats://127.0.0.1:4222.');
  const streamPrefix = env.NATS_STREAM_PREFIX || 'HAINAN';
  // Stream names and subject tokens: no dots, wildcards or spaces.
  if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(streamPrefix)) throw new ConfigError('NATS_STREAM_PREFIX', 'use upper-case letters, digits and underscores (at most 32), starting with a letter, e.g. HAINAN.');
  const credsFile = env.NATS_CREDS || undefined;
  return {
    servers,
    streamPrefix,
    replicas: readInt(env, 'NATS_STREAM_REPLICAS', 1, 1, 5),
    maxAgeDays: readInt(env, 'CHANGE_RETENTION_DAYS', 90, 1, 3650),
    ...(credsFile ? { credsFile } : {}),
  };
}

/** Trusted documents: `enforce` lets app tokens run only their registered operations. */
export interface TrustedDocumentsConfig {
  mode: 'off' | 'enforce';
  /** Where `npm run documents:register` keeps each app's manifest: `<dir>/<app>/manifest.json`. */
  dir: string;
}

export function trustedDocumentsConfig(env: Env = process.env): TrustedDocumentsConfig {
  const raw = env.TRUSTED_DOCUMENTS || (isProduction(env) ? 'enforce' : 'off');
  if (raw !== 'off' && raw !== 'enforce') throw new ConfigError('TRUSTED_DOCUMENTS', `expected "off" or "enforce", got "${raw}".`);
  return { mode: raw, dir: path.resolve(PROJECT_ROOT, env.TRUSTED_DOCUMENTS_DIR || 'documents') };
}

/** The HTTP front: request body limit and the browser origins allowed to call (CORS). */
export interface HttpConfig {
  bodyLimitBytes: number;
  /** Exact origins (`https://dashboard.hainan.gov.cn`); empty: no CORS headers at all. */
  corsOrigins: readonly string[];
}

export function httpConfig(env: Env = process.env): HttpConfig {
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== origin) throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin (scheme, host and port only, e.g. https://dashboard.example.gov.cn).`);
  }
  return { bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024), corsOrigins };
}

/** Everything the gateway enforces before planning: limits, trusted documents, rate limits, HTTP. */
export interface QuerySafetyConfig {
  queryLimits: QueryLimitTable;
  rateLimits: RateLimitConfig;
  trustedDocuments: TrustedDocumentsConfig;
  redis?: RedisConfig;
  http: HttpConfig;
}

export function querySafetyConfig(env: Env = process.env): QuerySafetyConfig {
  return { queryLimits: queryLimitsConfig(env), rateLimits: rateLimitConfig(env), trustedDocuments: trustedDocumentsConfig(env), redis: redisConfig(env), http: httpConfig(env) };
}
