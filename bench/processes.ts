/**
 * Every process a benchmark starts (bench/gateways.ts, bench/policy-propagation.ts), and how to stop them all: SIGTERM (services finish in-flight
 * requests), then SIGKILL whatever still runs after 10 s. The IPC channel makes a service started through
 * scripts/log.ts stop itself when the bench dies; peers are stopped by the bench's exit handler as well.
 *
 * A service's output goes to a file of its own (`<logDir>/<name>.log`), as a container runtime takes a service's
 * stdout: a pipe read by this process, which is busy running autocannon, would fill up and stall every service
 * that logs each request (ours do; pino writes synchronously), making them look slower than they are.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../test/support/processes';
export { freePort };

export interface Service {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** The last lines it wrote, shown when it fails. */
  readonly output: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The last `lines` lines of a file, reading at most its last 64 KiB. */
export function tail(file: string, lines = 30): string[] {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').split('\n').filter(Boolean).slice(-lines);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const alive = (s: Service) => s.child.exitCode === null && s.child.signalCode === null;

export class Processes {
  readonly services: Service[] = [];

  constructor(private readonly logDir: string) {
    // Last resort: a bench that exits without its finally (process.exit elsewhere) still kills its children.
    process.once('exit', () => {
      for (const s of this.services) if (alive(s)) s.child.kill('SIGKILL');
    });
  }

  /** Runs `node <args>` from `cwd` with `env`, its stdout and stderr appended to `<logDir>/<name>.log`. */
  start(name: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Service {
    const logFile = path.join(this.logDir, `${name}.log`);
    const fd = fs.openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', fd, fd, 'ipc'] });
    } finally {
      fs.closeSync(fd); // the child holds its own copy
    }
    if (child.pid === undefined) throw new Error(`${name} could not be started.`);
    const service: Service = {
      name,
      child,
      pid: child.pid,
      logFile,
      get output() {
        return tail(logFile);
      },
    };
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
