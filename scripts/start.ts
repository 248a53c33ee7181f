/**
 * `npm start`: the whole platform on one machine, each subgraph and the gateway as its own process, on the
 * embedded default (SQLite files under data/, seeded on first start) unless DATABASE_URL says otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureDevKeys, signToken } from '../auth';
import { authConfig, DOMAINS, gatewayConfig, isProduction, PROJECT_ROOT, subgraphPort } from '../subgraphs/kit/config';
import { logLine } from './log';

const started = Date.now();
const children: ChildProcess[] = [];

function spawnService(script: string, args: string[]): ChildProcess {
  // The same node and loader (tsx) as this process, so TypeScript runs without a build step.
  const child = spawn(process.execPath, [...process.execArgv, path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    // The IPC channel closes when this launcher dies, however it dies, and the service then stops itself.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      logLine('launcher', `${args[0] ?? 'gateway'} exited unexpectedly (code ${code}, signal ${signal}); stopping the platform`);
      stop(1);
    }
  });
  return child;
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s.`);
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

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
  for (const domain of DOMAINS) spawnService('start-subgraph.ts', [domain]);
  spawnService('start-gateway.ts', []);
  const gateway = gatewayConfig();
  await Promise.all(DOMAINS.map((d) => waitReady(`http://127.0.0.1:${subgraphPort(d)}/readyz`, 300_000)));
  const origin = `http://localhost:${gateway.port}`;
  const url = `${origin}/graphql`;
  await waitReady(`http://127.0.0.1:${gateway.port}/healthz`, 60_000);
  const res = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ region(code: "460000") { name } persons(first: 1) { totalCount } }' }),
  });
  const first = (await res.json()) as { data?: unknown };
  logLine('launcher', 'platform ready', { gateway: url, firstAnswerMs: Date.now() - started, firstAnswer: first.data ?? first });
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
  stop(1);
});
