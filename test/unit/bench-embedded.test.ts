import { embeddedReport, idleSection, loadSection, replaceSection, summariseEmbedded, type EmbeddedRunRow } from '../../bench/embedded-report';
import { descendants, parseStat, usageBetween, type ProcStat, type TreeSnapshot } from '../../bench/idle';

const median = (v: readonly number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)]!;

describe('idle CPU of a process tree (bench/idle.ts)', () => {
  it('reads utime + stime and the parent from /proc/<pid>/stat, whatever the command name holds', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const stat = parseStat('4242 (node (a) b) S 4200 4242 4242 0 -1 4194560 100 0 0 0 250 30 0 0 20 0 11 0 123 456 789');
    expect(stat).toEqual({ pid: 4242, name: 'node (a) b', ppid: 4200, cpuMs: 2800 });
  });

  it('takes the root and every process below it, and nothing else', () => {
    const p = (pid: number, ppid: number): ProcStat => ({ pid, ppid, cpuMs: 0, name: String(pid) });
    const all = [p(1, 0), p(10, 1), p(11, 10), p(12, 10), p(13, 11), p(20, 1), p(21, 20)];
    expect(descendants(10, all).map((s) => s.pid).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(99, all)).toEqual([]);
  });

  it('counts each process from the first look (a new one from its start) as a percentage of one core', () => {
    const snap = (at: number, entries: [number, number][]): TreeSnapshot => ({ at, processes: new Map(entries.map(([pid, cpuMs]) => [pid, { cpuMs, label: `p${pid}` }])) });
    const usage = usageBetween(snap(0, [[1, 1000], [2, 500], [3, 50]]), snap(10_000, [[1, 1030], [2, 560], [4, 10]]));
    expect(usage.seconds).toBe(10);
    expect(usage.cpuMs).toBe(100);
    expect(usage.percentOfCore).toBeCloseTo(1);
    expect(usage.processes.map((x) => x.label)).toEqual(['p2', 'p1', 'p4']);
  });
});

describe('bench:embedded report', () => {
  const row = (target: string, label: string, round: number, values: Partial<EmbeddedRunRow>): EmbeddedRunRow => ({ target, label, round, rps: 10, p50: 100, p99: 200, cpuMsPerRequest: 5, subgraphCpuMsPerRequest: 50, sqlPerRequest: 9, ...values });
  const runs = [
    row('ours', 'ours', 0, { rps: 60, subgraphCpuMsPerRequest: 12 }),
    row('ours', 'ours', 1, { rps: 66, subgraphCpuMsPerRequest: 10 }),
    row('ours', 'ours', 2, { rps: 30, subgraphCpuMsPerRequest: 20 }),
    row('baseline', 'baseline (4223d09)', 0, { rps: 20, subgraphCpuMsPerRequest: 40 }),
    row('baseline', 'baseline (4223d09)', 1, { rps: 18, subgraphCpuMsPerRequest: 44 }),
    row('baseline', 'baseline (4223d09)', 2, { rps: 22, subgraphCpuMsPerRequest: 42 }),
    row('sqlfloor', 'SQL floor (SQLite)', 0, { rps: 300, cpuMsPerRequest: 2, subgraphCpuMsPerRequest: Number.NaN, sqlPerRequest: 9 }),
  ];

  it('takes medians per target and checks today ÷ baseline against 3×', () => {
    const rows = summariseEmbedded(runs, median);
    expect(rows.map((r) => [r.target, r.rps, r.subgraphCpu])).toEqual([['ours', 60, 12], ['baseline', 20, 42], ['sqlfloor', 300, Number.NaN]]);
    const lines = loadSection(rows, 9);
    expect(lines.find((l) => l.startsWith('Today ÷'))).toBe('Today ÷ baseline (4223d09): req/s 3.00× (goal ≥ 3×: met), subgraphs CPU ms/req 0.29×, gateway CPU ms/req 1.00×, p50 1.00×, p99 1.00×, SQL/req 1.00×.');
    expect(lines.find((l) => l.startsWith('| **ours**'))).toBe('| **ours** | 60.0 | 100 | 200 | 5.00 | 12.00 | 6.00× | 9.0 |');
    expect(lines.find((l) => l.startsWith('| SQL floor'))).toBe('| SQL floor (SQLite) | 300.0 | 100 | 200 | 2.00 (its own) | - | - | 9.0 |');
    expect(lines.find((l) => l.startsWith('SQL floor on SQLite'))).toContain('ours 12.00 ms (6.00×), baseline (4223d09) 42.00 ms (21.00×)');
    const slower = loadSection(summariseEmbedded([row('ours', 'ours', 0, { rps: 20 }), row('baseline', 'b', 0, { rps: 10 })], median), 0);
    expect(slower.find((l) => l.startsWith('Today ÷'))).toContain('req/s 2.00× (goal ≥ 3×: **not met**)');
  });

  it('reports idle CPU against 1 % of one core', () => {
    const usage = (cpuMs: number) => ({ seconds: 60, cpuMs, percentOfCore: cpuMs / 600, processes: [{ label: 'start-subgraph.ts population', cpuMs }] });
    const lines = idleSection([{ version: 'ours', readyS: 12, usage: usage(300) }, { version: 'baseline (4223d09)', readyS: 14, usage: usage(13_200) }], 10);
    expect(lines[4]).toBe('| ours | 12 | 60.0 | 300 | 0.50 | met | start-subgraph.ts population 300 |');
    expect(lines[5]).toContain('| 22.00 | **not met** |');
    expect(idleSection([], 10)).toEqual([]);
  });

  it('writes its section between markers, and appends them the first time', () => {
    expect(replaceSection('# B\n\nintro\n', 'bench:embedded results', 'X')).toBe('# B\n\nintro\n\n<!-- bench:embedded results begin -->\nX\n<!-- bench:embedded results end -->\n');
    const doc = 'a\n<!-- bench:embedded results begin -->\nold\n<!-- bench:embedded results end -->\nb';
    expect(replaceSection(doc, 'bench:embedded results', 'new')).toBe('a\n<!-- bench:embedded results begin -->\nnew\n<!-- bench:embedded results end -->\nb');
    const info = { date: 'd', node: 'v20', cores: 2, persons: 20000, loadBefore: [1, 2, 3], loadAfter: [1, 2, 3], rounds: 3, warmupS: 3, durationS: 10, connections: 8, idleS: 60, idleSettleS: 10, args: '', baseline: '4223d09' };
    const report = embeddedReport({ info, embedded: { runs, statements: 9, bytes: 29_476 }, idle: [], median });
    expect(report).toContain('Command: `npm run bench:embedded`.');
    expect(report).toContain('29,476 bytes, the same bytes from both versions');
  });
});
