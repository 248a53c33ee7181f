/**
 * `npm start`: the whole platform on one machine, each subgraph and the gateway as its own process, on the
 * embedded default (SQLite files under data/, seeded on first start) unless DATABASE_URL says otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureDevKeys, signToken } from '../auth';
import { authConfig, backupConfig, DOMAINS, gatewayConfig, isProduction, PROJECT_ROOT, subgraphPort } from '../subgraphs/kit/config';
import { logLine } from './log';
import { collectStartupGarbage, NO_MEMORY_REDUCER, PLATFORM_READY_MESSAGE } from './heap';
import { Supervisor } from './supervisor';

const started = Date.now();
const STDERR_TAIL_LINES = 20;
const stderrTails = new Map<string, string[]>();
/** BACKUP_INTERVAL_H: a scheduled backup of every domain database, supervised like a service (scripts/backup.ts). */
const backups = backupConfig();

/** The latest process of each service (a restart replaces it). */
const children = new Map<string, ChildProcess>();

/** `population`... run start-subgraph.ts; `gateway` runs start-gateway.ts; `backups` the scheduled backups. */
function spawnService(name: string): ChildProcess {
  const [script, args] =
    name === 'gateway' ? ['start-gateway.ts', []] : name === 'backups' ? ['backup.ts', ['backup', '--every', String(backups.intervalHours), '--keep', String(backups.keep)]] : ['start-subgraph.ts', [name]];
  // The same node and loader (tsx) as this process, so TypeScript runs without a build step.
  const child = spawn(process.execPath, [...process.execArgv, NO_MEMORY_REDUCER, path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    // The IPC channel closes when this launcher dies, however it dies, and the service then stops itself.
    // stderr passes through here so that its last lines can be logged when the service dies.
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    env: process.env,
  });
  // A process that could not be started at all (EAGAIN, ENOMEM) reports 'error' and never 'exit': counted as a crash.
  child.on('error', (error) => {
    logLine('launcher', `${name}: ${error.message}`, { name });
    if (child.pid === undefined) child.emit('exit', null, null);
  });
  const tail: string[] = [];
  stderrTails.set(name, tail);
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    tail.push(...lines.filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - STDERR_TAIL_LINES));
  });
  child.stderr!.on('end', () => {
    if (partial) tail.push(partial);
    tail.splice(0, Math.max(0, tail.length - STDERR_TAIL_LINES));
  });
  logLine('launcher', `${name} started`, { name, pid: child.pid });
  children.set(name, child);
  return child;
}

const supervisor = new Supervisor({
  spawn: spawnService,
  // Copied: the tail array is replaced by the next start's.
  stderrTail: (name) => [...(stderrTails.get(name) ?? [])],
  log: (msg, fields) => logLine('launcher', msg, fields),
});

function statusLine(): string {
  return supervisor
    .status()
    .map((s) => `${s.name} ${s.state}${s.pid ? ` pid ${s.pid}` : ''}${s.restarts ? ` restarts ${s.restarts}` : ''}`)
    .join('; ');
}

/** Ready when the URL answers 2xx; false if the service was given up on (crash loop) first. */
async function waitReady(url: string, timeoutMs: number, name?: string): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (name && supervisor.status().find((s) => s.name === name)?.state === 'failed') return false;
    try {
      // Bounded: a port held by something that never answers must not hold up the start.
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s.`);
}

let stopping = false;
function stop(code: number, why: string): void {
  if (stopping) return;
  stopping = true;
  logLine('launcher', `${why}: stopping every service`);
  void supervisor.stop().then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0, 'SIGINT'));
process.on('SIGTERM', () => stop(0, 'SIGTERM'));
process.on('SIGUSR2', () => logLine('launcher', 'status', { services: supervisor.status(), summary: statusLine() }));

/** The embedded default's development identity: a token to try the graph with, never valid in production. */
async function developmentToken(): Promise<string | null> {
  const auth = authConfig();
  if (isProduction() || !('devKeysDir' in auth.jwks)) return null;
  const { privateKeyFile } = await ensureDevKeys(auth.jwks.devKeysDir);
  const claims = { sub: 'dev-police-hq', dept: 'public-security', roles: ['officer'], region: '460000' };
  return signToken(privateKeyFile, claims, { issuer: auth.issuer, audience: auth.audience, expiresIn: '12h' });
}

async function main(): Promise<void> {
  // Made before the services start, so they all find the same development key pair.
  const token = await developmentToken();
  // Governance first: its first start installs the province policy every other service reads.
  supervisor.start('governance');
  await waitReady(`http://127.0.0.1:${subgraphPort('governance')}/readyz`, 300_000, 'governance');
  for (const domain of DOMAINS) if (domain !== 'governance') supervisor.start(domain);
  supervisor.start('gateway');
  if (backups.intervalHours) supervisor.start('backups');
  const gateway = gatewayConfig();
  await Promise.all(DOMAINS.map((d) => waitReady(`http://127.0.0.1:${subgraphPort(d)}/readyz`, 300_000, d)));
  const origin = `http://localhost:${gateway.port}`;
  const url = `${origin}/graphql`;
  if (!(await waitReady(`http://127.0.0.1:${gateway.port}/healthz`, 60_000, 'gateway'))) return;
  const res = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ region(code: "460000") { name } persons(first: 1) { totalCount } }' }),
  });
  const first = (await res.json()) as { data?: unknown };
  collectStartupGarbage(0);
  for (const child of children.values()) if (child.connected) child.send(PLATFORM_READY_MESSAGE, () => undefined);
  logLine('launcher', 'platform ready', { gateway: url, firstAnswerMs: Date.now() - started, firstAnswer: first.data ?? first, services: statusLine() });
  process.stdout.write(
    `\nThe platform answers on this machine:\n` +
      `  graph IDE (GraphiQL, open in a browser)   ${url}\n` +
      `  GraphQL endpoint (POST)                   ${url}\n` +
      `  governance console                        ${origin}/console/\n` +
      `  decision-support dashboard                ${origin}/dashboard/\n` +
      `  metrics (Prometheus)                      ${origin}/metrics and each subgraph's /metrics (ports ${Math.min(...DOMAINS.map((d) => subgraphPort(d)))}-${Math.max(...DOMAINS.map((d) => subgraphPort(d)))})\n`,
  );
  if (token) {
    process.stdout.write(
      `\nDevelopment token (public-security officer, whole province; 12 h; refused in production):\n  ${token}\n` +
        `Use it as: curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer <token>' -d '{"query":"{ persons(first: 2) { totalCount edges { node { name idNumber } } } }"}'\n` +
        'Other callers: npm run token -- --sub alice --dept health --roles analyst --region 460100\n\n',
    );
  }
}

main().catch((error: unknown) => {
  logLine('launcher', 'start failed', { error: error instanceof Error ? error.message : String(error) });
  stop(1, 'start failed');
});
