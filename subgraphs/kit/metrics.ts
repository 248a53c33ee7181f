/**
 * Prometheus metrics of a service process, served at GET /metrics in the text format. One registry per process
 * (in production a process is one service; the in-process test platform runs several, told apart by the
 * `service` label). Counters on hot paths are bound to their labels once and only incremented afterwards; gauges
 * that mirror state (audit queue, database pool) are read when Prometheus scrapes, never on a request.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HttpRoute } from './http';

export const registry = new Registry();

// prom-client's default metrics, all but one: its event-loop delay histogram samples every 10 ms for as long as the
// process lives, a hundred wake-ups a second of a service with nothing to do (most of what an idle platform of nine
// processes cost). Its sampling is never started here (the first sample would come after 24 days); its gauges are
// fed instead by a histogram that samples, as often, only while the service has requests in flight (eventLoopBusy,
// from http.ts): the delay that requests wait for. nodejs_eventloop_lag_seconds, measured when Prometheus scrapes,
// stays prom-client's.
const NEVER_MS = 2 ** 31 - 1;
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: NEVER_MS });

const delays = monitorEventLoopDelay({ resolution: 10 });
let requestsInFlight = 0;

/** A request arrived: the event loop's delay is sampled until it and every other one in flight have ended. */
export function eventLoopBusy(): () => void {
  if (requestsInFlight++ === 0) delays.enable();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--requestsInFlight === 0) delays.disable();
  };
}

const DELAY_GAUGES: readonly [suffix: string, help: string, read: () => number][] = [
  ['min', 'The minimum recorded event loop delay (while requests were in flight).', () => delays.min],
  ['max', 'The maximum recorded event loop delay (while requests were in flight).', () => delays.max],
  ['mean', 'The mean of the recorded event loop delays (while requests were in flight).', () => delays.mean],
  ['stddev', 'The standard deviation of the recorded event loop delays (while requests were in flight).', () => delays.stddev],
  ['p50', 'The 50th percentile of the recorded event loop delays (while requests were in flight).', () => delays.percentile(50)],
  ['p90', 'The 90th percentile of the recorded event loop delays (while requests were in flight).', () => delays.percentile(90)],
  ['p99', 'The 99th percentile of the recorded event loop delays (while requests were in flight).', () => delays.percentile(99)],
];
for (const [suffix, help, read] of DELAY_GAUGES) {
  const name = `nodejs_eventloop_lag_${suffix}_seconds`;
  registry.removeSingleMetric(name);
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      // Since the last scrape; 0 when nothing was recorded (an idle service has no delay to report).
      this.set(delays.count > 0 ? read() / 1e9 : 0);
      if (suffix === 'p99') delays.reset();
    },
  });
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestsTotal = new Counter({
  name: 'http_requests_total',
  help: 'GraphQL requests answered, by service, operation name and HTTP status.',
  labelNames: ['service', 'operation', 'status'] as const,
  registers: [registry],
});

export const operationDuration = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'Time from a GraphQL request arriving to its response being ready, by service and operation name.',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const errorsTotal = new Counter({
  name: 'graphql_errors_total',
  help: 'Errors in GraphQL responses, by service and extensions.code.',
  labelNames: ['service', 'code'] as const,
  registers: [registry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'gateway_subgraph_fetch_duration_seconds',
  help: "The gateway's requests to each subgraph, by subgraph and outcome (ok, error, timeout, unavailable).",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const authorizationDenials = new Counter({
  name: 'authorization_denials_total',
  help: 'Fields refused to a caller (FORBIDDEN), by service, type and field.',
  labelNames: ['service', 'type', 'field'] as const,
  registers: [registry],
});

export const readFallbacks = new Counter({
  name: 'read_path_fallbacks_total',
  help: 'Reads the compiled read path could not translate and left to MikroORM, by entity type (should stay near zero).',
  labelNames: ['type'],
  registers: [registry],
});

export const loaderBatchSize = new Histogram({
  name: 'dataloader_batch_size',
  help: 'Keys per DataLoader batch (one SQL query each), by entity.',
  labelNames: ['entity'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000],
  registers: [registry],
});

export const ownerRows = new Counter({
  name: 'owner_scope_rows_total',
  help: "Records of entities owned elsewhere judged on the owner's row, by service, type and how each request learned it: ticket (carried with the request, scope-ticket.ts), scope (asked of the owner's /scope), refused (a ticket that did not verify; then asked).",
  labelNames: ['service', 'type', 'source'] as const,
  registers: [registry],
});

export const statisticsCacheLookups = new Counter({
  name: 'statistics_cache_lookups_total',
  help: 'Statistics tables asked for, by service and how each was answered: memory or redis (a cache hit), miss (computed and stored), bypass (not cacheable: counted from the records).',
  labelNames: ['service', 'result'] as const,
  registers: [registry],
});

export const statisticsCacheRedisErrors = new Counter({
  name: 'statistics_cache_redis_errors_total',
  help: 'Statistics cache reads and writes Redis failed (the table was computed, or not shared), by service and operation.',
  labelNames: ['service', 'operation'] as const,
  registers: [registry],
});

/** State read at scrape time: what each service of this process registered (removed again when it stops). */
const auditQueues = new Map<string, () => number>();
const pools = new Map<string, () => PoolState | null>();
const statisticsCaches = new Map<string, () => { entries: number; bytes: number }>();

export interface PoolState {
  used: number;
  free: number;
  pending: number;
}

new Gauge({
  name: 'audit_queue_depth',
  help: 'Audit records waiting to be written, by service.',
  labelNames: ['service'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [service, depth] of auditQueues) this.set({ service }, depth());
  },
});

new Gauge({
  name: 'db_pool_connections',
  help: 'Database pool connections by service and state: used, free, and acquisitions pending.',
  labelNames: ['service', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [service, read] of pools) {
      const state = read();
      if (!state) continue;
      for (const key of ['used', 'free', 'pending'] as const) this.set({ service, state: key }, state[key]);
    }
  },
});

new Gauge({
  name: 'statistics_cache_memory',
  help: "Published statistics tables in the service's memory cache: entries, and bytes of their JSON.",
  labelNames: ['service', 'unit'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [service, read] of statisticsCaches) {
      const { entries, bytes } = read();
      this.set({ service, unit: 'entries' }, entries);
      this.set({ service, unit: 'bytes' }, bytes);
    }
  },
});

/** Reports the service's statistics cache size until the returned function is called. */
export function watchStatisticsCache(service: string, read: () => { entries: number; bytes: number }): () => void {
  statisticsCaches.set(service, read);
  return () => statisticsCaches.get(service) === read && statisticsCaches.delete(service);
}

/** Reports `depth()` as the service's audit queue depth until the returned function is called. */
export function watchAuditQueue(service: string, depth: () => number): () => void {
  auditQueues.set(service, depth);
  return () => auditQueues.get(service) === depth && auditQueues.delete(service);
}

/** Reports the service's database pool until the returned function is called. */
export function watchPool(service: string, read: () => PoolState | null): () => void {
  pools.set(service, read);
  return () => pools.get(service) === read && pools.delete(service);
}

const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();

/**
 * The operation label: the client's operation name, bounded so that a client inventing names cannot grow the
 * registry without limit (`other` past 200 distinct names, `anonymous` without one).
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const label = name.slice(0, 64);
  if (seenOperations.has(label)) return label;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(label);
  return label;
}

/** 1 while the shared rate-limit store (Redis) answers, 0 while the gateway falls back to its own buckets. */
export const rateLimitStoreUp = new Gauge({ name: 'rate_limit_store_up', help: 'Whether the shared rate-limit store answers (0: in-memory fallback buckets apply).', registers: [registry] });

/**
 * GET /metrics on the service's own port (Kubernetes scrapes it there). Counts and timings only, but not for anyone
 * who reaches the port: with a token set (METRICS_TOKEN) only a scraper sending it as a bearer token gets them;
 * without one, production serves no metrics at all and the embedded default serves them to anyone on the machine.
 */
export function metricsRoute(options: { token?: string; production: boolean }): HttpRoute {
  const expected = options.token ? createHash('sha256').update(options.token).digest() : null;
  return {
    prefix: '/metrics',
    async handle(req: http.IncomingMessage, res: http.ServerResponse) {
      if (expected === null && options.production) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('Metrics are served only with METRICS_TOKEN set.\n');
      }
      if (expected !== null) {
        const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        // Compared as digests of equal length, in constant time: the token is not guessable byte by byte.
        if (!timingSafeEqual(createHash('sha256').update(sent).digest(), expected)) {
          res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' });
          return void res.end('Send the metrics token as a bearer token.\n');
        }
      }
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(body);
    },
  };
}
