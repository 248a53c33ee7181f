/**
 * Every process the gateway benchmark starts, and how to stop them all: SIGTERM (services finish in-flight
 * requests), then SIGKILL whatever still runs after 10 s. The IPC channel makes a service started through
 * scripts/log.ts stop itself when the bench dies; peers are stopped by the bench's exit handler as well.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../test/support/processes';
export { freePort };

export interface Service {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The last lines it wrote, shown when it fails. */
  output: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const alive = (s: Service) => s.child.exitCode === null && s.child.signalCode === null;

export class Processes {
  readonly services: Service[] = [];

  constructor() {
    // Last resort: a bench that exits without its finally (process.exit elsewhere) still kills its children.
    process.once('exit', () => {
      for (const s of this.services) if (alive(s)) s.child.kill('SIGKILL');
    });
  }

  /** Runs `node <args>` from `cwd` with `env`. */
  start(name: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Service {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    if (child.pid === undefined) throw new Error(`${name} could not be started.`);
    const service: Service = { name, child, pid: child.pid, output: [] };
    const keep = (chunk: Buffer) => {
      service.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      service.output.splice(0, Math.max(0, service.output.length - 30));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.services.push(service);
    return service;
  }

  async stop(service: Service): Promise<void> {
    if (!alive(service)) return;
    const exited = new Promise<void>((resolve) => service.child.once('exit', () => resolve()));
    service.child.kill('SIGTERM');
    if (await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)])) {
      service.child.kill('SIGKILL');
      await exited;
    }
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.services].reverse().map((s) => this.stop(s)));
  }
}

/**
 * Resolves when `url` answers 2xx (a GET, or the POST `init` gives); fails when the service exits or
 * `timeoutMs` passes.
 */
export async function waitReady(service: Service, url: string, init: RequestInit = {}, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(service)) throw new Error(`${service.name} exited (code ${service.child.exitCode}) before it was ready:\n${service.output.join('\n')}`);
    try {
      if ((await fetch(url, { ...init, signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${service.name} was not ready at ${url} within ${timeoutMs / 1000} s:\n${service.output.join('\n')}`);
}
