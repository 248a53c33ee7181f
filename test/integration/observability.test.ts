/**
 * Logs, metrics and traces through the whole platform: every subgraph and a gateway over real HTTP, their
 * structured logs written to a stream the test reads, spans to an in-memory exporter.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startGateway, type RunningGateway } from '../../gateway';
import { DOMAINS, gatewayConfig, type DomainName } from '../../subgraphs/kit/config';
import { installTracing } from '../../subgraphs/kit/tracing';
import { startPlatform, type Platform } from '../support/platform';

const exporter = new InMemorySpanExporter();
installTracing({ serviceName: 'observability-test', exporter });

interface LogLine {
  service: string;
  msg: string;
  requestId?: string;
  operation?: string | null;
  status?: number;
  durationMs?: number;
  sub?: string | null;
  dept?: string | null;
  errors?: string[];
  traceId?: string;
}

const lines: LogLine[] = [];
let raw = '';
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    raw += chunk.toString('utf8');
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
    done();
  },
});
const logger = pino({ base: null, formatters: { level: (label) => ({ level: label }) } }, sink);

let platform: Platform;
let gateway: RunningGateway;
let analyst: Record<string, string>;

beforeAll(async () => {
  platform = await startPlatform('observability', { persons: 200, seed: 5, start: { logger } });
  const urls = Object.fromEntries(DOMAINS.map((d) => [d, platform.subgraphs[d].url])) as Record<DomainName, string>;
  gateway = await startGateway({ ...gatewayConfig({}), auth: platform.auth, port: 0, subgraphUrls: urls }, { logger });
  analyst = await platform.as({ sub: 'analyst-li', dept: 'health', roles: ['analyst'] });
});
afterAll(async () => {
  await gateway?.stop();
  await platform?.stop();
});

const PERSONS = 'query ObservedPersons { persons(first: 3) { edges { node { id name maritalStatus residence { region { code } } } } } }';

async function post(headers: Record<string, string>) {
  const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: PERSONS }) });
  return { res, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

describe('structured logs', () => {
  it('returns the request id and logs it at the gateway and in every subgraph the request reached', async () => {
    const { res, body } = await post({ ...analyst, 'x-request-id': 'obs-req-0001' });
    expect(body.data.persons.edges).toHaveLength(3);
    expect(res.headers.get('x-request-id')).toBe('obs-req-0001');
    const mine = lines.filter((l) => l.requestId === 'obs-req-0001' && l.msg === 'request');
    expect(mine.map((l) => l.service).sort()).toEqual(['gateway', 'geospatial', 'population']);
    const atGateway = mine.find((l) => l.service === 'gateway')!;
    expect(atGateway).toMatchObject({ operation: 'ObservedPersons', status: 200, sub: 'analyst-li', dept: 'health', errors: expect.arrayContaining(['FORBIDDEN']) });
    expect(atGateway.durationMs).toEqual(expect.any(Number));
    expect(mine.find((l) => l.service === 'population')).toMatchObject({ sub: 'analyst-li', dept: 'health', errors: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] });
    // Never the token.
    expect(raw).not.toContain(analyst.authorization!.slice(7));
  });

  it('makes a request id when the caller sends none and passes it on to the subgraphs', async () => {
    const { res } = await post(analyst);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((l) => l.requestId === id).map((l) => l.service).sort()).toEqual(['gateway', 'geospatial', 'population']);
  });
});

async function metricsOf(url: string): Promise<string> {
  const res = await fetch(url.replace(/\/graphql$/, '/metrics'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe('metrics at /metrics', () => {
  it('counts requests, latency, subgraph fetches and errors at the gateway', async () => {
    await post(analyst);
    const text = await metricsOf(gateway.url);
    expect(text).toMatch(/http_requests_total\{service="gateway",operation="ObservedPersons",status="200"\} [1-9]/);
    expect(text).toMatch(/graphql_operation_duration_seconds_bucket\{le="0.5",service="gateway",operation="ObservedPersons"\} [1-9]/);
    expect(text).toMatch(/gateway_subgraph_fetch_duration_seconds_count\{subgraph="population",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/gateway_subgraph_fetch_duration_seconds_count\{subgraph="geospatial",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/graphql_errors_total\{service="gateway",code="FORBIDDEN"\} [1-9]/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('counts denials by type and field, loader batches, the audit queue and the database pool in a subgraph', async () => {
    await post(analyst);
    const text = await metricsOf(platform.subgraphs.population.url);
    expect(text).toMatch(/authorization_denials_total\{service="population",type="Person",field="maritalStatus"\} [1-9]/);
    expect(text).toMatch(/dataloader_batch_size_count\{entity="\w+"\} [1-9]/);
    expect(text).toMatch(/audit_queue_depth\{service="population"\} \d+/);
    expect(text).toMatch(/db_pool_connections\{service="population",state="used"\} \d+/);
    expect(text).toMatch(/http_requests_total\{service="population",operation="ObservedPersons__population__0",status="200"\} [1-9]/);
  });
});

describe('tracing', () => {
  const spansOf = (traceId: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);

  it('continues the caller\'s W3C trace through the gateway into each subgraph', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    exporter.reset();
    await post({ ...analyst, traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    const spans = spansOf(traceId);
    const requestSpan = (service: string) => spans.find((s) => s.name.startsWith('graphql ') && s.attributes.service === service);
    const gatewaySpan = requestSpan('gateway')!;
    expect(gatewaySpan.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    const fetchSpan = spans.find((s) => s.name === 'subgraph population')!;
    expect(fetchSpan.parentSpanContext?.spanId).toBe(gatewaySpan.spanContext().spanId);
    const populationSpan = requestSpan('population')!;
    expect(populationSpan.parentSpanContext?.spanId).toBe(fetchSpan.spanContext().spanId);
    expect(requestSpan('geospatial')).toBeDefined();
  });

  it('starts a trace at the gateway when the caller sends none, and logs its id', async () => {
    exporter.reset();
    const { res } = await post(analyst);
    const id = res.headers.get('x-request-id')!;
    const gatewayLine = lines.find((l) => l.requestId === id && l.service === 'gateway')!;
    const subgraphLine = lines.find((l) => l.requestId === id && l.service === 'population')!;
    expect(gatewayLine.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(subgraphLine.traceId).toBe(gatewayLine.traceId);
    expect(spansOf(gatewayLine.traceId!).length).toBeGreaterThanOrEqual(5);
  });
});

it('serves /metrics on every subgraph', async () => {
  for (const d of DOMAINS) expect(await metricsOf(platform.subgraphs[d].url)).toContain(`service="${d}"`);
});
