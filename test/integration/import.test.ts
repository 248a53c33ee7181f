/** Bulk import: validation with line numbers, batches all or nothing, re-runs change nothing, a killed import completes on re-run. */
import { domainEntities } from '../../subgraphs/kit/server';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile, type DomainImporter } from '../../subgraphs/kit/import';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { seedDomains } from '../../subgraphs/kit/seed';
import { verifyChain } from '../../subgraphs/kit/audit/chain';
import { AuditChain, AuditRecord } from '../../subgraphs/kit/audit/records';
import { population } from '../../subgraphs/population';
import { Household, Person } from '../../subgraphs/population/entities';
import { importer } from '../../subgraphs/population/import';
import { makeIdNumber } from '../../subgraphs/kit/world/id-number';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';
import { testDatabases } from '../support/database';
import { gbk } from '../support/gbk';

const HEADER = 'idNumber,name,gender,birthDate,ethnicityCode,householdId,relationshipToHead,phone';

/** Newborns of 2025 in region 460106 (not produced by the seeded world's own sequence for that region and day). */
function rows(households: string[], count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const day = `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((Math.floor(n / 12) % 28) + 1).padStart(2, '0')}`;
    const seq = 901 + 2 * (Math.floor(n / 336) % 49);
    return `${makeIdNumber('460106', day, seq)},王${'一二三四五六七八九十'[n % 10]}明,MALE,${day},01,${households[n % households.length]},CHILD,138${String(10000000 + n).slice(-8)}`;
  });
}

/** Who runs the imports of this suite, as the audit trail records it. */
const OPERATOR = { writer: 'population', operator: { sub: 'import-operator-1', dept: 'public-security' } };

function setup() {
  const databases = testDatabases('import');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-import-'));
  let db: Database;
  return {
    dir,
    async open() {
      db = await openDatabase(databases.configFor('population'), domainEntities(population));
      await seedDomains([{ definition: population, db }], { persons: 120, seed: 3 });
      const households = (await db.orm.em.fork().find(Household, {}, { limit: 10, disableIdentityMap: true })).map((h) => h.id);
      return { db, households, config: databases.configFor('population') };
    },
    count: () => db.orm.em.fork().count(Person, {}),
    async teardown() {
      await db?.close();
      await databases.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe(importFile.name, () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('imports valid rows, reports each bad one with its line number and reason, and changes nothing on a re-run', async () => {
    const { db, households } = await env.open();
    const good = rows(households, 40);
    const badCheck = good[0]!.replace(/^(\d{17})./, (_, d) => `${d}${d.endsWith('0') ? '1' : '0'}`);
    const lines = [
      HEADER,
      ...good,
      badCheck, // line 42
      good[1]!.replace(',MALE,', ',FEMALE,'), // line 43: gender against the ID number
      good[2]!.replace(households[2 % households.length]!, 'HNOSUCH01'), // line 44: unknown household
      'too,few,fields', // line 45
      good[39]!, // line 46: repeats line 41, in the same batch
      good[3]!, // line 47: repeats line 5, imported by an earlier batch: already there
    ];
    const file = path.join(env.dir, 'persons.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const before = await env.count();
    const report = await importFile(db, importer, file, { batchSize: 16, audit: OPERATOR });
    expect(report).toMatchObject({ lines: 46, imported: 40, skipped: 1, rejected: 5 });
    expect(await env.count()).toBe(before + 40);
    const rejected = fs.readFileSync(report.reportFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejected.map((r) => r.line).sort()).toEqual([42, 43, 44, 45, 46]);
    expect(rejected.find((r) => r.line === 42).errors[0]).toMatch(/check digit/);
    expect(rejected.find((r) => r.line === 43).errors[0]).toMatch(/^gender/);
    expect(rejected.find((r) => r.line === 44).errors[0]).toMatch(/HNOSUCH01/);
    expect(rejected.find((r) => r.line === 46).errors[0]).toMatch(/earlier in the file/);

    const again = await importFile(db, importer, file, { batchSize: 16, audit: OPERATOR });
    expect(again).toMatchObject({ imported: 0, skipped: 41, rejected: 5 });
    expect(await env.count()).toBe(before + 40);
  });

  it('reads quoted fields and records over several lines (BOM, CRLF) with the right line numbers, and GBK files given their encoding', async () => {
    const { db, households } = await env.open();
    const [a, b, c, d, e, f] = rows(households, 6).map((r) => r.replace(/,王.明,/, ',王明,'));
    const quoted = (row: string) => row.split(',').map((v) => `"${v}"`).join(',');
    const lines = [
      HEADER,
      quoted(a!), // 2
      b!.replace(',王明,', ',"王\n明",'), // 3-4: the name holds a line break, so is no name
      'too,few,fields', // 5
      c!, // 6
      `${d!.split(',').slice(0, 7).join(',')},"138`, // 7: a quote never closed, to the end of the file
      '0000', // 8
    ];
    const file = path.join(env.dir, 'persons-crlf.csv');
    fs.writeFileSync(file, `\uFEFF${lines.join('\n').replace(/\n/g, '\r\n')}\r\n`);
    const before = await env.count();
    const report = await importFile(db, importer, file, { audit: OPERATOR });
    expect(report).toMatchObject({ lines: 5, imported: 2, rejected: 3 });
    const rejected = fs.readFileSync(report.reportFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; errors: string[] });
    expect(rejected.map((r) => [r.line, r.errors[0]])).toEqual([
      [3, expect.stringMatching(/^name:/)],
      [5, expect.stringMatching(/^The line has 3 fields but the header has 8/)],
      [7, expect.stringMatching(/starting on line 7 is never closed/)],
    ]);
    const id = (row: string) => row.split(',')[0]!;
    const names = async (rowsOf: string[]) => (await db.orm.em.fork().find(Person, { idNumber: { $in: rowsOf.map(id) } }, { disableIdentityMap: true })).map((p) => p.name);
    expect(await names([a!, c!])).toEqual(['王明', '王明']);

    // A GBK export: refused as UTF-8 with the way out named, nothing written; read with its encoding.
    const gbkFile = path.join(env.dir, 'persons-gbk.csv');
    fs.writeFileSync(gbkFile, gbk(`${[HEADER, e!, quoted(f!)].join('\r\n')}\r\n`));
    await expect(importFile(db, importer, gbkFile, { audit: OPERATOR })).rejects.toThrow(/line 2, byte offset \d+: the bytes 0xCD 0xF5 .*not valid UTF-8\. The file reads as GBK\/GB18030.*--encoding gb18030/);
    expect(await env.count()).toBe(before + 2);
    expect(await importFile(db, importer, gbkFile, { audit: OPERATOR, encoding: 'gbk' })).toMatchObject({ lines: 2, imported: 2, rejected: 0 });
    expect(await names([e!, f!])).toEqual(['王明', '王明']);
  });

  it('writes an audit record with every batch, naming the operator, the file and the rows, and the chain verifies', async () => {
    const { db, households } = await env.open();
    const file = path.join(env.dir, 'audited.csv');
    const good = rows(households, 30);
    fs.writeFileSync(file, `${[HEADER, ...good].join('\n')}\n`);
    const report = await importFile(db, importer, file, { batchSize: 16, audit: OPERATOR });
    expect(report.imported).toBe(30);
    const em = db.orm.em.fork();
    const records = await em.find(AuditRecord, { writer: 'population', operationName: 'import person' }, { orderBy: { seq: 'asc' } });
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.sub)).toEqual(['import-operator-1', 'import-operator-1']);
    expect(records[0]).toMatchObject({ kind: 'write', dept: 'public-security', purpose: 'bulk import of audited.csv' });
    const keys = records.flatMap((r) => JSON.parse(r.recordKeys) as string[]);
    expect(keys).toHaveLength(30);
    expect(JSON.parse(records[0]!.fields)).toEqual(expect.arrayContaining([['Person.idNumber', 'WRITTEN', 16]]));
    expect((await verifyChain(em, 'population')).ok).toBe(true);
  });

  it('writes no row of a batch whose audit record cannot be written', async () => {
    const { db, households } = await env.open();
    const file = path.join(env.dir, 'unaudited.csv');
    fs.writeFileSync(file, `${[HEADER, ...rows(households, 10)].join('\n')}\n`);
    const before = await env.count();
    // The chain's head goes missing inside the batch's transaction, after its rows are in: the audit append fails,
    // and the batch must roll back with it.
    const breaking: DomainImporter = {
      ...importer,
      async afterInsert(inserted, em) {
        await importer.afterInsert?.(inserted as never, em);
        await em.nativeDelete(AuditChain, { writer: 'population' });
      },
    };
    await expect(importFile(db, breaking, file, { batchSize: 16, audit: OPERATOR })).rejects.toThrow(/audit chain of population is missing/);
    expect(await env.count()).toBe(before);
    await expect(importFile(db, importer, file, { batchSize: 16 } as never)).rejects.toThrow(/audit writer and operator/);
  });

  it('writes each batch whole or not at all when a batch fails, and a re-run completes the file', async () => {
    const { db, households } = await env.open();
    const file = path.join(env.dir, 'persons.ndjson');
    const header = HEADER.split(',');
    fs.writeFileSync(file, rows(households, 50).map((l) => JSON.stringify(Object.fromEntries(l.split(',').map((v, i) => [header[i], v])))).join('\n'));
    const before = await env.count();
    let batches = 0;
    const failing: DomainImporter = {
      ...importer,
      async check(batch, database) {
        if (++batches === 3) throw new Error('the database went away');
        return importer.check!(batch as never, database);
      },
    };
    await expect(importFile(db, failing, file, { batchSize: 20, audit: OPERATOR })).rejects.toThrow('went away');
    expect(await env.count()).toBe(before + 40);
    const rerun = await importFile(db, importer, file, { batchSize: 20, audit: OPERATOR });
    expect(rerun).toMatchObject({ imported: 10, skipped: 40, rejected: 0 });
    expect(await env.count()).toBe(before + 50);
  });

  it('completes on a re-run after the import process is killed in the middle', async () => {
    const { db, households, config } = await env.open();
    const file = path.join(env.dir, 'many.csv');
    fs.writeFileSync(file, `${[HEADER, ...rows(households, 6000)].join('\n')}\n`);
    const before = await env.count();
    const env_ = { ...process.env, ...(config.driver === 'sqlite' ? { DATA_DIR: path.dirname(config.file), DATABASE_URL: '' } : { DATABASE_URL: config.url, DATABASE_SCHEMA_PREFIX: config.schema.replace(/population$/, '') }) };
    const run = (kill: boolean) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'scripts', 'import.ts'), 'population', file, '--operator', 'import-operator-1', '--batch', '200'], { env: env_, stdio: ['ignore', 'pipe', 'pipe'] });
        let seen = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          seen += (chunk.toString().match(/batch committed/g) ?? []).length;
          if (kill && seen >= 3) child.kill('SIGKILL');
        });
        child.on('exit', (code) => resolve(code));
      });
    expect(await run(true)).toBeNull(); // killed
    const partial = (await env.count()) - before;
    expect(partial % 200).toBe(0); // whole batches only
    expect(partial).toBeLessThan(6000);
    expect(await run(false)).toBe(0);
    expect((await env.count()) - before).toBe(6000);
    void db;
  });
});
