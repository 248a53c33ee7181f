/**
 * A subgraph whose database becomes unreachable: /readyz says not ready and why, requests get a clear
 * SERVICE_UNAVAILABLE (no SQL, no driver message), nothing hangs, and the service reconnects by itself once the
 * database answers again. PostgreSQL only (DATABASE_URL): the database is reached through a TCP proxy that the
 * test stops (every connection cut, new ones refused) and starts again on the same port.
 */
import net from 'node:net';
import pino from 'pino';
import { auditConfig, DEFAULT_AUDIENCE, DEV_ISSUER } from '../../subgraphs/kit/config';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { DRIVER, testDatabases, type TestDatabases } from '../support/database';
import { postGraphQL } from '../support/platform';
import { freePort } from '../support/processes';

/** A TCP proxy to `target` that can be cut (listener closed, every connection destroyed) and restored. */
function tcpProxy(target: { host: string; port: number }, port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  return {
    async start() {
      if (server) return;
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async stop() {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      server = null;
    },
  };
}

const REGIONS = '{ region(code: "460000") { code name children { code } } }';

async function readyz(url: string): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const res = await fetch(url.replace('/graphql', '/readyz'));
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

async function until<T>(what: string, fn: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

(DRIVER === 'postgresql' ? describe : describe.skip)('a subgraph whose database is unreachable', () => {
  let databases: TestDatabases;
  let proxy: ReturnType<typeof tcpProxy>;
  let service: RunningSubgraph;

  beforeAll(async () => {
    databases = testDatabases('outage');
    const direct = new URL(process.env.DATABASE_URL!);
    const port = await freePort();
    proxy = tcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) }, port);
    await proxy.start();
    const viaProxy = new URL(direct);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    const own = databases.configFor('geospatial');
    service = await startSubgraph(
      SUBGRAPHS.geospatial,
      {
        domain: 'geospatial',
        port: 0,
        host: '127.0.0.1',
        database: { ...own, driver: 'postgresql', url: viaProxy.toString() } as never,
        governanceDatabase: databases.configFor('governance'),
        peers: {},
        auth: { jwks: { devKeysDir: `/tmp/hdg-outage-keys-${process.pid}` }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 },
        seed: { persons: 50, seed: 3 },
        production: false,
        audit: auditConfig({}),
      },
      { logger: pino({ level: 'silent' }) },
    );
  });
  afterAll(async () => {
    await proxy?.start();
    await service?.stop();
    await proxy?.stop();
    await databases?.cleanup();
  });

  it('answers while the database answers', async () => {
    expect(await readyz(service.url)).toEqual({ status: 200, body: { status: 'ready' } });
    const res = await postGraphQL(service.url, REGIONS);
    expect(res.errors).toBeUndefined();
    expect(res.data.region.code).toBe('460000');
  });

  it('reports not ready with the reason and refuses requests clearly while it is cut off', async () => {
    await proxy.stop();
    const ready = await until('readyz', () => readyz(service.url), (r) => r.status === 503, 10_000);
    expect(ready.body).toEqual({ status: 'not ready', reason: 'database unavailable' });
    const started = Date.now();
    const res = await postGraphQL(service.url, REGIONS);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(res.data?.region ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ message: 'The service is unavailable: its database does not answer; try again in a moment.', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(res.body).not.toMatch(/select|from "|ECONN|127\.0\.0\.1|knex|stack/i);
  });

  it('reconnects by itself once the database answers again', async () => {
    await proxy.start();
    await until('readyz', () => readyz(service.url), (r) => r.status === 200);
    const res = await until('query', () => postGraphQL(service.url, REGIONS), (r) => r.errors === undefined);
    expect(res.data.region.code).toBe('460000');
  });
});
