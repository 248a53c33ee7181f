import { baselineComparison, fixed, sqlFloorLine, table, type Summary } from '../../bench/gateways/report';
import { requestStatements, describePlan } from '../../bench/gateways/sql-plan';
import { reusableModules } from '../../bench/baseline';
import { TARGETS, type TargetSpec } from '../../bench/gateways/targets';
import { statementLine } from '../../subgraphs/kit/sql-record';

const spec = (id: string, extra: Partial<TargetSpec> = {}): TargetSpec => ({ ...TARGETS.find((t) => t.id === id)!, ...extra });
const row = (target: TargetSpec, values: Partial<Summary>): Summary => ({ target, rps: 100, p50: 10, p99: 50, cpu: 2, subgraphCpu: 10, peak: 100, sql: 9, ...values });

describe('gateway benchmark report: SQL floor and baseline columns', () => {
  const ours = row(spec('ours'), { rps: 120, p99: 40, cpu: 2, subgraphCpu: 8, sql: 9 });
  const base = row(spec('baseline', { label: 'baseline (4223d09)' }), { rps: 40, p99: 120, cpu: 3, subgraphCpu: 32, sql: 18 });
  const floor = row(spec('sqlfloor'), { rps: 900, cpu: 0.5, subgraphCpu: Number.NaN, sql: 9 });

  it('puts each target’s subgraphs CPU against the SQL floor’s CPU', () => {
    const lines = table([ours, base, floor]);
    expect(lines[0]).toContain('subgraphs CPU ÷ SQL floor CPU');
    expect(lines[2]).toMatch(/^\| \*\*ours\*\* \| 120 \| - \| 10 \| 40 \| 2\.00 \| 8\.00 \| 16\.00× \| 100 \| 9\.0 \|$/);
    expect(lines[3]).toContain('| 32.00 | 64.00× |');
    // The SQL floor has no subgraphs.
    expect(lines[4]).toMatch(/^\| SQL floor \| 900 \| - \| 10 \| 50 \| 0\.50 \| - \| - \| 100 \| 9\.0 \|$/);
    expect(lines.every((l) => l.split('|').length === lines[0]!.split('|').length)).toBe(true);
    expect(sqlFloorLine([ours, base, floor])).toBe(
      'SQL floor: 9 statements per request replayed by one process, 0.50 CPU ms per request; the subgraphs\' CPU per request against it: ours 8.00 ms (16.00×), baseline (4223d09) 32.00 ms (64.00×).',
    );
  });

  it('leaves the column and the line out without a SQL floor', () => {
    expect(table([ours])[0]).not.toContain('SQL floor');
    expect(sqlFloorLine([ours])).toBe('');
    expect(fixed(Number.NaN, 2)).toBe('-');
  });

  it('compares ours with the baseline: ours ÷ baseline of req/s, subgraphs CPU, p99, SQL/req', () => {
    const lines = baselineComparison([ours, base, floor]);
    expect(lines[0]).toContain('baseline (4223d09)');
    expect(lines.find((l) => l.startsWith('| ours ÷ baseline'))).toBe('| ours ÷ baseline | 3.00× | 0.25× | 0.33× | 0.50× | 0.67× |');
    expect(baselineComparison([ours, floor])).toEqual([]);
  });
});

describe('SQL floor recording: the statements of one request', () => {
  it('keeps data statements in the order sent, without the policy watch, writes apart, and a cut line out', () => {
    const text =
      statementLine('housing', 'select * from "housing"."property" where owner in (?)', ['P1'], 30) +
      statementLine('governance', 'select "p0".* from "governance"."policy_state" as "p0" where "p0"."id" = 1 limit 1', [], 20) +
      statementLine('population', 'select * from "population"."person" limit 100', [], 10) +
      statementLine('health', 'delete from "health"."stat_health_1"', [], 35) +
      statementLine('credit', 'select 1', [], 40).slice(0, 12);
    const { reads: statements, writes } = requestStatements(text);
    expect(writes).toEqual([{ domain: 'health', sql: 'delete from "health"."stat_health_1"', params: [] }]);
    expect(statements).toEqual([
      { domain: 'population', sql: 'select * from "population"."person" limit 100', params: [] },
      { domain: 'housing', sql: 'select * from "housing"."property" where owner in (?)', params: ['P1'] },
    ]);
    expect(describePlan(statements)).toBe('population 1, housing 1');
  });
});

describe('BENCH_BASELINE: reusing node_modules', () => {
  const lock = (packages: Record<string, { version: string; integrity?: string }>) => JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...packages } });
  it('reuses ours when the lock is the same or a subset at the same versions', () => {
    const ours = lock({ 'node_modules/a': { version: '1.0.0', integrity: 'sha-a' }, 'node_modules/b': { version: '2.0.0', integrity: 'sha-b' } });
    expect(reusableModules(ours, ours)).toBe('same');
    expect(reusableModules(lock({ 'node_modules/a': { version: '1.0.0', integrity: 'sha-a' } }), ours)).toBe('subset');
    expect(reusableModules(lock({ 'node_modules/a': { version: '1.0.1', integrity: 'sha-a2' } }), ours)).toBeNull();
    expect(reusableModules(lock({ 'node_modules/c': { version: '1.0.0' } }), ours)).toBeNull();
    expect(reusableModules('not json', ours)).toBeNull();
  });
});
