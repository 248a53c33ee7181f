import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as sqlRecord from '../../subgraphs/kit/sql-record';
import { databaseDomain, parseStatements, reviveParams, statementLine } from '../../subgraphs/kit/sql-record';

type SqlRecord = typeof sqlRecord;

describe('SQL statement recording (subgraphs/kit/sql-record.ts)', () => {
  it('writes one JSON line per statement and reads it back with the values the driver got', () => {
    const when = new Date('2026-01-02T03:04:05.678Z');
    const line = statementLine('population', 'select * from "person" where "id" = $1 and "born" < $2', ['P1', when, Buffer.from('ab'), 12n, null, true, 1.5], 1234.5);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    const [statement] = parseStatements(line);
    expect(statement).toEqual({ domain: 'population', sql: 'select * from "person" where "id" = $1 and "born" < $2', params: ['P1', { $date: when.toISOString() }, { $bytes: 'YWI=' }, { $bigint: '12' }, null, true, 1.5], at: 1234.5 });
    expect(reviveParams(statement!.params)).toEqual(['P1', when, Buffer.from('ab'), 12n, null, true, 1.5]);
  });

  it('leaves a line that is still being written (no newline yet) out', () => {
    const text = statementLine('credit', 'select 1', [], 1) + statementLine('credit', 'select 2', [], 2).slice(0, 10);
    expect(parseStatements(text).map((s) => s.sql)).toEqual(['select 1']);
    expect(parseStatements('')).toEqual([]);
  });

  it('keeps plain objects that only look like tags when they have other keys', () => {
    expect(reviveParams([{ $date: 'x', other: 1 }, [1, 2]])).toEqual([{ $date: 'x', other: 1 }, [1, 2]]);
  });

  it('names the domain of a database by its SQLite file or PostgreSQL schema', () => {
    expect(databaseDomain({ driver: 'sqlite', file: '/data/dir/housing.sqlite' })).toBe('housing');
    expect(databaseDomain({ driver: 'postgresql', url: 'postgresql://x/y', schema: 'health' }, '')).toBe('health');
    expect(databaseDomain({ driver: 'postgresql', url: 'postgresql://x/y', schema: 't1_health' }, 't1_')).toBe('health');
  });

  it('appends to SQL_RECORD_FILE only when it is set, read once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sql-record-'));
    const file = path.join(dir, 'statements.jsonl');
    const before = process.env.SQL_RECORD_FILE;
    try {
      jest.isolateModules(() => {
        delete process.env.SQL_RECORD_FILE;
        const off = jest.requireActual<SqlRecord>('../../subgraphs/kit/sql-record');
        off.recordStatement('population', 'select 1', []);
        expect(off.sqlRecording).toBe(false);
      });
      expect(fs.existsSync(file)).toBe(false);
      jest.isolateModules(() => {
        process.env.SQL_RECORD_FILE = file;
        const on = jest.requireActual<SqlRecord>('../../subgraphs/kit/sql-record');
        expect(on.sqlRecording).toBe(true);
        on.recordStatement('population', 'select 1', []);
        on.recordStatement('housing', 'select ?', [2]);
      });
      const statements = parseStatements(fs.readFileSync(file, 'utf8'));
      expect(statements.map((s) => [s.domain, s.sql, s.params])).toEqual([['population', 'select 1', []], ['housing', 'select ?', [2]]]);
      expect(statements[1]!.at).toBeGreaterThanOrEqual(statements[0]!.at);
    } finally {
      if (before === undefined) delete process.env.SQL_RECORD_FILE;
      else process.env.SQL_RECORD_FILE = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
