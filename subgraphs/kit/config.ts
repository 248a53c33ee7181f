/**
 * The one place that reads process.env. Every variable is documented in README.md ("Configuration").
 * Explicit options passed by callers (tests, the launcher) win over the environment.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, from source (subgraphs/kit) or from a build (dist/subgraphs/kit). */
export const PROJECT_ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export const DOMAINS = ['population', 'geospatial', 'governance', 'enterprise', 'education', 'credit', 'health', 'housing'] as const;
export type DomainName = (typeof DOMAINS)[number];

/** Default ports: the gateway on 4000, each subgraph on its own fixed port. */
export const GATEWAY_PORT = 4000;
const PORTS: Record<string, number> = { population: 4001, geospatial: 4002, governance: 4003, enterprise: 4004, health: 4005, education: 4006, housing: 4007, credit: 4008 };
export function defaultPort(domain: DomainName): number {
  return PORTS[domain] ?? 4100 + DOMAINS.indexOf(domain);
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
  /** Logs, metrics and traces; optional so that tests can leave it out (defaults: info, no trace export). */
  observability?: ObservabilityConfig;
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
    port: readInt(env, envName(domain, 'PORT'), defaultPort(domain), 0, 65535),
    host: env.HOST || '127.0.0.1',
    database: databaseConfig(domain, env),
    governanceDatabase: databaseConfig('governance', env),
    peers: subgraphUrls(env),
    auth: authConfig(env),
    seed: seedConfig(env),
    production: isProduction(env),
    audit: auditConfig(env),
    observability: observabilityConfig(env),
  };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured logs (pino), Prometheus metrics at /metrics, OpenTelemetry traces (README "Observability"). */
export interface ObservabilityConfig {
  /** @default 'info': one line per request at info. */
  logLevel: LogLevel;
  /** OTLP/HTTP collector base URL (traces go to `<url>/v1/traces`); unset: no tracing at all. */
  otlpEndpoint?: string;
}

export function observabilityConfig(env: Env = process.env): ObservabilityConfig {
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}".`);
  return { logLevel: level as LogLevel, otlpEndpoint: readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']) };
}

/** The audit trail: how records are written, how long they are kept, and the anomaly rules' thresholds. */
export interface AuditConfig {
  /** Records older than this are pruned (at start and daily); the classified protection standard asks for at least 180. */
  retentionDays: number;
  batchMax: number;
  queueMax: number;
  timeoutMs: number;
  anomalies: AnomalyThresholds;
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
  };
}

export interface GatewayConfig {
  port: number;
  auth: AuthConfig;
  host: string;
  /** Where each subgraph answers; <DOMAIN>_URL, else localhost on the domain's default port. */
  subgraphUrls: Record<DomainName, string>;
  supergraphFile: string;
  production: boolean;
  /** Per-subgraph request timeout in milliseconds. */
  subgraphTimeoutMs: number;
  observability?: ObservabilityConfig;
}

/** Where each subgraph answers: <DOMAIN>_URL, else localhost on the domain's default port. */
export function subgraphUrls(env: Env = process.env): Record<DomainName, string> {
  const urls = {} as Record<DomainName, string>;
  for (const domain of DOMAINS) {
    urls[domain] = readUrl(env, envName(domain, 'URL'), ['http:', 'https:']) ?? `http://127.0.0.1:${defaultPort(domain)}/graphql`;
  }
  return urls;
}

export function gatewayConfig(env: Env = process.env): GatewayConfig {
  const subgraphUrls_ = subgraphUrls(env);
  return {
    port: readInt(env, 'GATEWAY_PORT', GATEWAY_PORT, 0, 65535),
    auth: authConfig(env),
    host: env.HOST || '127.0.0.1',
    subgraphUrls: subgraphUrls_,
    supergraphFile: path.resolve(PROJECT_ROOT, env.SUPERGRAPH_FILE || path.join('schema', 'supergraph.graphql')),
    production: isProduction(env),
    subgraphTimeoutMs: readInt(env, 'SUBGRAPH_TIMEOUT_MS', 10000, 1, 600000),
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
