/**
 * Keeps the embedded platform's services running (`npm start`): a service that exits without being asked to is
 * started again after an exponential backoff with jitter; one that keeps crashing (crash loop) is left down, with
 * its exit and the last lines of its stderr logged, while the others keep running. Spawning, the clock, the timers
 * and the randomness are injected, so the schedule is tested without processes or waiting (test/unit/supervisor.test.ts).
 */

/** What the supervisor needs of a process: node's ChildProcess has it; tests pass a fake. */
export interface SupervisedChild {
  readonly pid?: number;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

export interface SupervisorOptions {
  spawn(name: string): SupervisedChild;
  /** The last lines the service wrote to stderr, logged when it exits unexpectedly. */
  stderrTail?(name: string): string[];
  log?(msg: string, fields?: Record<string, unknown>): void;
  now?(): number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
  /** In [0, 1); drives the jitter. */
  random?(): number;
  /** First restart delay; doubles on each further crash. @default 500 */
  initialDelayMs?: number;
  /** @default 30000 */
  maxDelayMs?: number;
  /** Each delay is moved by up to ± this fraction, so services that crashed together do not restart in step. @default 0.2 */
  jitter?: number;
  /** More restarts than this within `crashLoopWindowMs` and the service is left down. @default 5 */
  crashLoopRestarts?: number;
  /** @default 120000 */
  crashLoopWindowMs?: number;
  /** A service up this long before it exits starts again from the first delay. @default 30000 */
  stableAfterMs?: number;
  /** On stop, services still running this long after SIGTERM get SIGKILL. @default 10000 */
  killAfterMs?: number;
}

export type ServiceState = 'running' | 'backoff' | 'failed' | 'stopped';

export interface ServiceStatus {
  name: string;
  state: ServiceState;
  /** The running process's; null while it is down. */
  pid: number | null;
  restarts: number;
}

interface Service {
  name: string;
  child: SupervisedChild | null;
  state: ServiceState;
  startedAt: number;
  /** Restarts in a row without a stable run between them: the backoff's exponent. */
  attempt: number;
  restarts: number;
  /** When each recent unexpected exit happened, for the crash-loop limit. */
  crashes: number[];
  timer: unknown;
  /** The current child has not exited yet. */
  alive: boolean;
}

export class Supervisor {
  private readonly services = new Map<string, Service>();
  private stopping: Promise<void> | null = null;
  private stopRequested = false;
  private readonly o: Required<Omit<SupervisorOptions, 'stderrTail'>> & Pick<SupervisorOptions, 'stderrTail'>;
  private readonly failedListeners = new Set<(name: string) => void>();

  constructor(options: SupervisorOptions) {
    this.o = {
      log: () => undefined,
      now: Date.now,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as NodeJS.Timeout),
      random: Math.random,
      initialDelayMs: 500,
      maxDelayMs: 30_000,
      jitter: 0.2,
      crashLoopRestarts: 5,
      crashLoopWindowMs: 120_000,
      stableAfterMs: 30_000,
      killAfterMs: 10_000,
      ...options,
    };
  }

  /** Starts `name` (the key the spawn function gets) and keeps it running until `stop()`. */
  start(name: string): void {
    if (this.stopRequested) return;
    if (this.services.has(name)) throw new Error(`${name} is already supervised.`);
    const service: Service = { name, child: null, state: 'running', startedAt: 0, attempt: 0, restarts: 0, crashes: [], timer: null, alive: false };
    this.services.set(name, service);
    this.launch(service);
  }

  /** The delay before the restart after `attempt` crashes in a row, before jitter: 0.5 s, 1 s, 2 s ... 30 s. */
  backoffMs(attempt: number): number {
    return Math.min(this.o.maxDelayMs, this.o.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  }

  status(): ServiceStatus[] {
    // A pid only while its process lives: a dead one's may be reused by anything.
    return [...this.services.values()].map((s) => ({ name: s.name, state: s.state, pid: s.alive ? (s.child?.pid ?? null) : null, restarts: s.restarts }));
  }

  /** Called with a service's name when the supervisor gives up on it (crash loop). */
  onFailed(listener: (name: string) => void): void {
    this.failedListeners.add(listener);
  }

  /** SIGTERM to every service, no restart after; resolves once all have exited (SIGKILL after `killAfterMs`). */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    // Set before any kill: a child may report its exit at once.
    this.stopRequested = true;
    const live: Promise<void>[] = [];
    for (const service of this.services.values()) {
      if (service.timer !== null) this.o.clearTimer(service.timer);
      service.timer = null;
      const child = service.child;
      if (service.alive && child) {
        live.push(new Promise<void>((resolve) => child.once('exit', () => resolve())));
        child.kill('SIGTERM');
      }
      if (service.state !== 'failed') service.state = 'stopped';
    }
    this.stopping = new Promise<void>((resolve) => {
      if (live.length === 0) return resolve();
      const killer = this.o.setTimer(() => {
        for (const s of this.services.values()) if (s.alive) s.child?.kill('SIGKILL');
      }, this.o.killAfterMs);
      void Promise.all(live).then(() => {
        this.o.clearTimer(killer);
        resolve();
      });
    });
    return this.stopping;
  }

  private launch(service: Service): void {
    let child: SupervisedChild;
    try {
      child = this.o.spawn(service.name);
    } catch (error) {
      // Could not even be spawned: a crash like any other (backoff, then the crash-loop limit), never the launcher's end.
      this.o.log(`${service.name} could not be started: ${error instanceof Error ? error.message : String(error)}`, { name: service.name });
      const none: SupervisedChild = { kill: () => false, once: () => undefined };
      service.child = none;
      service.startedAt = this.o.now();
      this.exited(service, none, null, null);
      return;
    }
    service.child = child;
    service.state = 'running';
    service.alive = true;
    service.startedAt = this.o.now();
    child.once('exit', (code, signal) => this.exited(service, child, code, signal));
  }

  private exited(service: Service, child: SupervisedChild, code: number | null, signal: NodeJS.Signals | null): void {
    if (service.child !== child) return;
    service.alive = false;
    // Asked for (stop): nothing to restart.
    if (this.stopRequested) return;
    const now = this.o.now();
    const upMs = now - service.startedAt;
    if (upMs >= this.o.stableAfterMs) service.attempt = 0;
    service.crashes = service.crashes.filter((t) => now - t < this.o.crashLoopWindowMs);
    service.crashes.push(now);
    const stderr = this.o.stderrTail?.(service.name) ?? [];
    const fields = { name: service.name, pid: child.pid ?? null, code, signal, upMs, restarts: service.restarts, ...(stderr.length ? { stderr } : {}) };
    // The crash that would be restart number crashLoopRestarts + 1 within the window: a crash loop.
    if (service.crashes.length > this.o.crashLoopRestarts) {
      service.state = 'failed';
      this.o.log(
        `${service.name} exited (code ${code}, signal ${signal}) ${service.crashes.length} times within ${this.o.crashLoopWindowMs / 1000} s; not restarting it, the other services keep running`,
        fields,
      );
      for (const listener of this.failedListeners) listener(service.name);
      return;
    }
    service.attempt += 1;
    const base = this.backoffMs(service.attempt);
    const delayMs = Math.round(Math.min(this.o.maxDelayMs, base * (1 + this.o.jitter * (2 * this.o.random() - 1))));
    service.state = 'backoff';
    this.o.log(`${service.name} exited unexpectedly (code ${code}, signal ${signal}); restarting in ${(delayMs / 1000).toFixed(1)} s`, { ...fields, delayMs });
    service.timer = this.o.setTimer(() => {
      service.timer = null;
      if (this.stopRequested) return;
      service.restarts += 1;
      this.launch(service);
      this.o.log(`${service.name} restarted`, { name: service.name, pid: service.child?.pid ?? null, restarts: service.restarts });
    }, delayMs);
  }
}
