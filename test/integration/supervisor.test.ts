/**
 * `npm start` as a user runs it (`node --import tsx scripts/start.ts`, SQLite under a temporary DATA_DIR): while
 * queries and idempotent writes keep going, a subgraph, then governance, then the gateway are killed (SIGKILL);
 * the launcher starts each again and the graph answers in full again; every acknowledged write exists exactly once;
 * SIGINT then stops the launcher and every service. The bound here (SUPERVISOR_RECOVERY_MS, 60 s) only catches a
 * service that never comes back: how fast it does (the goal is 10 s) is a measurement, taken on a quiet machine and
 * kept in README, not a timed assertion that a busy CI machine would fail at random.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureDevKeys, signToken } from '../../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, PROJECT_ROOT } from '../../subgraphs/kit/config';
import { postGraphQL, type GraphQLResponse } from '../support/platform';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RECOVERY_MS = Number(process.env.SUPERVISOR_RECOVERY_MS || 60_000);

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** PORT_BASE with it and the 8 ports above it free, below the ephemeral range (see test/support/processes.ts). */
async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const base = 20000 + Math.floor(Math.random() * 12000);
    let free = true;
    for (let p = base; p <= base + 8 && free; p += 1) free = await portFree(p);
    if (free) return base;
  }
  throw new Error('No 9 free ports in a row between 20000 and 32000.');
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The launcher's JSON log lines, kept; everything else it writes kept for the failure message only. */
class Launcher {
  readonly lines: Record<string, any>[] = [];
  readonly raw: string[] = [];
  constructor(readonly child: ChildProcess) {
    let partial = '';
    const take = (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        this.raw.push(line);
        if (this.raw.length > 200) this.raw.shift();
        if (line.startsWith('{')) {
          try {
            const parsed = JSON.parse(line) as Record<string, any>;
            if (parsed.service === 'launcher') this.lines.push(parsed);
          } catch {
            // A service's partial line: not the launcher's.
          }
        }
      }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
  }
  /** The pid the launcher last logged for a service ("<name> started" / "<name> restarted"). */
  pid(name: string): number {
    const line = this.lines.filter((l) => l.name === name && typeof l.pid === 'number' && /started|restarted$/.test(l.msg)).at(-1);
    if (!line) throw new Error(`The launcher logged no pid for ${name}:\n${this.tail()}`);
    return line.pid as number;
  }
  tail(): string {
    return this.raw.slice(-60).join('\n');
  }
}

const BIRTH = `mutation($input: RegisterBirthInput!, $key: String) { registerBirth(input: $input, idempotencyKey: $key) { id } }`;
/**
 * Population (a person: nullable, so the rest still arrives when population is down), geospatial (their residence,
 * regionAt) and governance (the policy version in force; non-null, so its outage nulls the whole answer).
 */
const CHECK = `query($id: ID!) { person(id: $id) { id name residence { region { code } } } regionAt(lon: 110.33, lat: 20.03) { code } activePolicyVersion { number } }`;

describe('npm start keeps the platform up when services die', () => {
  let dataDir: string;
  let launcher: Launcher;
  let gatewayUrl: string;
  let police: Record<string, string>;
  let householdId: string;
  let personId: string;

  const complete = (res: GraphQLResponse) =>
    res.status === 200 && !res.errors && res.data?.regionAt?.code && res.data.activePolicyVersion?.number && res.data.person?.residence?.region?.code;
  const check = () => postGraphQL(gatewayUrl, CHECK, { id: personId }, police);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-supervisor-'));
    const base = await freePortBase();
    gatewayUrl = `http://127.0.0.1:${base}/graphql`;
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT_BASE: String(base), SEED_PERSONS: '100', SEED: '5', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    // Each domain's URL and port from PORT_BASE alone.
    for (const key of Object.keys(env)) if (/^[A-Z]+_(PORT|URL)$/.test(key) && key !== 'DATABASE_URL') delete env[key];
    delete env.GATEWAY_PORT;
    delete env.DATABASE_URL;
    launcher = new Launcher(spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'start.ts')], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
    const deadline = Date.now() + 240_000;
    while (!launcher.lines.some((l) => l.msg === 'platform ready')) {
      if (launcher.child.exitCode !== null) throw new Error(`The launcher exited (${launcher.child.exitCode}):\n${launcher.tail()}`);
      if (Date.now() > deadline) throw new Error(`The launcher was not ready within 240 s:\n${launcher.tail()}`);
      await sleep(200);
    }
    // The launcher made the development key pair under DATA_DIR/keys.
    const { privateKeyFile } = await ensureDevKeys(path.join(dataDir, 'keys'));
    const token = await signToken(privateKeyFile, { sub: 'clerk-1', dept: 'public-security', roles: ['officer'], region: '460000' }, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '1h' });
    police = { authorization: `Bearer ${token}` };
    const page = await postGraphQL(gatewayUrl, `{ persons(first: 1, filter: { status: LIVING }) { edges { node { id household { id } } } } }`, undefined, police);
    householdId = page.data.persons.edges[0].node.household.id;
    personId = page.data.persons.edges[0].node.id;
  }, 300_000);

  afterAll(async () => {
    if (launcher && launcher.child.exitCode === null && launcher.child.signalCode === null) {
      const gone = new Promise((r) => launcher.child.once('exit', r));
      launcher.child.kill('SIGTERM');
      const timer = setTimeout(() => launcher.child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('restarts a killed subgraph, governance and the gateway; every acknowledged write exists once; SIGINT stops everything', async () => {
    const first = await check();
    expect(first.errors).toBeUndefined();
    expect(complete(first)).toBeTruthy();
    const today = new Date().toISOString().slice(0, 10);
    const MEMBERS = `query($h: ID!) { household(id: $h) { members { person { id } } } }`;
    const membersBefore = (await postGraphQL(gatewayUrl, MEMBERS, { h: householdId }, police)).data.household.members.length as number;

    // Light load: one query and one birth at a time. A birth is retried with its key until acknowledged.
    const acknowledged = new Map<string, string>();
    const idsPerKey = new Map<string, Set<string>>();
    let running = true;
    let queries = 0;
    let writes = 0;
    let failures = 0;
    /** The service killed and not yet back, and the answers to the load's queries with it. */
    let down: string | null = null;
    const answers: { during: (string | null)[]; res: GraphQLResponse }[] = [];
    const register = async (key: string) => {
      const input = { name: '王小明', gender: 'MALE', birthDate: today, ethnicityCode: '01', householdId };
      const since = Date.now();
      for (;;) {
        writes += 1;
        const res = await postGraphQL(gatewayUrl, BIRTH, { input, key }, police).catch(() => null);
        const id = res?.data?.registerBirth?.id as string | undefined;
        if (id) {
          if (!idsPerKey.has(key)) idsPerKey.set(key, new Set());
          idsPerKey.get(key)!.add(id);
          // Once more with the same key after an outage or not: the same person, never a second one.
          if (failures > 0 && Math.random() < 0.3) {
            const again = await postGraphQL(gatewayUrl, BIRTH, { input, key }, police).catch(() => null);
            const againId = again?.data?.registerBirth?.id as string | undefined;
            if (againId) idsPerKey.get(key)!.add(againId);
          }
          acknowledged.set(key, id);
          return;
        }
        failures += 1;
        if (Date.now() - since > 30_000) throw new Error(`registerBirth ${key} did not succeed within 30 s: ${JSON.stringify(res?.errors)}`);
        await sleep(200);
      }
    };
    const load = (async () => {
      for (let i = 0; running; i += 1) {
        await Promise.all([
          register(`supervisor-birth-${process.pid}-${i}`),
          (async () => {
            queries += 1;
            const before = down;
            const res = await check().catch(() => null);
            // A query in flight at the kill or the return counts for either side.
            if (res) answers.push({ during: [before, down], res });
          })(),
        ]);
        // Light: about two requests a second, so that a restarting service gets its share of a small CI machine.
        await sleep(500);
      }
    })();
    // Whatever fails below, the load stops with the test.
    const stopLoad = () => {
      running = false;
      return load.catch(() => undefined);
    };
    const recovery: Record<string, number> = {};
    try {
      for (const name of ['population', 'governance', 'gateway']) {
        await sleep(1000);
        const pid = launcher.pid(name);
        down = name;
        process.kill(pid, 'SIGKILL');
        const killed = Date.now();
        while (alive(pid)) await sleep(20);
        // Back in full: the killed service answers through the gateway again (population: persons; governance: the policy every read needs).
        for (;;) {
          const res = await check().catch((error: unknown) => ({ status: 0, body: String(error) }) as GraphQLResponse);
          if (complete(res)) break;
          if (Date.now() - killed > RECOVERY_MS) throw new Error(`The graph did not answer in full within ${RECOVERY_MS} ms of killing ${name}; last answer ${res.status} ${res.body.slice(0, 500)}\n${launcher.tail()}`);
          await sleep(100);
        }
        recovery[name] = Date.now() - killed;
        down = null;
        expect(recovery[name]).toBeLessThan(RECOVERY_MS);
        expect(launcher.lines.some((l) => l.msg.startsWith(`${name} exited unexpectedly (code null, signal SIGKILL); restarting in`))).toBe(true);
      }
    } finally {
      await stopLoad();
    }
    await load;

    // The gateway answered without the dead subgraph: every other domain's data, SERVICE_UNAVAILABLE at its paths only.
    for (const { during, res } of answers) {
      expect(res.status).toBe(200);
      for (const error of res.errors ?? []) {
        expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(during).toContain(error.extensions?.serviceName);
      }
    }
    expect(answers.some(({ during, res }) => during.includes('population') && res.errors && res.data?.regionAt?.code && res.data.activePolicyVersion?.number)).toBe(true);

    // Every acknowledged birth exists once: each key got one id, the ids are distinct and all in the household.
    expect(acknowledged.size).toBeGreaterThan(3);
    for (const ids of idsPerKey.values()) expect(ids.size).toBe(1);
    const ids = [...acknowledged.values()];
    expect(new Set(ids).size).toBe(ids.length);
    const members = await postGraphQL(gatewayUrl, MEMBERS, { h: householdId }, police);
    const memberIds = (members.data.household.members as { person: { id: string } }[]).map((m) => m.person.id);
    for (const id of ids) expect(memberIds.filter((m) => m === id)).toHaveLength(1);
    // No second person from an attempt whose answer was lost in a kill and then retried: only the acknowledged ones were added.
    expect(memberIds).toHaveLength(membersBefore + ids.length);
    for (let i = 0; i < ids.length; i += 10) {
      const chunk = ids.slice(i, i + 10);
      const query = `query(${chunk.map((_, j) => `$id${j}: ID!`).join(', ')}) { ${chunk.map((_, j) => `p${j}: person(id: $id${j}) { id }`).join(' ')} }`;
      const res = await postGraphQL(gatewayUrl, query, Object.fromEntries(chunk.map((id, j) => [`id${j}`, id])), police);
      expect(res.errors).toBeUndefined();
      expect(chunk.map((_, j) => res.data[`p${j}`]?.id)).toEqual(chunk);
    }

    // Ctrl-C: the launcher and every service it started are gone, promptly.
    const services = ['governance', 'population', 'geospatial', 'enterprise', 'education', 'credit', 'health', 'housing', 'gateway'].map((n) => launcher.pid(n));
    const gone = new Promise<number | null>((r) => launcher.child.once('exit', (code) => r(code)));
    const stopAt = Date.now();
    launcher.child.kill('SIGINT');
    expect(await gone).toBe(0);
    const stopMs = Date.now() - stopAt;
    process.stdout.write(
      `supervisor: back in full after SIGKILL (ms) ${JSON.stringify(recovery)}; ${queries} queries, ${writes} write attempts, ${acknowledged.size} births acknowledged; SIGINT to every process gone ${stopMs} ms\n`,
    );
    expect(stopMs).toBeLessThan(15_000);
    for (const pid of services) expect(alive(pid)).toBe(false);
    expect(launcher.lines.some((l) => / restarted$/.test(l.msg) && Date.parse(l.time) >= stopAt)).toBe(false);
  }, 180_000);
});
