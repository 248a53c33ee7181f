/**
 * The launcher's supervisor (scripts/supervisor.ts) with fake processes and a fake clock: the backoff schedule,
 * the crash-loop limit, the reset after a stable run, and no restart once stopping.
 */
import { EventEmitter } from 'node:events';
import { Supervisor, type SupervisorOptions } from '../../scripts/supervisor';

class FakeChild extends EventEmitter {
  static nextPid = 100;
  readonly pid = FakeChild.nextPid++;
  readonly signals: string[] = [];
  exited = false;
  /** When false, SIGTERM is ignored (a service that hangs on shutdown). */
  constructor(private readonly obeysTerm = true) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL' || this.obeysTerm) queueMicrotask(() => this.die(null, signal));
    return true;
  }
  die(code: number | null, signal: NodeJS.Signals | null = null): void {
    if (this.exited) return;
    this.exited = true;
    this.emit('exit', code, signal);
  }
}

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimer: (t: unknown) => void timers.delete(t as number),
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    /** Moves the clock forward, firing due timers in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

function setup(options: Partial<SupervisorOptions> = {}, obeysTerm = true) {
  const time = fakeTime();
  const spawned: Record<string, FakeChild[]> = {};
  const logs: { msg: string; fields?: Record<string, unknown> }[] = [];
  const supervisor = new Supervisor({
    spawn: (name) => {
      const child = new FakeChild(obeysTerm);
      (spawned[name] ??= []).push(child);
      return child;
    },
    stderrTail: (name) => [`${name}: Error: database is locked`],
    log: (msg, fields) => logs.push({ msg, fields }),
    now: time.now,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    random: () => 0.5, // no jitter: the exact schedule
    ...options,
  });
  const last = (name: string) => spawned[name]!.at(-1)!;
  return { time, spawned, logs, supervisor, last };
}

describe('Supervisor', () => {
  it('restarts a service that dies, after 0.5 s, 1 s, 2 s, 4 s ... up to 30 s', () => {
    const { time, spawned, supervisor, last, logs } = setup({ crashLoopRestarts: 100, crashLoopWindowMs: 1000 });
    supervisor.start('population');
    const delays: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      last('population').die(1);
      delays.push(time.pending()[0]!);
      time.advance(delays.at(-1)!);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(spawned.population).toHaveLength(10);
    expect(supervisor.status()).toEqual([{ name: 'population', state: 'running', pid: last('population').pid, restarts: 9 }]);
    expect(logs[0]!.msg).toBe('population exited unexpectedly (code 1, signal null); restarting in 0.5 s');
    expect(logs[0]!.fields).toMatchObject({ name: 'population', code: 1, signal: null, delayMs: 500, stderr: ['population: Error: database is locked'] });
    expect(logs[1]).toMatchObject({ msg: 'population restarted', fields: { restarts: 1 } });
  });

  it('moves each delay by up to ±20 % (jitter)', () => {
    for (const [random, expected] of [[0, 400], [0.999999, 600]] as const) {
      const { time, supervisor, last } = setup({ random: () => random });
      supervisor.start('health');
      last('health').die(null, 'SIGKILL');
      expect(time.pending()).toEqual([expected]);
    }
  });

  it('restarts a service that exits with code 0 too: any exit not asked for', () => {
    const { time, spawned, supervisor, last } = setup();
    supervisor.start('gateway');
    last('gateway').die(0);
    time.advance(500);
    expect(spawned.gateway).toHaveLength(2);
  });

  it('leaves a crash-looping service down (more than 5 restarts in 2 minutes), naming why, and keeps the others', () => {
    const { time, spawned, supervisor, last, logs } = setup();
    supervisor.start('governance');
    supervisor.start('credit');
    for (let i = 0; i < 5; i += 1) {
      last('credit').die(1);
      time.advance(time.pending()[0]!);
    }
    expect(spawned.credit).toHaveLength(6);
    last('credit').die(1);
    expect(time.pending()).toEqual([]);
    time.advance(300_000);
    expect(spawned.credit).toHaveLength(6);
    const gaveUp = logs.at(-1)!;
    expect(gaveUp.msg).toBe('credit exited (code 1, signal null) 6 times within 120 s; not restarting it, the other services keep running');
    expect(gaveUp.fields).toMatchObject({ name: 'credit', code: 1, stderr: ['credit: Error: database is locked'] });
    expect(supervisor.status()).toEqual([
      { name: 'governance', state: 'running', pid: last('governance').pid, restarts: 0 },
      { name: 'credit', state: 'failed', pid: null, restarts: 5 },
    ]);
    expect(last('governance').signals).toEqual([]);
  });

  it('counts a spawn that throws as a crash, without throwing itself', () => {
    const { time, logs, supervisor } = setup({
      spawn: () => {
        throw new Error('spawn EAGAIN');
      },
    });
    expect(() => supervisor.start('population')).not.toThrow();
    for (let i = 0; i < 5; i += 1) time.advance(time.pending()[0]!);
    expect(time.pending()).toEqual([]);
    expect(supervisor.status()[0]).toMatchObject({ name: 'population', state: 'failed', restarts: 5 });
    expect(logs.filter((l) => l.msg === 'population could not be started: spawn EAGAIN')).toHaveLength(6);
  });

  it('tells listeners when it gives up on a service', () => {
    const { time, supervisor, last } = setup({ crashLoopRestarts: 1 });
    const failed: string[] = [];
    supervisor.onFailed((name) => failed.push(name));
    supervisor.start('housing');
    last('housing').die(1);
    time.advance(500);
    last('housing').die(1);
    expect(failed).toEqual(['housing']);
  });

  it('counts only the crashes within the window: one crash every 40 s restarts forever', () => {
    const { time, spawned, supervisor, last } = setup();
    supervisor.start('education');
    for (let i = 0; i < 20; i += 1) {
      time.advance(40_000);
      last('education').die(1);
    }
    time.advance(1000);
    expect(spawned.education).toHaveLength(21);
    expect(supervisor.status()[0]!.state).toBe('running');
  });

  it('starts again from 0.5 s after a run of 30 s or more, not after a shorter one', () => {
    const { time, supervisor, last } = setup({ crashLoopRestarts: 100 });
    supervisor.start('enterprise');
    const crash = (upMs: number) => {
      time.advance(upMs);
      last('enterprise').die(1);
      const delay = time.pending()[0]!;
      time.advance(delay);
      return delay;
    };
    expect([crash(0), crash(0), crash(0), crash(29_999), crash(30_000), crash(0)]).toEqual([500, 1000, 2000, 4000, 500, 1000]);
  });

  it('stops every service with SIGTERM and restarts none, even one that was waiting for its restart', async () => {
    const { time, spawned, supervisor, last } = setup();
    supervisor.start('governance');
    supervisor.start('population');
    supervisor.start('gateway');
    last('population').die(1);
    expect(time.pending()).toEqual([500]);
    const governance = last('governance');
    const gateway = last('gateway');
    await supervisor.stop();
    expect(governance.signals).toEqual(['SIGTERM']);
    expect(gateway.signals).toEqual(['SIGTERM']);
    time.advance(60_000);
    expect(spawned.population).toHaveLength(1);
    expect(spawned.governance).toHaveLength(1);
    expect(supervisor.status().map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped']);
    // Nothing starts after stop.
    supervisor.start('health');
    expect(spawned.health).toBeUndefined();
  });

  it('does not restart a service that exits on its own while the others are being stopped', async () => {
    const { time, spawned, supervisor, last } = setup();
    supervisor.start('geospatial');
    const stopped = supervisor.stop();
    last('geospatial').die(1);
    await stopped;
    time.advance(60_000);
    expect(spawned.geospatial).toHaveLength(1);
  });

  it('kills a service that ignores SIGTERM after 10 s, so Ctrl-C always ends', async () => {
    const { time, supervisor, last } = setup({}, false);
    supervisor.start('population');
    let done = false;
    const stopped = supervisor.stop().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    time.advance(9_999);
    expect(last('population').signals).toEqual(['SIGTERM']);
    time.advance(1);
    await stopped;
    expect(last('population').signals).toEqual(['SIGTERM', 'SIGKILL']);
  });
});
