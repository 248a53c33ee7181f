/**
 * One version's set of subgraph processes (and its gateway), as the benchmarks start them: every subgraph from the
 * version's dist/ (`node dist/scripts/start-subgraph.js <domain>`, no tsx loader) on free loopback ports, with the
 * run's environment and this set's own ports and peer URLs; governance first (it installs the first policy
 * version), then the seven others together. The version is today's worktree or a baseline's (bench/baseline.ts),
 * each with its own scripts, schema and supergraph.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMAINS, type DomainName } from '../../subgraphs/kit/config';
import { freePort, waitReady, type Processes, type Service } from '../processes';
import { withSubgraphUrls } from './targets';

export interface Version {
  /** "ours" or "baseline". */
  id: string;
  /** For reports: "ours", "baseline (4223d09)". */
  label: string;
  /** Its worktree: dist/, schema/, scripts/. */
  root: string;
}

export interface SubgraphSet {
  version: Version;
  ports: Record<DomainName, number>;
  urls: Record<DomainName, string>;
  services: Service[];
  healthUrls: string[];
  /** The environment its processes got (with its ports and URLs): give the same to its gateway. */
  env: NodeJS.ProcessEnv;
  /** The version's own supergraph with this set's subgraph URLs, and the file holding it. */
  supergraphSdl: string;
  supergraphFile: string;
}

export interface SubgraphSetOptions {
  version: Version;
  /** Service names are `<prefix><domain>` (no prefix: the domain alone). */
  prefix?: string;
  env: NodeJS.ProcessEnv;
  /** Where the set's supergraph file goes. */
  dir: string;
  /** Node flags per process (V8 CPU profile). */
  nodeArgs?: (name: string) => string[];
  /** How long a subgraph may take to be ready (seeding on first start takes a while). */
  readyTimeoutMs?: number;
}

export async function startSubgraphSet(processes: Processes, options: SubgraphSetOptions): Promise<SubgraphSet> {
  const { version, prefix = '' } = options;
  const ports = Object.fromEntries(await Promise.all(DOMAINS.map(async (d) => [d, await freePort()] as const))) as Record<DomainName, number>;
  const urls = Object.fromEntries(DOMAINS.map((d) => [d, `http://127.0.0.1:${ports[d]}/graphql`])) as Record<DomainName, string>;
  const env: NodeJS.ProcessEnv = { ...options.env };
  for (const d of DOMAINS) {
    env[`${d.toUpperCase()}_PORT`] = String(ports[d]);
    env[`${d.toUpperCase()}_URL`] = urls[d];
  }
  const supergraphSdl = withSubgraphUrls(fs.readFileSync(path.join(version.root, 'schema', 'supergraph.graphql'), 'utf8'), urls);
  const supergraphFile = path.join(options.dir, `${prefix || `${version.id}-`}supergraph.graphql`);
  fs.writeFileSync(supergraphFile, supergraphSdl);
  const start = (d: DomainName) =>
    processes.start(`${prefix}${d}`, [...(options.nodeArgs?.(`${prefix}${d}`) ?? []), path.join(version.root, 'dist', 'scripts', 'start-subgraph.js'), d], env, version.root);
  const governance = start('governance');
  await waitReady(governance, `http://127.0.0.1:${ports.governance}/readyz`, {}, options.readyTimeoutMs);
  const others = DOMAINS.filter((d) => d !== 'governance').map((d) => [d, start(d)] as const);
  await Promise.all(others.map(([d, s]) => waitReady(s, `http://127.0.0.1:${ports[d]}/readyz`, {}, options.readyTimeoutMs)));
  return {
    version,
    ports,
    urls,
    services: [governance, ...others.map(([, s]) => s)],
    healthUrls: DOMAINS.map((d) => `http://127.0.0.1:${ports[d]}/healthz`),
    env,
    supergraphSdl,
    supergraphFile,
  };
}

/** The version's gateway over `set`, from its dist/; resolves once it answers `{ __typename }`. */
export async function startGateway(processes: Processes, set: SubgraphSet, name: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<{ service: Service; url: string }> {
  const port = await freePort();
  const service = processes.start(
    name,
    [...nodeArgs, path.join(set.version.root, 'dist', 'scripts', 'start-gateway.js')],
    { ...set.env, GATEWAY_DEDUPE: 'off', ...env, PORT: String(port), GATEWAY_PORT: String(port), SUPERGRAPH_FILE: set.supergraphFile },
    set.version.root,
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitReady(service, url, { method: 'POST', body: '{"query":"{ __typename }"}', headers: { 'content-type': 'application/json' } });
  return { service, url };
}
