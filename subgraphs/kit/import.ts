/**
 * Bulk import for departments that deliver files (CSV with a header row, or NDJSON): every row is validated by the
 * domain's importer, valid rows are written in batches, each batch in one transaction (all or nothing), rejected
 * rows are reported with line numbers and reasons, and rows whose key already exists are skipped, so re-running a
 * file (after a crash, or twice) completes it without changing what is there. Every batch that writes rows writes
 * its audit record (operator, file, columns, keys) in the same transaction, as GraphQL writes do. Streaming: memory
 * stays flat.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { appendEntries, ensureChain } from './audit/chain';
import { MAX_KEYS } from './audit/collector';
import type { AuditEntry } from './audit/records';
import { ErrorCode } from './errors';
import type { Database, EntityManager } from './orm';
import { PLATFORM_EVENTS } from '../platform-catalogue';
import { ensureOutbox, eventOfRecord, recordEvents } from './outbox';

export type ParsedRow<T> = { row: T } | { errors: string[] };

export interface DomainImporter<T extends object = any> {
  /** What a line describes, for messages: "person". */
  noun: string;
  /** The domain event each imported row records (PersonRegistered), with the row's columns as its fields. */
  event: string;
  entity: EntitySchema<T, any>;
  /** The natural key: a row whose key exists is already imported and is skipped. */
  key: keyof T & string;
  /** Columns a CSV file must have (NDJSON objects must have them as properties). */
  columns: readonly string[];
  parse(record: Record<string, string>): ParsedRow<T>;
  /** Checks within the domain that need the database (a household that must exist): reasons per row, by index. */
  check?(rows: readonly T[], db: Database): Promise<Map<number, string[]>>;
  /**
   * Rows of other tables that follow from the rows just inserted (a property's owners, a credit profile's rating),
   * written in the batch's transaction: only rows this run inserted are given, never skipped ones.
   */
  afterInsert?(rows: readonly T[], em: EntityManager): Promise<void>;
}

/**
 * Runs one of a domain's validators (which throw BAD_USER_INPUT naming the argument, see errors.ts) on a file's
 * value: the value when valid, else undefined with "<column>: <reason>" added to `errors`. Pass the column's name
 * as the validator's argument; `rename` maps argument names the validator makes up itself (input.subject.uscc).
 */
export function collect<R>(errors: string[], validate: () => R, rename: (argument: string) => string = (a) => a): R | undefined {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.BadUserInput) throw error;
    errors.push(`${rename(String(error.extensions.argumentName))}: ${String(error.extensions.reason)}`);
    return undefined;
  }
}

/** A number written in a file's column: undefined (and a reason) when the cell is empty or not a number. */
export function numberIn(errors: string[], column: string, text: string | undefined): number | undefined {
  const value = text?.trim() ?? '';
  if (value === '' || !Number.isFinite(Number(value))) {
    errors.push(`${column}: ${value === '' ? 'required' : `"${value}" is not a number`}.`);
    return undefined;
  }
  return Number(value);
}

export interface ImportReport {
  lines: number;
  imported: number;
  skipped: number;
  rejected: number;
  batches: number;
  reportFile: string;
}

/** Who runs an import: recorded in the domain's audit trail with every batch it writes. */
export interface ImportOperator {
  /** The operator's account, as in tokens (`sub`). */
  sub: string;
  /** The department whose records the file holds (the domain's owner). */
  dept: string;
}

export interface ImportOptions {
  /**
   * The audit chain written to (the domain's name) and who runs the import. Required: like a GraphQL write, an import
   * batch commits with its audit record in the same transaction, or not at all.
   */
  audit: { writer: string; operator: ImportOperator };
  batchSize?: number;
  reportFile?: string;
  onBatch?: (progress: { lines: number; imported: number; skipped: number; rejected: number; bytes: number }) => void;
}

/** Splits one CSV line (RFC 4180 quoting within a line). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** The audit record of one committed batch: who, which file, which columns of how many rows, and their keys. */
function importEntry(importer: DomainImporter<object>, options: ImportOptions, file: string, runId: string, rows: readonly object[]): AuditEntry {
  const type = importer.entity.meta.className;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
  const keys = rows.slice(0, MAX_KEYS).map((r) => `${type}:${String((r as Record<string, unknown>)[importer.key])}`);
  if (rows.length > MAX_KEYS) keys.push(`+${rows.length - MAX_KEYS} more`);
  const { operator } = options.audit;
  return {
    time: new Date(),
    kind: 'write',
    sub: operator.sub,
    dept: operator.dept,
    roles: '[]',
    region: null,
    client: null,
    purpose: `bulk import of ${path.basename(file)}`,
    operationName: `import ${importer.noun}`,
    documentHash: null,
    requestId: runId,
    fields: JSON.stringify(columns.map((c) => [`${type}.${c}`, 'WRITTEN', rows.length])),
    recordKeys: JSON.stringify(keys),
    grantIds: '[]',
    outOfRegion: 0,
  };
}

export async function importFile<T extends object>(db: Database, importer: DomainImporter<T>, file: string, options: ImportOptions): Promise<ImportReport> {
  if (!options?.audit?.writer || !options.audit.operator?.sub || !options.audit.operator.dept) {
    throw new Error('An import needs its audit writer and operator (sub and department): nothing is written without an audit record.');
  }
  const runId = randomUUID();
  await ensureChain(db.orm.em.fork(), options.audit.writer);
  await ensureOutbox(db.orm.em.fork(), options.audit.writer);
  const batchSize = options.batchSize ?? 1000;
  const reportFile = options.reportFile ?? `${file}.rejected.ndjson`;
  const format = file.endsWith('.ndjson') || file.endsWith('.jsonl') ? 'ndjson' : 'csv';
  const report = fs.createWriteStream(reportFile);
  const reject = (line: number, errors: string[], record: unknown) => {
    totals.rejected += 1;
    report.write(`${JSON.stringify({ line, errors, record })}\n`);
  };
  const totals = { lines: 0, imported: 0, skipped: 0, rejected: 0, batches: 0, bytes: 0 };
  let header: string[] | null = null;
  let batch: { line: number; row: T; record: unknown }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const problems = (await importer.check?.(current.map((b) => b.row), db)) ?? new Map<number, string[]>();
    const valid = current.filter((b, i) => {
      const errors = problems.get(i);
      if (errors?.length) reject(b.line, errors, b.record);
      return !errors?.length;
    });
    // Duplicates within the file: the first occurrence wins, later ones are reported.
    const seen = new Set<unknown>();
    const unique = valid.filter((b) => {
      const k = b.row[importer.key];
      if (seen.has(k)) {
        reject(b.line, [`${String(importer.key)} "${String(k)}" appears earlier in the file.`], b.record);
        return false;
      }
      seen.add(k);
      return true;
    });
    await db.orm.em.fork().transactional(async (em) => {
      const keys = unique.map((b) => b.row[importer.key]);
      const existing = new Set(
        (await em.find(importer.entity, { [importer.key]: { $in: keys } } as FilterQuery<T>, { fields: [importer.key] as never, disableIdentityMap: true })).map(
          (r) => (r as Record<string, unknown>)[importer.key],
        ),
      );
      const fresh = unique.filter((b) => !existing.has(b.row[importer.key])).map((b) => b.row);
      for (let i = 0; i < fresh.length; i += 500) await em.insertMany(importer.entity, fresh.slice(i, i + 500));
      if (fresh.length > 0) await importer.afterInsert?.(fresh, em);
      // In the batch's transaction: no audit record, no rows (a failure here rolls the batch back).
      if (fresh.length > 0) await appendEntries(em, options.audit.writer, [importEntry(importer as unknown as DomainImporter<object>, options, file, runId, fresh)]);
      // Every row is a change like a GraphQL write's: its event commits with it (after the audit record, as there).
      const meta = em.getMetadata().get(importer.entity.meta.className);
      const declared = PLATFORM_EVENTS[importer.event];
      if (!declared || declared.type !== meta.className) throw new Error(`The ${importer.noun} import records ${importer.event}, which the event catalogue does not declare for ${meta.className}.`);
      await recordEvents(
        em,
        options.audit.writer,
        options.audit.operator,
        fresh.map((row) => {
          const columns = row as Record<string, unknown>;
          return eventOfRecord(importer.event, meta.className, columns, meta.primaryKeys, declared.fields);
        }),
      );
      totals.imported += fresh.length;
      totals.skipped += unique.length - fresh.length;
    });
    totals.batches += 1;
    options.onBatch?.({ ...totals });
  };

  const input = fs.createReadStream(file, { encoding: 'utf8' });
  input.on('data', (chunk) => (totals.bytes += Buffer.byteLength(chunk as string)));
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      let record: Record<string, string>;
      if (format === 'csv') {
        const cells = splitCsvLine(lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text);
        if (!header) {
          header = cells.map((c) => c.trim());
          const missing = importer.columns.filter((c) => !header!.includes(c));
          if (missing.length > 0) throw new Error(`${file}: the header lacks the column(s) ${missing.join(', ')}; expected ${importer.columns.join(',')}.`);
          continue;
        }
        if (cells.length !== header.length) {
          totals.lines += 1;
          reject(lineNumber, [`The line has ${cells.length} fields but the header has ${header.length}.`], text);
          continue;
        }
        record = Object.fromEntries(header.map((h, i) => [h, cells[i]!.trim()]));
      } else {
        try {
          const parsed = JSON.parse(text) as unknown;
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
          record = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
        } catch {
          totals.lines += 1;
          reject(lineNumber, ['The line is not a JSON object.'], text);
          continue;
        }
      }
      totals.lines += 1;
      const parsed = importer.parse(record);
      if ('errors' in parsed) reject(lineNumber, parsed.errors, record);
      else batch.push({ line: lineNumber, row: parsed.row, record });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await new Promise<void>((resolve) => report.end(() => resolve()));
  }
  return { lines: totals.lines, imported: totals.imported, skipped: totals.skipped, rejected: totals.rejected, batches: totals.batches, reportFile };
}
