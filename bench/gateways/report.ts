/**
 * The gateway benchmark's report: Markdown tables (median of the rounds per target and scenario, ratios to plain
 * @apollo/gateway, the issue's goals checked in the same run) written into docs/benchmarks.md between markers, and a
 * chart of throughput and p99 per target (SVG, and PNG through Debian's chromium when it is there).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';
import { svgToPng, throughputChart } from './chart';
import type { Scenario } from './scenarios';
import type { TargetSpec } from './targets';

export interface RunInfo {
  date: string;
  node: string;
  cores: number;
  loadBefore: number[];
  loadAfter?: number[];
  persons: number;
  enterprises: number;
  rounds: number;
  warmupS: number;
  durationS: number;
  connections: number;
  args: string;
}

export interface Measurement {
  scenario: string;
  target: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  /** CPU ms per request of all subgraph processes together: the work every target shares. */
  subgraphCpuMsPerRequest: number;
  peakMiB: number;
  sqlPerRequest: number;
}

/** A peer that could not serve the supergraph (no scenario) or could not answer one scenario. */
export interface Unavailable {
  target: TargetSpec;
  scenario?: string;
  reason: string;
}

export interface MemoryRun {
  target: string;
  requests: number;
  processes: { name: string; first: number; last: number }[];
}

export interface Summary {
  target: TargetSpec;
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  subgraphCpu: number;
  peak: number;
  sql: number;
}

const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
const CHART_BASE = path.join(PROJECT_ROOT, 'docs', 'benchmarks-gateways');
/** Memory is "flat" when the last 10 s average at most this much above the first 10 s. */
const FLAT_TOLERANCE = 0.1;

const load = (l: number[] | undefined) => (l ? l.map((x) => x.toFixed(2)).join(' / ') : '?');

export function summarise(measurements: readonly Measurement[], scenario: string, targets: readonly TargetSpec[], median: (v: readonly number[]) => number): Summary[] {
  return targets.flatMap((target) => {
    const runs = measurements.filter((m) => m.scenario === scenario && m.target === target.id);
    if (!runs.length) return [];
    return [{
      target,
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      cpu: median(runs.map((r) => r.cpuMsPerRequest)),
      subgraphCpu: median(runs.map((r) => r.subgraphCpuMsPerRequest ?? Number.NaN)),
      peak: Math.max(...runs.map((r) => r.peakMiB)),
      sql: median(runs.map((r) => r.sqlPerRequest)),
    }];
  });
}

function goals(rows: readonly Summary[]): string {
  const of = (id: string) => rows.find((r) => r.target.id === id);
  const ours = of('ours');
  const apollo = of('apollo');
  const rust = of('hive-rust');
  if (!ours || !apollo) return '';
  const ok = (b: boolean) => (b ? 'met' : '**not met**');
  return (
    `Goals (dedupe off everywhere): ` +
    (rust ? `CPU per request ${ours.cpu.toFixed(2)} ms vs Hive + Rust planner ${rust.cpu.toFixed(2)} ms: ${ok(ours.cpu <= rust.cpu)}; ` : 'CPU per request against Hive + Rust planner: not measured in this scenario; ') +
    `throughput ${(ours.rps / apollo.rps).toFixed(2)}× @apollo/gateway (goal ≥ 1.12×): ${ok(ours.rps >= 1.12 * apollo.rps)}; ` +
    `p99 ${ours.p99} ms vs ${apollo.p99} ms: ${ok(ours.p99 <= apollo.p99)}.`
  );
}

/** A number with `digits` decimals, or '-' when there is none (the SQL floor has no subgraphs). */
export const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-');

/**
 * The median rows of one scenario. With the SQL floor among them, a column puts every target's subgraphs' CPU per
 * request against the SQL floor's own CPU per request (how many times the least work the subgraphs spend).
 */
export function table(rows: readonly Summary[]): string[] {
  const apollo = rows.find((r) => r.target.id === 'apollo');
  const floor = rows.find((r) => r.target.sqlFloor);
  return [
    `| target | req/s | × @apollo/gateway | p50 ms | p99 ms | CPU ms/req | subgraphs CPU ms/req |${floor ? ' subgraphs CPU ÷ SQL floor CPU |' : ''} peak MiB | SQL/req |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |${floor ? ' ---: |' : ''} ---: | ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.target.id === 'ours' ? '**ours**' : r.target.label} | ${r.rps.toFixed(0)} | ${apollo ? (r.rps / apollo.rps).toFixed(2) : '-'} | ${r.p50} | ${r.p99} | ${r.cpu.toFixed(2)} | ${fixed(r.subgraphCpu, 2)} |` +
        `${floor ? ` ${ratio(r.subgraphCpu, floor.cpu)} |` : ''} ${r.peak.toFixed(0)} | ${r.sql.toFixed(1)} |`,
    ),
  ];
}

/** Under the table: the subgraphs' CPU per request beside the SQL floor's, for ours and the baseline. */
export function sqlFloorLine(rows: readonly Summary[]): string {
  const floor = rows.find((r) => r.target.sqlFloor);
  if (!floor) return '';
  const beside = rows
    .filter((r) => r.target.id === 'ours' || r.target.baseline)
    .map((r) => `${r.target.label} ${r.subgraphCpu.toFixed(2)} ms (${ratio(r.subgraphCpu, floor.cpu)})`);
  return (
    `SQL floor: ${floor.sql.toFixed(0)} statements per request replayed by one process, ${floor.cpu.toFixed(2)} CPU ms per request` +
    (beside.length ? `; the subgraphs' CPU per request against it: ${beside.join(', ')}.` : '.')
  );
}

/** Ours against BENCH_BASELINE's version: the figures side by side and ours ÷ baseline. */
export function baselineComparison(rows: readonly Summary[]): string[] {
  const ours = rows.find((r) => r.target.id === 'ours');
  const base = rows.find((r) => r.target.baseline);
  if (!ours || !base) return [];
  return [
    `Today against ${base.target.label} (same run, same database, its own subgraphs and gateway; answers byte for byte the same):`,
    '',
    '| | req/s | subgraphs CPU ms/req | p99 ms | SQL/req | gateway CPU ms/req |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| ours | ${ours.rps.toFixed(0)} | ${fixed(ours.subgraphCpu, 2)} | ${ours.p99} | ${ours.sql.toFixed(1)} | ${ours.cpu.toFixed(2)} |`,
    `| ${base.target.label} | ${base.rps.toFixed(0)} | ${fixed(base.subgraphCpu, 2)} | ${base.p99} | ${base.sql.toFixed(1)} | ${base.cpu.toFixed(2)} |`,
    `| ours ÷ baseline | ${ratio(ours.rps, base.rps)} | ${ratio(ours.subgraphCpu, base.subgraphCpu)} | ${ratio(ours.p99, base.p99)} | ${ratio(ours.sql, base.sql)} | ${ratio(ours.cpu, base.cpu)} |`,
    '',
  ];
}

function replaceSection(doc: string, name: string, body: string): string {
  const begin = `<!-- bench:gateways ${name} begin -->`;
  const end = `<!-- bench:gateways ${name} end -->`;
  const block = `${begin}\n${body}\n${end}`;
  if (doc.includes(begin) && doc.includes(end)) return doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

function runLine(info: RunInfo): string {
  return (
    `Run of ${info.date} UTC, Node ${info.node}, ${info.cores} cores shared by every process of the run (and other work on the machine), ` +
    `${info.persons.toLocaleString('en')} persons and ${info.enterprises.toLocaleString('en')} enterprises on PostgreSQL; load average (1/5/15 min) ` +
    `${load(info.loadBefore)} before the timed runs and ${load(info.loadAfter)} after. Command: \`npm run bench${info.args ? ` -- ${info.args}` : ''}\``
  );
}

const notMeasured = (u: Unavailable, what: string) => `Not measured: **${u.target.label}** ${what}: \`${u.reason.replace(/`/g, "'").slice(0, 300)}\`.`;

export function writeReport(input: {
  info: RunInfo;
  scenarios: readonly Scenario[];
  measurements?: readonly Measurement[];
  targets?: readonly TargetSpec[];
  median?: (v: readonly number[]) => number;
  memory?: readonly MemoryRun[];
  unavailable?: readonly Unavailable[];
}): void {
  const { info } = input;
  const noDoc = process.env.BENCH_NO_DOC === '1';
  let doc = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : '# Gateway benchmarks\n';
  let out: string;
  if (input.memory) {
    out = [
      runLine(info) + '.',
      '',
      `Each target under ${info.connections} connections of the \`${input.scenarios[0]!.name}\` scenario, after a warm-up under the same load (\`BENCH_MEMORY_WARMUP_S\`, default 60 s); resident memory (MiB) of the target and of every subgraph, averaged over the first and the last 10 s of the ${info.durationS} s that follow; flat = the last at most ${FLAT_TOLERANCE * 100} % above the first:`,
      '',
      '| target | requests | process | first 10 s | last 10 s | change | flat |',
      '| --- | ---: | --- | ---: | ---: | ---: | --- |',
      ...input.memory.flatMap((run) =>
        run.processes.map((p, i) => `| ${i === 0 ? run.target : ''} | ${i === 0 ? run.requests : ''} | ${p.name} | ${p.first.toFixed(0)} | ${p.last.toFixed(0)} | ${(((p.last - p.first) / p.first) * 100).toFixed(1)} % | ${p.last <= p.first * (1 + FLAT_TOLERANCE) ? 'yes' : '**no**'} |`),
      ),
    ].join('\n');
    doc = replaceSection(doc, 'memory', out);
  } else {
    const { measurements = [], targets = [], median = (v) => v[0]! } = input;
    const perScenario = input.scenarios.map((s) => ({ scenario: s, rows: summarise(measurements, s.name, targets, median) }));
    const chart = throughputChart(perScenario.map(({ scenario, rows }) => ({ name: scenario.name, rows: rows.map((r) => ({ label: r.target.label, rps: r.rps, p99: r.p99, ours: r.target.id.startsWith('ours'), reference: r.target.dedupe || !!r.target.floor })) })));
    let image = 'benchmarks-gateways.svg';
    if (!noDoc) {
      fs.writeFileSync(`${CHART_BASE}.svg`, chart.svg);
      if (svgToPng(`${CHART_BASE}.svg`, `${CHART_BASE}.png`, chart.width, chart.height)) image = 'benchmarks-gateways.png';
    }
    out = [
      runLine(info) +
        `; ${info.rounds} rounds, each target in turn (order rotated every round), ${info.warmupS} s warm-up then ${info.durationS} s timed, autocannon with ${info.connections} connections on loopback. Medians of the rounds; peak memory is the largest.`,
      '',
      `![Throughput and p99 per target and scenario](${image})`,
      '',
      ...(input.unavailable ?? []).filter((u) => !u.scenario).flatMap((u) => [notMeasured(u, 'could not serve the supergraph'), '']),
      ...perScenario.flatMap(({ scenario, rows }) => [
        `### ${scenario.name}: ${scenario.title}`,
        '',
        ...table(rows),
        '',
        ...(sqlFloorLine(rows) ? [sqlFloorLine(rows), ''] : []),
        ...baselineComparison(rows),
        ...(input.unavailable ?? []).filter((u) => u.scenario === scenario.name).flatMap((u) => [notMeasured(u, 'could not answer'), '']),
        goals(rows),
        '',
      ]),
      '<details><summary>Every round</summary>',
      '',
      '| scenario | round | target | req/s | p50 ms | p99 ms | CPU ms/req | subgraphs CPU ms/req | peak MiB | SQL/req |',
      '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...measurements.map((m) => `| ${m.scenario} | ${m.round + 1} | ${m.target} | ${m.rps.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.cpuMsPerRequest.toFixed(2)} | ${fixed(m.subgraphCpuMsPerRequest, 2)} | ${m.peakMiB.toFixed(0)} | ${m.sqlPerRequest.toFixed(1)} |`),
      '',
      '</details>',
    ].join('\n');
    doc = replaceSection(doc, 'results', out);
  }
  process.stdout.write(`${out}\n`);
  if (!noDoc) fs.writeFileSync(DOC_FILE, doc);
}
