/**
 * The report of bench/embedded.ts: the page scenario on the embedded default, today against the baseline (medians
 * of the rounds, today ÷ baseline against the issue's goal of 3× the requests per second, the SQL floor beside the
 * subgraphs' CPU), and the idle CPU of each version's whole platform (goal: at most 1 % of one core).
 */
import type { TreeUsage } from './idle';

export interface EmbeddedRunRow {
  target: string;
  label: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  /** The gateway's CPU per request (the SQL floor: its own process's). */
  cpuMsPerRequest: number;
  /** The version's eight subgraph processes together (none for the SQL floor: NaN). */
  subgraphCpuMsPerRequest: number;
  sqlPerRequest: number;
}

export interface EmbeddedRun {
  runs: EmbeddedRunRow[];
  /** Statements the SQL floor replays per request. */
  statements: number;
  /** Size of the answer. */
  bytes: number;
}

export interface IdleRun {
  version: string;
  readyS: number;
  usage: TreeUsage;
}

export interface EmbeddedInfo {
  date: string;
  node: string;
  cores: number;
  persons: number;
  loadBefore: number[];
  loadAfter: number[];
  rounds: number;
  warmupS: number;
  durationS: number;
  connections: number;
  idleS: number;
  idleSettleS: number;
  args: string;
  baseline: string | null;
}

/** The rps goal of issue 15: today at least this many times the baseline's requests per second. */
export const RPS_GOAL = 3;
/** The idle goal of issue 15: the whole platform at most this percentage of one core. */
export const IDLE_GOAL_PERCENT = 1;

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-');
const load = (l: readonly number[]) => (l.length ? l.map((x) => x.toFixed(2)).join(' / ') : '?');
const ok = (b: boolean) => (b ? 'met' : '**not met**');

export interface EmbeddedSummary {
  target: string;
  label: string;
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  subgraphCpu: number;
  sql: number;
}

export function summariseEmbedded(runs: readonly EmbeddedRunRow[], median: (v: readonly number[]) => number): EmbeddedSummary[] {
  const ids = [...new Set(runs.map((r) => r.target))];
  return ids.map((id) => {
    const of = runs.filter((r) => r.target === id);
    return {
      target: id,
      label: of[0]!.label,
      rps: median(of.map((r) => r.rps)),
      p50: median(of.map((r) => r.p50)),
      p99: median(of.map((r) => r.p99)),
      cpu: median(of.map((r) => r.cpuMsPerRequest)),
      subgraphCpu: median(of.map((r) => r.subgraphCpuMsPerRequest)),
      sql: median(of.map((r) => r.sqlPerRequest)),
    };
  });
}

/** The load table, the comparison with the baseline and the SQL floor line. */
export function loadSection(rows: readonly EmbeddedSummary[], statements: number): string[] {
  const ours = rows.find((r) => r.target === 'ours');
  const base = rows.find((r) => r.target === 'baseline');
  const floor = rows.find((r) => r.target === 'sqlfloor');
  const lines = [
    `| target | req/s | p50 ms | p99 ms | gateway CPU ms/req | subgraphs CPU ms/req |${floor ? ' subgraphs CPU ÷ SQL floor CPU |' : ''} SQL/req |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |${floor ? ' ---: |' : ''} ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.target === 'ours' ? '**ours**' : r.label} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.target === 'sqlfloor' ? `${r.cpu.toFixed(2)} (its own)` : r.cpu.toFixed(2)} | ${fixed(r.subgraphCpu, 2)} |` +
        `${floor ? ` ${ratio(r.subgraphCpu, floor.cpu)} |` : ''} ${r.sql.toFixed(1)} |`,
    ),
    '',
  ];
  if (ours && base) {
    lines.push(
      `Today ÷ ${base.label}: req/s ${ratio(ours.rps, base.rps)} (goal ≥ ${RPS_GOAL}×: ${ok(ours.rps >= RPS_GOAL * base.rps)}), subgraphs CPU ms/req ${ratio(ours.subgraphCpu, base.subgraphCpu)}, ` +
        `gateway CPU ms/req ${ratio(ours.cpu, base.cpu)}, p50 ${ratio(ours.p50, base.p50)}, p99 ${ratio(ours.p99, base.p99)}, SQL/req ${ratio(ours.sql, base.sql)}.`,
      '',
    );
  }
  if (floor) {
    const beside = rows.filter((r) => r.target !== 'sqlfloor').map((r) => `${r.label} ${fixed(r.subgraphCpu, 2)} ms (${ratio(r.subgraphCpu, floor.cpu)})`);
    lines.push(`SQL floor on SQLite: ${statements} statements per request (today's, recorded), ${floor.cpu.toFixed(2)} CPU ms per request in one process; the subgraphs' CPU per request against it: ${beside.join(', ')}.`, '');
  }
  return lines;
}

export function idleSection(idle: readonly IdleRun[], settleS: number): string[] {
  if (!idle.length) return [];
  return [
    `Idle: each version's whole platform as \`npm start\` runs it (launcher, eight subgraphs, gateway, tsx's esbuild service), ready, ${settleS} s to settle, then no request at all; CPU time (utime + stime) of every process of the tree:`,
    '',
    '| version | ready after s | seconds | CPU ms | % of one core | goal ≤ 1 % | busiest processes (CPU ms) |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...idle.map(
      (r) =>
        `| ${r.version} | ${r.readyS.toFixed(0)} | ${r.usage.seconds.toFixed(1)} | ${r.usage.cpuMs.toFixed(0)} | ${r.usage.percentOfCore.toFixed(2)} | ${ok(r.usage.percentOfCore <= IDLE_GOAL_PERCENT)} | ` +
        `${r.usage.processes.slice(0, 4).map((p) => `${p.label.replace(/\|/g, '/')} ${p.cpuMs.toFixed(0)}`).join(', ')} |`,
    ),
    '',
  ];
}

export function embeddedReport(input: { info: EmbeddedInfo; embedded: EmbeddedRun | null; idle: readonly IdleRun[]; median: (v: readonly number[]) => number }): string {
  const { info, embedded, idle } = input;
  const command = `${info.baseline && info.baseline !== '4223d09' ? `BENCH_BASELINE=${info.baseline} ` : ''}npm run bench:embedded${info.args ? ` -- ${info.args}` : ''}`;
  const out = [
    `Run of ${info.date} UTC, Node ${info.node}, ${info.cores} cores shared by every process of the run (and other work on the machine), the embedded default (SQLite) with ` +
      `${info.persons.toLocaleString('en')} persons, the same world in each version's files; load average (1/5/15 min) ${load(info.loadBefore)} before and ${load(info.loadAfter)} after. Command: \`${command}\`.`,
    '',
  ];
  if (embedded) {
    out.push(
      `Page scenario (100 persons of Haikou, fields from all seven domains, housing officer of the province; ${embedded.bytes.toLocaleString('en')} bytes, the same bytes from both versions): ` +
        `${info.rounds} rounds, each target in turn (order rotated every round), ${info.warmupS} s warm-up then ${info.durationS} s timed, autocannon with ${info.connections} connections. Medians of the rounds:`,
      '',
      ...loadSection(summariseEmbedded(embedded.runs, input.median), embedded.statements),
      '<details><summary>Every round</summary>',
      '',
      '| round | target | req/s | p50 ms | p99 ms | gateway CPU ms/req | subgraphs CPU ms/req | SQL/req |',
      '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...embedded.runs.map((r) => `| ${r.round + 1} | ${r.target} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.cpuMsPerRequest.toFixed(2)} | ${fixed(r.subgraphCpuMsPerRequest, 2)} | ${r.sqlPerRequest.toFixed(1)} |`),
      '',
      '</details>',
      '',
    );
  }
  out.push(...idleSection(idle, info.idleSettleS));
  return out.join('\n').trimEnd();
}

/** `body` between `<!-- <name> begin -->` and `<!-- <name> end -->` of `doc` (appended when the markers are missing). */
export function replaceSection(doc: string, name: string, body: string): string {
  const begin = `<!-- ${name} begin -->`;
  const end = `<!-- ${name} end -->`;
  const block = `${begin}\n${body}\n${end}`;
  if (doc.includes(begin) && doc.includes(end)) return doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
