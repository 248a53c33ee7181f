/**
 * The container images and Kubernetes manifests in deploy/ match the code: every service has an image, a
 * Deployment and a Service on the port the code gives it, probes on /readyz and /healthz, and configuration that
 * the code reads, validates and accepts in production (each manifest's environment is fed to the same functions
 * the services start with, through an environment that records what they read).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DOMAINS, GATEWAY_PORT, PROJECT_ROOT, defaultPort, gatewayConfig, subgraphConfig } from '../../subgraphs/kit/config';

const DEPLOY = path.join(PROJECT_ROOT, 'deploy');
const SERVICES = [...DOMAINS, 'gateway'] as const;
const portOf = (service: string) => (service === 'gateway' ? GATEWAY_PORT : defaultPort(service as (typeof DOMAINS)[number]));

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

function setup() {
  const manifests: Manifest[] = [];
  for (const file of fs.readdirSync(path.join(DEPLOY, 'k8s')).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(DEPLOY, 'k8s', file), 'utf8'))) {
      expect(doc.errors).toEqual([]);
      const value = doc.toJS() as Manifest | null;
      if (value) manifests.push(value);
    }
  }
  const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
  const configMap = find('ConfigMap', 'hdg-config')!;
  /** The environment a Deployment's container starts with: its ConfigMaps, then its own entries (Secrets resolved). */
  const envOf = (deployment: Manifest): Record<string, string> => {
    const container = deployment.spec.template.spec.containers[0];
    const env: Record<string, string> = {};
    for (const from of container.envFrom ?? []) {
      Object.assign(env, from.configMapRef ? find('ConfigMap', from.configMapRef.name)!.data : find('Secret', from.secretRef!.name)!.stringData);
    }
    for (const entry of container.env ?? []) {
      const ref = entry.valueFrom?.secretKeyRef;
      env[entry.name] = ref ? find('Secret', ref.name)!.stringData![ref.key]! : String(entry.value);
    }
    return env;
  };
  return { manifests, find, configMap, envOf };
}

/** Runs `fn` on `env` and returns the variables it read. */
function readsOf(env: Record<string, string>, fn: (env: Record<string, string | undefined>) => unknown): Set<string> {
  const read = new Set<string>();
  fn(new Proxy(env, { get: (target, key) => (typeof key === 'string' ? (read.add(key), target[key]) : undefined) }));
  return read;
}

/** Every variable some service reads from `env` (one ConfigMap serves them all). */
function readByAnyService(env: Record<string, string>): Set<string> {
  const read = readsOf(env, (e) => gatewayConfig(e));
  for (const d of DOMAINS) for (const key of readsOf(env, (e) => subgraphConfig(d, e))) read.add(key);
  return read;
}

describe('deploy/', () => {
  const { manifests, find, configMap, envOf } = setup();

  it.each(SERVICES)('has an image definition for %s that starts it on its port', (service) => {
    const dockerfile = fs.readFileSync(path.join(DEPLOY, 'images', `${service}.Dockerfile`), 'utf8');
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${portOf(service)}$`, 'm'));
    const cmd = service === 'gateway' ? '["node", "dist/scripts/start-gateway.js"]' : `["node", "dist/scripts/start-subgraph.js", "${service}"]`;
    expect(dockerfile).toMatch(new RegExp(`^CMD ${cmd.replace(/[[\]]/g, '\\$&')}$`, 'm'));
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'scripts', service === 'gateway' ? 'start-gateway.ts' : 'start-subgraph.ts'))).toBe(true);
  });

  it.each(SERVICES)('has a Deployment and Service for %s on its port, with readiness and liveness probes', (service) => {
    const port = portOf(service);
    const deployment = find('Deployment', service)!;
    expect(deployment).toBeDefined();
    const pod = deployment.spec.template;
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': service });
    expect(pod.metadata.labels['app.kubernetes.io/name']).toBe(service);
    const container = pod.spec.containers[0];
    expect(container.image).toMatch(new RegExp(`/${service}:`));
    expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
    expect(pod.metadata.annotations).toMatchObject({ 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' });
    const svc = find('Service', service)!;
    expect(svc.spec.selector).toEqual({ 'app.kubernetes.io/name': service });
    expect(svc.spec.ports).toEqual([{ name: 'http', port, targetPort: port }]);
  });

  it.each(DOMAINS)('configures %s with variables the code reads and accepts in production, on PostgreSQL', (domain) => {
    const env = envOf(find('Deployment', domain)!);
    const read = readsOf(env, (e) => {
      const config = subgraphConfig(domain, e);
      expect(config).toMatchObject({ production: true, port: defaultPort(domain), host: '0.0.0.0', database: { driver: 'postgresql', schema: domain }, governanceDatabase: { driver: 'postgresql' } });
      expect(config.seed.persons).toBe(0);
    });
    for (const own of [`${domain.toUpperCase()}_DATABASE_URL`, `${domain.toUpperCase()}_PORT`, 'GOVERNANCE_DATABASE_URL']) expect(read).toContain(own);
    const readByAny = readByAnyService(env);
    expect(Object.keys(env).filter((k) => !readByAny.has(k))).toEqual([]);
  });

  it('configures the gateway with variables the code reads, reaching every subgraph by its Service', () => {
    const env = envOf(find('Deployment', 'gateway')!);
    const read = readsOf(env, (e) => {
      const config = gatewayConfig(e);
      expect(config).toMatchObject({ production: true, port: GATEWAY_PORT, host: '0.0.0.0' });
      for (const d of DOMAINS) expect(config.subgraphUrls[d]).toBe(`http://${d}:${defaultPort(d)}/graphql`);
    });
    // Database credentials are the subgraphs' business only: the gateway has none.
    expect(Object.keys(env).filter((k) => k.endsWith('DATABASE_URL'))).toEqual([]);
    expect(read).toContain('SUBGRAPH_TIMEOUT_MS');
    const readByAny = readByAnyService(env);
    expect(Object.keys(env).filter((k) => !readByAny.has(k))).toEqual([]);
  });

  it('scales the gateway with a HorizontalPodAutoscaler', () => {
    const hpa = find('HorizontalPodAutoscaler', 'gateway')!;
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('reaches PostgreSQL and Redis as external services, and the database URLs name the PostgreSQL one', () => {
    for (const name of ['postgresql', 'redis']) expect(find('Service', name)?.spec.type).toBe('ExternalName');
    for (const url of Object.values(find('Secret', 'hdg-database')!.stringData!)) expect(new URL(url).hostname).toBe('postgresql');
  });

  it('runs NATS JetStream as a three-server cluster that the subgraphs reach, with three replicas per stream', () => {
    const nats = find('StatefulSet', 'nats')!;
    expect(nats.spec.replicas).toBe(3);
    expect(nats.spec.serviceName).toBe('nats-cluster');
    expect(nats.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    const conf = find('ConfigMap', 'nats-config')!.data!['nats.conf']!;
    expect(conf).toMatch(/jetstream \{\s*store_dir: \/data\/jetstream/);
    for (const i of [0, 1, 2]) expect(conf).toContain(`nats://nats-${i}.nats-cluster.hainan-data-graph.svc:6222`);
    expect(find('Service', 'nats')!.spec.ports).toEqual([{ name: 'client', port: 4222, targetPort: 4222 }]);
    const config = subgraphConfig('population', { ...configMap.data });
    expect(config.nats).toEqual({ servers: ['nats://nats:4222'], streamPrefix: 'HAINAN', replicas: 3, maxAgeDays: 90 });
  });

  it('keeps every object in one namespace and no real secret', () => {
    const namespace = find('Namespace', 'hainan-data-graph');
    expect(namespace).toBeDefined();
    for (const m of manifests.filter((x) => x.kind !== 'Namespace')) expect(m.metadata.namespace).toBe('hainan-data-graph');
    for (const url of Object.values(find('Secret', 'hdg-database')!.stringData!)) expect(new URL(url).password).toBe('CHANGE_ME');
    expect(configMap.data!.NODE_ENV).toBe('production');
  });
});
