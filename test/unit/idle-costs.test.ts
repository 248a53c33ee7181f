/**
 * What a service does while nobody asks it anything: nothing that wakes it up many times a second. The event
 * loop's delay is sampled only while requests are in flight (metrics.ts); prom-client's own histogram, which sampled
 * every 10 ms for the process's life, is never started.
 */
import { eventLoopBusy, registry } from '../../subgraphs/kit/metrics';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Busy-waits: the event loop is blocked for that long. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // blocking on purpose
  }
}

async function gauge(name: string): Promise<number> {
  const line = (await registry.metrics()).split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} is not exported`);
  return Number(line.split(' ')[1]);
}

describe('the event-loop delay metrics', () => {
  it("export prom-client's names, each once", async () => {
    const text = await registry.metrics();
    for (const suffix of ['', '_min', '_max', '_mean', '_stddev', '_p50', '_p90', '_p99']) {
      expect(text.split('\n').filter((l) => l.startsWith(`# TYPE nodejs_eventloop_lag${suffix}_seconds `))).toHaveLength(1);
    }
  });

  it('record the delay while a request is in flight, and nothing while none is', async () => {
    await registry.metrics(); // starts a new period
    block(60);
    await sleep(30);
    expect(await gauge('nodejs_eventloop_lag_max_seconds')).toBe(0);

    const ended = eventLoopBusy();
    await sleep(30);
    block(60);
    await sleep(30);
    ended();
    expect(await gauge('nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(0.04);

    block(60);
    await sleep(30);
    expect(await gauge('nodejs_eventloop_lag_max_seconds')).toBe(0);
  });

  it('keeps sampling until the last of overlapping requests ended', async () => {
    await registry.metrics();
    const first = eventLoopBusy();
    const second = eventLoopBusy();
    first();
    first(); // ending twice counts once
    await sleep(30);
    block(60);
    await sleep(30);
    second();
    expect(await gauge('nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(0.04);
  });
});
