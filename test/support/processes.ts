/**
 * The platform as production runs it: every subgraph and one or more gateways each in its own process
 * (scripts/start-subgraph.ts, scripts/start-gateway.ts under tsx), on free loopback ports, over a small seed in a
 * temporary DATA_DIR (SQLite) or in PostgreSQL schemas with a unique prefix (when DATABASE_URL is set), dropped
 * afterwards. For the fault tests (kill and restart a subgraph) and the load benchmark. `stop()` ends every
 * process it started (SIGTERM, then SIGKILL after 10 s), whatever happened before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDevKeys, signToken, type TokenClaims } from '../../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, PROJECT_ROOT, type DomainName } from '../../subgraphs/kit/config';

/**
 * A free port below the kernel's ephemeral range (which starts at 32768 here): servers of other test files bind port
 * 0 and get ephemeral ports, so a port of a killed service, picked from here, is not taken by them before it restarts.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('No free port found between 20000 and 32000.');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** The last lines it wrote, shown when it fails. */
  output: string[];
}

const running = (s: ServiceProcess) => s.child.exitCode === null && s.child.signalCode === null;

export interface ProcessPlatformOptions {
  label: string;
  persons?: number;
  seed?: number;
  /** @default 1 */
  gateways?: number;
  /** Extra environment for every service (SUBGRAPH_TIMEOUT_MS, REDIS_URL, LOG_LEVEL...). */
  env?: NodeJS.ProcessEnv;
  /** @default 300000 */
  startTimeoutMs?: number;
}

export interface ProcessPlatform {
  gatewayUrls: string[];
  services: Map<string, ServiceProcess>;
  url(domain: DomainName): string;
  token(claims: TokenClaims): Promise<string>;
  /** Kills the service's process at once (SIGKILL: no draining), as a crash would. */
  kill(name: string): Promise<void>;
  /** Starts the service again on the same port and waits until it is ready. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startProcessPlatform(options: ProcessPlatformOptions): Promise<ProcessPlatform> {
  const pgUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hdg-${options.label}-`));
  const prefix = `${options.label}_${process.pid}_`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const startTimeoutMs = options.startTimeoutMs ?? 300_000;
  const services = new Map<string, ServiceProcess>();
  const ports = Object.fromEntries(await Promise.all(DOMAINS.map(async (d) => [d, await freePort()] as const))) as Record<DomainName, number>;
  const gatewayPorts = await Promise.all(Array.from({ length: options.gateways ?? 1 }, () => freePort()));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    SEED_PERSONS: String(options.persons ?? 300),
    SEED: String(options.seed ?? 7),
    HOST: '127.0.0.1',
    ...(pgUrl ? { DATABASE_SCHEMA_PREFIX: prefix } : {}),
    ...options.env,
  };
  for (const d of DOMAINS) {
    env[`${d.toUpperCase()}_PORT`] = String(ports[d]);
    env[`${d.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[d]}/graphql`;
  }
  const { privateKeyFile } = await ensureDevKeys(path.join(dataDir, 'keys'));
  const recipes = new Map<string, { script: string; args: string[]; env: NodeJS.ProcessEnv; ready: string }>();

  const launch = (name: string): ServiceProcess => {
    const recipe = recipes.get(name)!;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', recipe.script), ...recipe.args], {
      cwd: PROJECT_ROOT,
      env: recipe.env,
      // The IPC channel makes a service stop itself if this process dies.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const service: ServiceProcess = { name, child, port: Number(new URL(recipe.ready).port), output: [] };
    const keep = (chunk: Buffer) => {
      service.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      service.output.splice(0, Math.max(0, service.output.length - 20));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    services.set(name, service);
    return service;
  };

  const waitReady = async (name: string): Promise<void> => {
    const service = services.get(name)!;
    const url = recipes.get(name)!.ready;
    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (!running(service)) throw new Error(`${name} exited (code ${service.child.exitCode}) before it was ready:\n${service.output.join('\n')}`);
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    throw new Error(`${name} was not ready at ${url} within ${startTimeoutMs / 1000} s:\n${service.output.join('\n')}`);
  };

  const exited = (s: ServiceProcess) => new Promise<void>((resolve) => (running(s) ? s.child.once('exit', () => resolve()) : resolve()));

  const stopAll = async (): Promise<void> => {
    const live = [...services.values()].filter(running);
    for (const s of live) s.child.kill('SIGTERM');
    const all = Promise.all(live.map(exited));
    if (await Promise.race([all.then(() => false), sleep(10_000).then(() => true)])) {
      for (const s of live) if (running(s)) s.child.kill('SIGKILL');
      await all;
    }
  };

  const cleanup = async (): Promise<void> => {
    await stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (pgUrl) {
      const client = new Client({ connectionString: pgUrl });
      await client.connect();
      try {
        for (const d of DOMAINS) await client.query(`drop schema if exists "${prefix}${d}" cascade`);
      } finally {
        await client.end();
      }
    }
  };

  try {
    for (const d of DOMAINS) recipes.set(d, { script: 'start-subgraph.ts', args: [d], env, ready: `http://127.0.0.1:${ports[d]}/readyz` });
    gatewayPorts.forEach((port, i) => recipes.set(`gateway${i + 1}`, { script: 'start-gateway.ts', args: [], env: { ...env, GATEWAY_PORT: String(port) }, ready: `http://127.0.0.1:${port}/healthz` }));
    // Governance first: its first start installs the province policy every other service reads.
    launch('governance');
    await waitReady('governance');
    for (const d of DOMAINS) if (d !== 'governance') launch(d);
    await Promise.all(DOMAINS.map(waitReady));
    for (let i = 1; i <= gatewayPorts.length; i += 1) launch(`gateway${i}`);
    for (let i = 1; i <= gatewayPorts.length; i += 1) await waitReady(`gateway${i}`);
  } catch (error) {
    await cleanup();
    throw error;
  }

  return {
    gatewayUrls: gatewayPorts.map((p) => `http://127.0.0.1:${p}/graphql`),
    services,
    url: (domain) => `http://127.0.0.1:${ports[domain]}/graphql`,
    token: (claims) => signToken(privateKeyFile, claims, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '2h' }),
    async kill(name) {
      const service = services.get(name)!;
      const gone = exited(service);
      service.child.kill('SIGKILL');
      await gone;
    },
    async restart(name) {
      launch(name);
      await waitReady(name);
    },
    stop: cleanup,
  };
}
