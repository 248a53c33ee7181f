/**
 * Foundation measurements (issue 2), written to stdout as Markdown rows for docs/measurements.md:
 *   npm run bench:foundation                 # SQLite
 *   DATABASE_URL=postgresql://... npm run bench:foundation
 * 1. `npm start` on an empty data folder: time to the first answer through the gateway, and the memory (RSS) of
 *    every process once all services are up (SQLite only: that is what npm start runs).
 * 2. SQL statements per federated request for a page of 100 persons with households, members and residence
 *    regions, per subgraph (in-process servers over real HTTP, so the kit's counters can be read).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import { startPlatform } from '../test/support/platform';

function rssKiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

async function measureStart(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-bench-'));
  const child = spawn(process.execPath, [...process.execArgv, path.join(PROJECT_ROOT, 'scripts', 'start.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ready = await new Promise<{ firstAnswerMs: number }>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error('npm start did not become ready in 120 s')), 120_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (const line of buffer.split('\n')) {
          if (line.includes('"platform ready"')) {
            clearTimeout(timer);
            resolve(JSON.parse(line));
          }
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      });
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 2000));
    const pids = [child.pid!, ...descendants(child.pid!)];
    const total = pids.reduce((sum, pid) => sum + rssKiB(pid), 0);
    const persons = process.env.SEED_PERSONS ?? '20000';
    process.stdout.write(`| npm start, empty data/, ${persons} persons seeded: time to first answer | ${(ready.firstAnswerMs / 1000).toFixed(1)} s |\n`);
    process.stdout.write(`| npm start: resident memory of all ${pids.length} processes with every service up | ${(total / 1024).toFixed(0)} MiB |\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const PAGE = `query($first: Int) { persons(first: $first) { edges { node { id name
  household { id members { relationship person { id } } }
  residence { region { code name } } } } } }`;

async function measureQueries(): Promise<void> {
  const platform = await startPlatform('bench', { rateLimits: false, persons: 5000, seed: 2026 });
  try {
    const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    const police = await platform.as({ sub: 'bench', dept: 'public-security', roles: ['officer'], region: '460000' });
    for (const first of [10, 100, 500]) {
      const warm = await platform.query(PAGE, { first }, police);
      if (warm.errors || warm.data.persons.edges.length !== first) throw new Error(`unexpected answer: ${warm.body.slice(0, 300)}`);
      const counts = await platform.countQueries(() => platform.query(PAGE, { first }, police));
      process.stdout.write(`| SQL statements, page of ${first} persons with households, members, residence regions (${driver}) | population ${counts.population}, geospatial ${counts.geospatial} |\n`);
    }
  } finally {
    await platform.stop();
  }
}

async function main(): Promise<void> {
  process.stdout.write('| measurement | value |\n| --- | --- |\n');
  if (!process.env.DATABASE_URL) await measureStart();
  await measureQueries();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
