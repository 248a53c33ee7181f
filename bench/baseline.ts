/**
 * BENCH_BASELINE=<git ref>: another commit of this repository, built in a temporary worktree, measured beside
 * today's code in the same run (bench/gateways.ts, bench/embedded.ts).
 *
 *   git worktree add --detach <tmp> <ref>
 *   node_modules: a symlink to ours when the ref's package-lock.json is ours, or holds nothing ours does not hold at
 *                 the same version and integrity (a subset: the ref's code resolves every package it locks to the
 *                 very files it would get from `npm ci`); otherwise `npm ci` there (BENCH_BASELINE_NPM_CI=1 forces it)
 *   npm run build  (its own tsc -p tsconfig.build.json into <tmp>/dist)
 *
 * `remove()` takes the worktree away again (the symlink first, so nothing behind it is touched); call it in a
 * finally, it never throws.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../subgraphs/kit/config';

export interface Baseline {
  ref: string;
  /** The abbreviated commit, for labels: "baseline (4223d09)". */
  short: string;
  commit: string;
  /** The worktree: its dist/, schema/ and scripts/ are the baseline's. */
  root: string;
  /** How its node_modules was made. */
  modules: 'symlink (same lock)' | 'symlink (lock is a subset of ours)' | 'npm ci';
  remove(): Promise<void>;
}

interface LockFile {
  packages?: Record<string, { version?: string; integrity?: string; resolved?: string; link?: boolean }>;
}

/**
 * Whether a worktree whose lock is `theirs` can run on the node_modules installed from `ours`: 'same' when equal,
 * 'subset' when every package of theirs is in ours at the same place, version and integrity, null otherwise.
 */
export function reusableModules(theirs: string, ours: string): 'same' | 'subset' | null {
  if (theirs === ours) return 'same';
  let a: LockFile;
  let b: LockFile;
  try {
    a = JSON.parse(theirs) as LockFile;
    b = JSON.parse(ours) as LockFile;
  } catch {
    return null;
  }
  if (!a.packages || !b.packages) return null;
  for (const [where, pkg] of Object.entries(a.packages)) {
    if (where === '') continue; // the project itself: its own package.json
    const mine = b.packages[where];
    if (!mine || mine.version !== pkg.version || mine.integrity !== pkg.integrity || !!mine.link !== !!pkg.link) return null;
  }
  return 'subset';
}

/** Runs a command to completion, its output on our stderr (unless quiet); resolves to its stdout, rejects on a non-zero exit. */
export function run(command: string, args: readonly string[], cwd: string, options: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: code ${code}, signal ${signal}${options.quiet ? `\n${err.trim()}` : ''}`))));
  });
}

const git = async (args: readonly string[], cwd = PROJECT_ROOT) => (await run('git', args, cwd, { quiet: true })).trim();

export async function prepareBaseline(ref: string, log: (line: string) => void): Promise<Baseline> {
  const commit = await git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const short = await git(['rev-parse', '--short', commit]);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hdg-baseline-${short}-`));
  let added = false;
  const modulesLink = path.join(root, 'node_modules');
  const baseline: Baseline = {
    ref,
    short,
    commit,
    root,
    modules: 'npm ci',
    async remove() {
      try {
        if (fs.lstatSync(modulesLink, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(modulesLink);
        if (added) await git(['worktree', 'remove', '--force', root]);
      } catch (error) {
        log(`baseline: could not remove the worktree ${root}: ${(error as Error).message}`);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
        await git(['worktree', 'prune']).catch(() => undefined);
      }
    },
  };
  try {
    log(`baseline ${ref} (${short}): worktree in ${root}`);
    fs.rmdirSync(root); // git wants to make the directory itself
    await git(['worktree', 'add', '--detach', root, commit]);
    added = true;
    const theirs = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
    const ours = fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8');
    const reuse = process.env.BENCH_BASELINE_NPM_CI === '1' ? null : reusableModules(theirs, ours);
    if (reuse) {
      fs.symlinkSync(fs.realpathSync(path.join(PROJECT_ROOT, 'node_modules')), modulesLink, 'dir');
      baseline.modules = reuse === 'same' ? 'symlink (same lock)' : 'symlink (lock is a subset of ours)';
    } else {
      log(`baseline: its package-lock.json differs from ours: npm ci in ${root}`);
      await run('npm', ['ci', '--no-audit', '--no-fund'], root);
    }
    log(`baseline: node_modules ${baseline.modules}; building (npm run build)`);
    await run('npm', ['run', 'build', '--silent'], root);
    // What npm ci runs after installing (the graph IDE's bundle, which the gateway needs): a symlinked node_modules skips it.
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    if (reuse && scripts.prepare) await run('npm', ['run', 'prepare', '--silent'], root);
    if (!fs.existsSync(path.join(root, 'dist', 'scripts', 'start-subgraph.js')) || !fs.existsSync(path.join(root, 'dist', 'scripts', 'start-gateway.js'))) {
      throw new Error(`baseline ${short}: its build has no dist/scripts/start-subgraph.js or start-gateway.js`);
    }
    return baseline;
  } catch (error) {
    await baseline.remove();
    throw error;
  }
}

/**
 * A database of its own on the server of `url`, for the baseline's governance store: the policy in force is a
 * document each version reads with its own code (a newer version's rules are not an older version's), so the
 * baseline installs and reads its own first policy version, as it did at that commit. Dropped by `drop()`.
 */
export async function scratchDatabase(url: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const { Client } = await import('pg');
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
