/**
 * `npm run import -- <domain> <file.csv|file.ndjson> --operator <account> [--encoding utf8|gbk|gb18030] [--report rejected.ndjson] [--batch 1000]`:
 * imports a department's file into its domain database (SQLite, or PostgreSQL with DATABASE_URL): validated, in
 * batches of one transaction each, rejected rows reported with line numbers and reasons, re-runs change nothing.
 * CSV may quote fields holding commas, quotes and line breaks; files are UTF-8 unless --encoding says GBK/GB18030.
 * An offline path for the owning department's operators, who hold the database credentials.
 */
import { domainEntities } from '../subgraphs/kit/server';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { databaseConfig, isDomain } from '../subgraphs/kit/config';
import { IMPORT_ENCODINGS, importFile, type ImportEncoding } from '../subgraphs/kit/import';
import { openDatabase } from '../subgraphs/kit/orm';
import { SUBGRAPHS } from '../subgraphs/registry';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' }, batch: { type: 'string', default: '1000' }, operator: { type: 'string' }, encoding: { type: 'string' } } });
  const [domain, file] = positionals;
  const importable = Object.entries(SUBGRAPHS).filter(([, d]) => d.importer).map(([n]) => n);
  if (!domain || !file || !values.operator) fail(`Usage: npm run import -- <${importable.join('|')}> <file.csv|file.ndjson> --operator <your account> [--encoding ${IMPORT_ENCODINGS.join('|')}] [--report rejected.ndjson] [--batch 1000]\nThe operator is recorded in the domain's audit trail with every batch written; the encoding is UTF-8 unless given.`);
  if (!isDomain(domain) || !SUBGRAPHS[domain].importer) fail(`"${domain}" takes no file imports; domains that do: ${importable.join(', ')}.`);
  if (!fs.existsSync(file)) fail(`No file ${file}.`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10000) fail('--batch takes a whole number from 1 to 10000.');
  const encoding = values.encoding?.toLowerCase().replace(/^utf-8$/, 'utf8');
  if (encoding !== undefined && !(IMPORT_ENCODINGS as readonly string[]).includes(encoding)) fail(`--encoding takes ${IMPORT_ENCODINGS.join(', ')}.`);
  const definition = SUBGRAPHS[domain];
  // The audit tables too: every batch commits with its audit record, or not at all.
  const db = await openDatabase(databaseConfig(domain), domainEntities(definition));
  const importer = definition.importer!;
  const dept = definition.catalogue[importer.entity.meta.className]?.owner;
  if (!dept) fail(`${domain}'s catalogue has no owner for ${importer.entity.meta.className}.`);
  const size = fs.statSync(file).size;
  const bar = process.stdout.isTTY ? new SingleBar({ format: 'importing [{bar}] {percentage}% | {imported} imported, {skipped} already there, {rejected} rejected' }, Presets.shades_classic) : null;
  bar?.start(size, 0, { imported: 0, skipped: 0, rejected: 0 });
  const started = Date.now();
  try {
    const report = await importFile(db, importer, file, {
      audit: { writer: domain, operator: { sub: values.operator!, dept: dept! } },
      batchSize,
      encoding: encoding as ImportEncoding | undefined,
      reportFile: values.report,
      onBatch: (p) => {
        bar?.update(p.bytes, p);
        if (!bar) process.stdout.write(`batch committed: ${p.lines} lines read, ${p.imported} imported, ${p.skipped} already there, ${p.rejected} rejected\n`);
      },
    });
    bar?.update(size);
    bar?.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${report.lines} lines: ${report.imported} imported, ${report.skipped} already there, ${report.rejected} rejected (see ${report.reportFile}); ` +
        `${report.batches} batches in ${seconds.toFixed(1)} s, ${Math.round(report.lines / Math.max(seconds, 0.001))} rows/s.\n`,
    );
  } finally {
    bar?.stop();
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Import failed: ${error instanceof Error ? error.message : String(error)}\nBatches committed before the failure are complete; run the same command again to finish.\n`);
  process.exit(1);
});
