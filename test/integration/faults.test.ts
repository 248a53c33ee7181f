/**
 * Faults at the gateway: a subgraph process killed in the middle of a run and started again, and a subgraph that
 * answers too slowly. Every other domain's data still arrives, with a SERVICE_UNAVAILABLE error naming the domain
 * at each path the missing one would have filled; nothing hangs; the gateway recovers by itself.
 */
import http from 'node:http';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { startGateway, type RunningGateway } from '../../gateway';
import { DOMAINS, gatewayConfig, type DomainName } from '../../subgraphs/kit/config';
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';
import { startProcessPlatform, type ProcessPlatform } from '../support/processes';

const QUERY = `query Faulty {
  persons(first: 3) { edges { node { id name residence { region { code } } } } }
  regionAt(lon: 110.33, lat: 20.03) { code }
}`;

/** Population's data is there; geospatial's is null with its error at each of its paths, naming it. */
function expectGeospatialMissing(res: GraphQLResponse, reason: RegExp): void {
  expect(res.status).toBe(200);
  const edges = res.data.persons.edges as { node: { id: string; name: string; residence: unknown } }[];
  expect(edges).toHaveLength(3);
  for (const { node } of edges) {
    expect(node.name).toEqual(expect.any(String));
    expect(node.residence).toBeNull();
  }
  expect(res.data.regionAt).toBeNull();
  const paths = res.errors!.map((e) => e.path?.join('.')).sort();
  expect(paths).toEqual(['persons.edges.0.node.residence', 'persons.edges.1.node.residence', 'persons.edges.2.node.residence', 'regionAt']);
  for (const error of res.errors!) {
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'geospatial' });
    expect(error.message).toMatch(reason);
    expect(error.message).not.toMatch(/127\.0\.0\.1|http:|ECONN|socket/i);
  }
}

function expectComplete(res: GraphQLResponse): void {
  expect(res.errors).toBeUndefined();
  expect(res.data.regionAt.code).toMatch(/^\d{6}$/);
  for (const { node } of res.data.persons.edges) expect(node.residence.region.code).toMatch(/^\d{6}$/);
}

describe('a subgraph process killed and started again', () => {
  let platform: ProcessPlatform;
  let police: Record<string, string>;
  const query = () => postGraphQL(platform.gatewayUrls[0]!, QUERY, undefined, police);

  beforeAll(async () => {
    platform = await startProcessPlatform({ label: 'faults', persons: 200, env: { SUBGRAPH_TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' } });
    police = { authorization: `Bearer ${await platform.token({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' })}` };
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('answers with every other domain while it is down, and in full again once it is back', async () => {
    expectComplete(await query());
    // Queries keep going through the kill and the restart: each one answers, none hangs or fails whole.
    let running = true;
    const seen: GraphQLResponse[] = [];
    const loop = (async () => {
      while (running) {
        seen.push(
          await query().catch((error: unknown) => {
            throw new Error(`A query failed whole during the outage (${String(error)}); the gateway said:\n${platform.services.get('gateway1')!.output.join('\n')}`);
          }),
        );
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    await platform.kill('geospatial');
    const started = Date.now();
    const down = await query();
    expect(Date.now() - started).toBeLessThan(2000);
    expectGeospatialMissing(down, /^The geospatial service is unavailable/);
    await platform.restart('geospatial');
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    await loop;
    expectComplete(await query());
    expect(seen.length).toBeGreaterThan(3);
    // A request in flight at the kill may have had one of its two geospatial fetches answered: only ever
    // geospatial's paths fail, and population's data is always there.
    const geospatialPaths = /^(regionAt|persons\.edges\.\d\.node\.residence)$/;
    for (const res of seen) {
      expect(res.status).toBe(200);
      expect(res.data.persons.edges).toHaveLength(3);
      for (const error of res.errors ?? []) {
        expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'geospatial' });
        expect(error.path!.join('.')).toMatch(geospatialPaths);
      }
    }
    expect(seen.some((res) => res.errors)).toBe(true);
    // The gateway itself never went down.
    expect(platform.services.get('gateway1')!.child.exitCode).toBeNull();
  }, 120_000);
});

/** A proxy in front of a subgraph that holds each request for `delayMs` before passing it on. */
async function slowProxy(target: string): Promise<{ url: string; delayMs: number; close(): Promise<void> }> {
  const state = { delayMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const timer = setTimeout(async () => {
        try {
          const upstream = await fetch(target, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        } catch {
          res.destroy();
        }
      }, state.delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('a subgraph that answers too slowly', () => {
  let platform: Platform;
  let gateway: RunningGateway;
  let proxy: Awaited<ReturnType<typeof slowProxy>>;
  let police: Record<string, string>;

  beforeAll(async () => {
    platform = await startPlatform('slow', { persons: 200, seed: 3 });
    proxy = await slowProxy(platform.subgraphs.geospatial.url);
    const urls = Object.fromEntries(DOMAINS.map((d) => [d, platform.subgraphs[d].url])) as Record<DomainName, string>;
    gateway = await startGateway({ ...gatewayConfig({}), auth: platform.auth, port: 0, subgraphUrls: { ...urls, geospatial: proxy.url }, subgraphTimeoutMs: 500 }, { logger: pino({ level: 'silent' }) });
    police = await platform.as({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
    await platform?.stop();
  });

  it('gives up on it after the timeout and answers with the other domains', async () => {
    proxy.delayMs = 10_000;
    const started = Date.now();
    const res = await postGraphQL(gateway.url, QUERY, undefined, police);
    const took = Date.now() - started;
    expectGeospatialMissing(res, /^The geospatial service did not answer within 500 ms/);
    // Two fetches to geospatial run one after the other at most (root field, then the entities): ≤ 2 timeouts.
    expect(took).toBeLessThan(5000);
  });

  it('answers in full again once it is quick', async () => {
    proxy.delayMs = 0;
    expectComplete(await postGraphQL(gateway.url, QUERY, undefined, police));
  });

  it('counts timeouts per subgraph in the gateway\'s metrics', async () => {
    const text = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
    expect(text).toMatch(/gateway_subgraph_fetch_duration_seconds_count\{subgraph="geospatial",outcome="timeout"\} [1-9]/);
  });
});
