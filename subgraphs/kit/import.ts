/**
 * Bulk import for departments that deliver files (CSV with a header row, or NDJSON): every row is validated by the
 * domain's importer, valid rows are written in batches, each batch in one transaction (all or nothing), rejected
 * rows are reported with line numbers and reasons, and rows whose key already exists are skipped, so re-running a
 * file (after a crash, or twice) completes it without changing what is there. Every batch that writes rows writes
 * its audit record (operator, file, columns, keys) in the same transaction, as GraphQL writes do. Streaming: memory
 * stays flat. CSV is RFC 4180 (csv-parse): quoted fields may hold commas, doubled quotes and line breaks; files are
 * UTF-8 (with or without BOM) or GBK/GB18030 from older departmental systems, with LF or CRLF line ends.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse as csvParser, type CsvError, type Info } from 'csv-parse';
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
  /** The file's encoding; UTF-8 when not given (a file that is not valid UTF-8 is refused with a hint). */
  encoding?: ImportEncoding;
  onBatch?: (progress: { lines: number; imported: number; skipped: number; rejected: number; bytes: number }) => void;
}

/** Encodings a file may come in: UTF-8, or GBK / GB18030 as older departmental systems export. */
export const IMPORT_ENCODINGS = ['utf8', 'gbk', 'gb18030'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

const LF = 0x0a;
/** A record longer than this is an unbalanced quote swallowing the file, not data: refused before memory grows. */
const MAX_RECORD_CHARS = 1_000_000;

function decoderFor(encoding: ImportEncoding): TextDecoder {
  return new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding, { fatal: true });
}

/** Whether `bytes` decode without error; unless `complete`, a trailing incomplete character is fine (more may follow). */
function decodes(encoding: ImportEncoding, bytes: Uint8Array, complete = false): boolean {
  try {
    decoderFor(encoding).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * The error for bytes that do not decode: names the line and the byte offset of the first bad character (found by
 * bisection, on this error path only) and the --encoding option, suggesting GB18030 when the bytes read as such.
 * `bytes` start at byte `offset` of the file, on line `line`.
 */
function undecodable(file: string, encoding: ImportEncoding, bytes: Buffer, offset: number, line: number): Error {
  // The longest prefix that decodes, less a trailing incomplete character: the bad one starts there.
  let good = 0;
  let bad = bytes.length + 1;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (decodes(encoding, bytes.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  while (good > 0 && !decodes(encoding, bytes.subarray(0, good), true)) good -= 1;
  for (let i = bytes.indexOf(LF); i >= 0 && i < good; i = bytes.indexOf(LF, i + 1)) line += 1;
  const shown = [...bytes.subarray(good, good + 4)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  const hint =
    encoding === 'utf8' && decodes('gb18030', bytes, true)
      ? ' The file reads as GBK/GB18030, as older departmental systems export: run again with --encoding gb18030 (or gbk; the encoding option of an import).'
      : ` Give the file's encoding with --encoding ${IMPORT_ENCODINGS.join('|')} (the encoding option of an import), or correct the bytes.`;
  const name = encoding === 'utf8' ? 'UTF-8' : encoding.toUpperCase();
  return new Error(`${file}: line ${line}, byte offset ${offset + good}: the bytes ${shown || '(end of file)'} are not valid ${name}.${hint} Nothing of the batch being read was written.`);
}

/**
 * The file's text, decoded strictly, in pieces that end at a line break (CRLF made LF), counting the bytes read.
 * Pieces are cut at the LF byte, which never occurs inside a UTF-8, GBK or GB18030 character, so no decode straddles
 * a cut and a failure can be placed exactly. The UTF-8 decoder drops a BOM.
 */
async function* decodedText(file: string, encoding: ImportEncoding, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  let carry = Buffer.alloc(0);
  let offset = 0;
  let line = 1;
  const decode = (bytes: Buffer, final: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !final }).replace(/\r\n/g, '\n');
    } catch {
      throw undecodable(file, encoding, bytes, offset, line);
    }
  };
  for await (const chunk of fs.createReadStream(file)) {
    const bytes = chunk as Buffer;
    onBytes(bytes.length);
    const cut = bytes.lastIndexOf(LF);
    if (cut < 0) {
      carry = Buffer.concat([carry, bytes]);
      continue;
    }
    const whole = carry.length > 0 ? Buffer.concat([carry, bytes.subarray(0, cut + 1)]) : bytes.subarray(0, cut + 1);
    carry = Buffer.from(bytes.subarray(cut + 1));
    const text = decode(whole, false);
    offset += whole.length;
    for (let i = whole.indexOf(LF); i >= 0; i = whole.indexOf(LF, i + 1)) line += 1;
    yield text;
  }
  const rest = decode(carry, true);
  if (rest !== '') yield rest;
}

/** One record of a file: its columns, or why it cannot be read; `line` is where it starts. */
export type FileRecord = { line: number; record: Record<string, string> } | { line: number; errors: string[]; raw: unknown };

/**
 * The records of a CSV file after its header (checked against the importer's columns). A record may span several
 * lines (a quoted address with a line break): it is numbered by the line it starts on, which is the line after the
 * previous record ends plus the empty lines csv-parse skipped in between.
 */
async function* csvRecords(text: AsyncGenerator<string>, file: string, columns: readonly string[]): AsyncGenerator<FileRecord> {
  const source = Readable.from(text);
  const parser = csvParser({
    info: true,
    raw: true,
    // Field counts are checked here, to reject the record with a reason instead of failing the file.
    relax_column_count: true,
    // A quote inside an unquoted field (王"小"明) is kept as written, as departmental exports have them.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const skips: CsvError[] = [];
  parser.on('skip', (error: CsvError) => skips.push(error));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | null = null;
  let ended = 0;
  let empty = 0;
  /** The line a record starts on, given where csv-parse is once it has read it. */
  const startOf = (lines: number, emptyLines: number) => {
    const line = ended + 1 + (emptyLines - empty);
    ended = lines;
    empty = emptyLines;
    return line;
  };
  const skipped = (error: CsvError): FileRecord => {
    const line = startOf(Number(error.lines), Number(error.empty_lines));
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return { line, errors: [`A quoted field of the record starting on line ${line} is never closed: the record runs to the end of the file (a double quote inside a quoted field is written twice: "").`], raw: null };
    }
    throw new Error(`${file}: line ${line}: ${error.code === 'CSV_MAX_RECORD_SIZE' ? `a record longer than ${MAX_RECORD_CHARS} characters, most likely an unbalanced double quote` : error.message}. Nothing of the batch being read was written.`);
  };
  try {
    for await (const { record: cells, info, raw } of parser as AsyncIterable<{ record: string[]; info: Info; raw: string }>) {
      while (skips.length > 0 && Number(skips[0]!.records) < info.records) yield skipped(skips.shift()!);
      const line = startOf(info.lines, info.empty_lines);
      if (cells.length === 1 && cells[0]!.trim() === '') continue;
      if (!header) {
        header = cells.map((c) => c.trim());
        const missing = columns.filter((c) => !header!.includes(c));
        if (missing.length > 0) throw new Error(`${file}: the header lacks the column(s) ${missing.join(', ')}; expected ${columns.join(',')}.`);
        continue;
      }
      if (cells.length !== header.length) {
        const lines = (raw.replace(/^\n+|\n+$/g, '').match(/\n/g)?.length ?? 0) + 1;
        const where = lines > 1 ? `The record (lines ${line}–${line + lines - 1})` : 'The line';
        yield { line, errors: [`${where} has ${cells.length} fields but the header has ${header.length} (a field holding a comma or a line break must be in double quotes).`], raw: raw.replace(/^\n+|\n+$/g, '') };
        continue;
      }
      yield { line, record: Object.fromEntries(header.map((h, i) => [h, cells[i]!.trim()])) };
    }
    for (const error of skips) yield skipped(error);
  } finally {
    // Stops reading the file when the import stops early (a failed batch): the generator closes the file.
    source.destroy();
  }
}

/** The records of an NDJSON file: one JSON object a line. */
async function* ndjsonRecords(text: AsyncGenerator<string>): AsyncGenerator<FileRecord> {
  let line = 0;
  let rest = '';
  const read = (value: string): FileRecord | null => {
    line += 1;
    if (value.trim() === '') return null;
    try {
      const parsed = JSON.parse(value) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      return { line, record: Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])) };
    } catch {
      return { line, errors: ['The line is not a JSON object.'], raw: value };
    }
  };
  for await (const piece of text) {
    const parts = (rest + piece).split('\n');
    rest = parts.pop()!;
    for (const part of parts) {
      const record = read(part);
      if (record) yield record;
    }
  }
  const last = rest === '' ? null : read(rest);
  if (last) yield last;
}

/**
 * The records of a file (CSV with a header holding `columns`, or NDJSON for .ndjson/.jsonl), streamed: what importFile
 * validates and writes. Throws on bytes that do not decode in `encoding` and on a header that lacks a column.
 */
export function fileRecords(file: string, columns: readonly string[], encoding: ImportEncoding = 'utf8', onBytes: (bytes: number) => void = () => {}): AsyncGenerator<FileRecord> {
  if (!IMPORT_ENCODINGS.includes(encoding)) throw new Error(`Unknown encoding "${String(encoding)}": one of ${IMPORT_ENCODINGS.join(', ')}.`);
  const text = decodedText(file, encoding, onBytes);
  return file.endsWith('.ndjson') || file.endsWith('.jsonl') ? ndjsonRecords(text) : csvRecords(text, file, columns);
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
  const report = fs.createWriteStream(reportFile);
  const reject = (line: number, errors: string[], record: unknown) => {
    totals.rejected += 1;
    report.write(`${JSON.stringify({ line, errors, record })}\n`);
  };
  const totals = { lines: 0, imported: 0, skipped: 0, rejected: 0, batches: 0, bytes: 0 };
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

  try {
    for await (const item of fileRecords(file, importer.columns, options.encoding, (bytes) => (totals.bytes += bytes))) {
      totals.lines += 1;
      if ('errors' in item) {
        reject(item.line, item.errors, item.raw);
        continue;
      }
      const parsed = importer.parse(item.record);
      if ('errors' in parsed) reject(item.line, parsed.errors, item.record);
      else batch.push({ line: item.line, row: parsed.row, record: item.record });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await new Promise<void>((resolve) => report.end(() => resolve()));
  }
  return { lines: totals.lines, imported: totals.imported, skipped: totals.skipped, rejected: totals.rejected, batches: totals.batches, reportFile };
}
