/**
 * A NATS server with JetStream of the test's own: Debian's nats-server on a spare port with its store in a temporary
 * folder, killed and started again on the same port and store by the test (never the machine's shared server on
 * 4222). With CI=true a missing nats-server fails the suite; elsewhere its tests are skipped with a note.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes';

export const NATS_SERVER = process.env.NATS_SERVER_BIN || '/usr/sbin/nats-server';

export function natsServerAvailable(): boolean {
  if (fs.existsSync(NATS_SERVER)) return true;
  if (process.env.CI === 'true') throw new Error(`${NATS_SERVER} is missing; CI must not skip the JetStream tests (apt-get install nats-server).`);
  process.stderr.write(`${NATS_SERVER} is missing: skipping the JetStream tests outside CI.\n`);
  return false;
}

export interface TestNats {
  url: string;
  port: number;
  storeDir: string;
  start(): Promise<void>;
  /** SIGKILL: no goodbye to clients, as a crash. */
  kill(): Promise<void>;
  /** Kills the server and removes its store. */
  cleanup(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function testNats(): Promise<TestNats> {
  const port = await freePort();
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-nats-'));
  let child: ChildProcess | null = null;
  const nats: TestNats = {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async start() {
      if (child) return;
      const proc = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      child = proc;
      proc.once('exit', () => {
        if (child === proc) child = null;
      });
      const deadline = Date.now() + 10_000;
      while (!(await listening(port))) {
        if (Date.now() > deadline || !child) throw new Error(`nats-server did not listen on ${port}.`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async kill() {
      const proc = child;
      if (!proc || proc.exitCode !== null) return void (child = null);
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
      child = null;
    },
    async cleanup() {
      await nats.kill();
      fs.rmSync(storeDir, { recursive: true, force: true });
    },
  };
  return nats;
}
