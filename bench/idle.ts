/**
 * CPU of a whole process tree from /proc (utime + stime of every process under a root), for the idle measurement of
 * bench/embedded.ts: the platform as `npm start` runs it (a launcher, its eight subgraphs and the gateway, and any
 * helper they spawn, such as tsx's esbuild service) doing nothing.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, ms. */
  cpuMs: number;
  name: string;
}

/** Parses /proc/<pid>/stat (the command name in parentheses may hold spaces and parentheses). */
export function parseStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    pid: Number(text.slice(0, open).trim()),
    name: text.slice(open + 1, close),
    ppid: Number(fields[1]),
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
  };
}

/** `root` and every process below it. */
export function descendants(root: number, stats: readonly ProcStat[]): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: ProcStat[] = [];
  const self = stats.find((s) => s.pid === root);
  const queue = self ? [self] : [];
  while (queue.length) {
    const s = queue.shift()!;
    out.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      out.push(parseStat(fs.readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** What the process is, for the report: the script and its argument (`start-subgraph.ts population`). */
function label(pid: number, name: string): string {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.findIndex((a) => /\.(ts|js)$/.test(a) && !a.includes('node_modules'));
    if (script >= 0) return [args[script]!.split('/').pop(), ...args.slice(script + 1)].join(' ');
    return args.map((a) => a.split('/').pop()).slice(0, 2).join(' ') || name;
  } catch {
    return name;
  }
}

export interface TreeSnapshot {
  at: number;
  processes: Map<number, { cpuMs: number; label: string }>;
}

export function snapshotTree(root: number): TreeSnapshot {
  const tree = descendants(root, allStats());
  return { at: performance.now(), processes: new Map(tree.map((s) => [s.pid, { cpuMs: s.cpuMs, label: label(s.pid, s.name) }])) };
}

export interface TreeUsage {
  seconds: number;
  cpuMs: number;
  /** CPU over the interval as a percentage of one core. */
  percentOfCore: number;
  processes: { label: string; cpuMs: number }[];
}

/**
 * CPU used between two snapshots of a tree: per process present at the end, its CPU since the first snapshot
 * (since its start when it was not there yet). A process that ended in between is not counted after its last look.
 */
export function usageBetween(before: TreeSnapshot, after: TreeSnapshot): TreeUsage {
  const seconds = (after.at - before.at) / 1000;
  const processes = [...after.processes].map(([pid, p]) => ({ label: p.label, cpuMs: p.cpuMs - (before.processes.get(pid)?.cpuMs ?? 0) }));
  const cpuMs = processes.reduce((a, p) => a + p.cpuMs, 0);
  return { seconds, cpuMs, percentOfCore: seconds > 0 ? (cpuMs / (seconds * 1000)) * 100 : Number.NaN, processes: processes.sort((a, b) => b.cpuMs - a.cpuMs) };
}
