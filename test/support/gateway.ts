/**
 * The gateway alone in front of stub subgraphs, for tests of what the gateway does before planning (limits,
 * trusted documents, rate limits, HTTP): every stub answers each request with `data` and counts what it got.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { signToken, type TokenClaims } from '../../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, gatewayConfig, type DomainName, type GatewayConfig, type QuerySafetyConfig } from '../../subgraphs/kit/config';
import pino from 'pino';
import { startGateway, type RunningGateway } from '../../gateway';

export interface StubSubgraphs {
  /** Requests the stubs received, in order: the subgraph's name and the operation text. */
  requests: { domain: DomainName; query: string }[];
  /** What every stub answers (`data` of a GraphQL response). */
  data: Record<string, unknown>;
  urls: Record<DomainName, string>;
  close(): Promise<void>;
}

export async function startStubSubgraphs(): Promise<StubSubgraphs> {
  const stubs: StubSubgraphs = { requests: [], data: {}, urls: {} as Record<DomainName, string>, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { query?: string };
      stubs.requests.push({ domain: decodeURIComponent(req.url!.split('/')[1]!) as DomainName, query: body.query ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: stubs.data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  for (const d of DOMAINS) stubs.urls[d] = `http://127.0.0.1:${port}/${d}/graphql`;
  stubs.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stubs;
}

export interface TestGateway {
  gateway: RunningGateway;
  url: string;
  stubs: StubSubgraphs;
  /** Authorization headers for these claims, signed with the run's development key. */
  as(claims: TokenClaims): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** Starts a gateway with the test's safety settings over the defaults (env-style overrides are read through config). */
export async function startTestGateway(safety: Partial<QuerySafetyConfig> = {}, env: Record<string, string> = {}): Promise<TestGateway> {
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-gw-keys-'));
  const stubs = await startStubSubgraphs();
  const base = gatewayConfig(env);
  const config: GatewayConfig = {
    ...base,
    port: 0,
    auth: { jwks: { devKeysDir: keysDir }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 },
    subgraphUrls: stubs.urls,
    safety: { ...base.safety, ...safety },
  };
  let gateway: RunningGateway;
  try {
    // Request log lines would flood the test output.
    gateway = await startGateway(config, { logger: pino({ level: 'silent' }) });
  } catch (error) {
    await stubs.close();
    fs.rmSync(keysDir, { recursive: true, force: true });
    throw error;
  }
  const keyFile = path.join(keysDir, 'dev-signing-key.private.jwk.json');
  return {
    gateway,
    url: gateway.url,
    stubs,
    async as(claims) {
      return { authorization: `Bearer ${await signToken(keyFile, claims, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '10m' })}` };
    },
    async stop() {
      await gateway.stop();
      await stubs.close();
      fs.rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
