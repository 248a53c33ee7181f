/**
 * The hash chain: appending a batch (under the writer's chain-row lock, so several processes of one domain can
 * share a database), verifying a chain from its base to its head, and pruning its oldest records while keeping
 * it verifiable (the last pruned record becomes the base the first kept record links to).
 */
import type { EntityManager } from '../orm';
import { AuditChain, AuditRecord, GENESIS_HASH, recordHash, type AuditEntry, type AuditRow } from './records';

/** Creates the writer's chain row if it is missing (outside any transaction: a lost race is harmless). */
export async function ensureChain(em: EntityManager, writer: string): Promise<void> {
  if (await em.count(AuditChain, { writer })) return;
  try {
    await em.insert(AuditChain, { writer, headSeq: 0, headHash: GENESIS_HASH, baseSeq: 0, baseHash: GENESIS_HASH, lockedAt: new Date() });
  } catch (error) {
    if (!(await em.count(AuditChain, { writer }))) throw error;
  }
}

/** Column names of an entity's properties, as MikroORM's naming strategy made them. */
function columns(em: EntityManager, entity: string): Record<string, string> {
  const meta = em.getMetadata().get(entity);
  return Object.fromEntries(Object.values(meta.properties).map((p) => [p.name, p.fieldNames[0]!]));
}

/**
 * Appends `entries` to the writer's chain. Call inside a transaction: the first statement writes the chain row,
 * which takes SQLite's write lock or PostgreSQL's row lock, so the head read next cannot move under us.
 * Plain SQL through the transaction's knex: this runs for nearly every request, and the ORM's statement building
 * cost several times what the statements themselves do (bench/audit.ts).
 */
export async function appendEntries(em: EntityManager, writer: string, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  const platform = em.getPlatform();
  const schema = em.config.get('schema');
  const table = (entity: string) => {
    let builder = em.getKnex()(em.getMetadata().get(entity).tableName);
    if (schema) builder = builder.withSchema(schema);
    const trx = em.getTransactionContext();
    return trx ? builder.transacting(trx) : builder;
  };
  const chainCols = columns(em, 'AuditChain');
  const recordCols = columns(em, 'AuditRecord');
  // One statement takes the lock and reads the head (RETURNING: SQLite 3.35+, PostgreSQL).
  const [head] = (await table('AuditChain')
    .where(chainCols.writer!, writer)
    .update({ [chainCols.lockedAt!]: platform.processDateProperty(new Date()) }, [chainCols.headSeq!, chainCols.headHash!])) as unknown as Record<string, unknown>[];
  if (!head) throw new Error(`The audit chain of ${writer} is missing.`);
  let seq = Number(head![chainCols.headSeq!]);
  let prevHash = String(head![chainCols.headHash!]);
  const rows = entries.map((entry) => {
    seq += 1;
    const row = { ...entry, writer, seq, prevHash };
    const hashed = { ...row, hash: recordHash(row) };
    prevHash = hashed.hash;
    return hashed;
  });
  await table('AuditRecord').insert(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [recordCols[k]!, v instanceof Date ? platform.processDateProperty(v) : v]))),
  );
  await table('AuditChain').where(chainCols.writer!, writer).update({ [chainCols.headSeq!]: seq, [chainCols.headHash!]: prevHash });
  return rows;
}

export type ChainProblem = 'changed' | 'deleted' | 'inserted' | 'reordered';

export interface ChainReport {
  writer: string;
  ok: boolean;
  /** Records checked. */
  records: number;
  head: { seq: number; hash: string };
  base: { seq: number; hash: string };
  /** The first broken link. */
  broken?: { seq: number; problem: ChainProblem; message: string };
}

const PAGE = 1000;
/** How far a record's seq is searched when its hash does not match where it stands (reordering). */
const REORDER_WINDOW = 16;

/** Walks the writer's chain from its base to its head, a page at a time, and names the first broken link. */
export async function verifyChain(em: EntityManager, writer: string): Promise<ChainReport> {
  const chain = await em.findOne(AuditChain, { writer }, { disableIdentityMap: true });
  const head = { seq: chain?.headSeq ?? 0, hash: chain?.headHash ?? GENESIS_HASH };
  const base = { seq: chain?.baseSeq ?? 0, hash: chain?.baseHash ?? GENESIS_HASH };
  const report: ChainReport = { writer, ok: true, records: 0, head, base };
  const fail = (seq: number, problem: ChainProblem, message: string): ChainReport => ({ ...report, ok: false, broken: { seq, problem, message } });

  let buffer: AuditRow[] = [];
  let lastFetched = -Infinity;
  let exhausted = false;
  const refill = async () => {
    if (exhausted || buffer.length > REORDER_WINDOW) return;
    const where = lastFetched === -Infinity ? { writer } : { writer, seq: { $gt: lastFetched } };
    const page = (await em.find(AuditRecord, where, { orderBy: { seq: 'asc' }, limit: PAGE, disableIdentityMap: true })) as AuditRow[];
    if (page.length < PAGE) exhausted = true;
    if (page.length) lastFetched = page[page.length - 1]!.seq;
    buffer = buffer.concat(page);
  };

  let prev = base;
  let beforePrev: string | null = null;
  for (await refill(); buffer.length > 0; await refill()) {
    const row = buffer.shift()!;
    const expected = prev.seq + 1;
    report.records += 1;
    if (row.seq <= base.seq) return fail(row.seq, 'inserted', `record ${writer}#${row.seq} lies before the chain's base #${base.seq} (pruned records end there): it was inserted.`);
    if (row.seq > head.seq) return fail(row.seq, 'inserted', `record ${writer}#${row.seq} lies after the chain's head #${head.seq}: it was inserted, not appended by the service.`);
    if (recordHash(row) !== row.hash) {
      for (let d = -REORDER_WINDOW; d <= REORDER_WINDOW; d += 1) {
        if (d !== 0 && recordHash({ ...row, seq: row.seq + d }) === row.hash) {
          if (d === -1 && beforePrev !== null && row.prevHash === beforePrev) {
            return fail(prev.seq, 'inserted', `record ${writer}#${prev.seq} was inserted: the record after it was written as #${prev.seq} and links to #${prev.seq - 1}.`);
          }
          return fail(row.seq, 'reordered', `record ${writer}#${row.seq} was written as #${row.seq + d}: records were reordered${d < 0 ? ' or one was inserted before it' : ''}.`);
        }
      }
      return fail(row.seq, 'changed', `record ${writer}#${row.seq} was changed: its content no longer matches its hash.`);
    }
    if (row.seq > expected) {
      return fail(expected, 'deleted', `record${row.seq - expected > 1 ? `s ${writer}#${expected} to #${row.seq - 1} were` : ` ${writer}#${expected} was`} deleted: the chain jumps from #${prev.seq} to #${row.seq}.`);
    }
    if (row.prevHash !== prev.hash) {
      const next = buffer[0];
      if (next && next.prevHash === prev.hash) return fail(row.seq, 'inserted', `record ${writer}#${row.seq} was inserted: the record after it links to #${prev.seq} directly.`);
      if (beforePrev !== null && row.prevHash === beforePrev) return fail(prev.seq, 'inserted', `record ${writer}#${prev.seq} was inserted: #${row.seq} links to the record before it.`);
      return fail(row.seq, 'changed', `record ${writer}#${row.seq} does not link to #${prev.seq}: #${prev.seq} was replaced (its hash recomputed), or #${row.seq} was forged.`);
    }
    beforePrev = prev.hash;
    prev = { seq: row.seq, hash: row.hash };
  }
  if (prev.seq < head.seq) return fail(prev.seq + 1, 'deleted', `records ${writer}#${prev.seq + 1} to #${head.seq} were deleted: the chain's head is #${head.seq}, its last record #${prev.seq}.`);
  if (prev.hash !== head.hash) return fail(prev.seq, 'changed', `record ${writer}#${prev.seq} is not the head the service appended (its hash differs).`);
  return report;
}

/**
 * Deletes the writer's records older than `before`, from the start of the chain up to (not including) the first
 * record at or after `before`, and makes the last deleted record the chain's base, so the first kept record still
 * links to a known hash. Returns how many records were deleted.
 */
export async function pruneChain(em: EntityManager, writer: string, before: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const locked = await tx.nativeUpdate(AuditChain, { writer }, { lockedAt: new Date() });
    if (locked !== 1) return 0;
    const chain = await tx.findOneOrFail(AuditChain, { writer }, { disableIdentityMap: true });
    const firstKept = await tx.findOne(AuditRecord, { writer, time: { $gte: before } }, { orderBy: { seq: 'asc' }, fields: ['seq'], disableIdentityMap: true });
    const lastPruned = (firstKept?.seq ?? chain.headSeq + 1) - 1;
    if (lastPruned <= chain.baseSeq) return 0;
    const base = await tx.findOneOrFail(AuditRecord, { writer, seq: lastPruned }, { disableIdentityMap: true });
    const deleted = await tx.nativeDelete(AuditRecord, { writer, seq: { $lte: lastPruned } });
    await tx.nativeUpdate(AuditChain, { writer }, { baseSeq: base.seq, baseHash: base.hash });
    return deleted;
  });
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The writer's head as stored (for a writer that appends outside a transaction, see headAppender). */
export async function readHead(em: EntityManager, writer: string): Promise<ChainHead> {
  const chain = await em.findOne(AuditChain, { writer }, { disableIdentityMap: true });
  if (!chain) throw new Error(`The audit chain of ${writer} is missing.`);
  return { seq: chain.headSeq, hash: chain.headHash };
}

/** Sends one SQL statement with `$n` parameters and answers its rows as arrays (reader.ts `postgresStatements`). */
export type SqlStatement = (sql: string, params: unknown[]) => Promise<unknown[][]>;

/** Appends a batch at the head this process last saw: the new head and the rows, or null when the head had moved. */
export type HeadAppend = (head: ChainHead, entries: readonly AuditEntry[]) => Promise<{ head: ChainHead; rows: AuditRow[] } | null>;

/**
 * PostgreSQL: appends a batch in ONE statement, without a transaction of several round trips: the chain row is
 * moved from the head this process last saw to the new head, and the records are inserted only if that update
 * found the head where expected (`where exists (select 1 from moved)`), so the statement is all or nothing and two
 * processes sharing a chain cannot fork it. Answers null when another process appended first (read the head again
 * and retry). Rows go in through jsonb_populate_recordset, typed by the table itself. The statement's text is
 * built once per writer and sent as a prepared statement (`run`): this runs for nearly every request, and building
 * it through knex and a forked EntityManager each time cost more than the statement (bench/profile.ts, page).
 */
export function headAppender(em: EntityManager, writer: string, run: SqlStatement): HeadAppend {
  const schema = em.config.get('schema');
  const qualified = (entity: string) => `${schema ? `"${schema}".` : ''}"${em.getMetadata().get(entity).tableName}"`;
  const chainCols = columns(em, 'AuditChain');
  const recordCols = columns(em, 'AuditRecord');
  const sql =
    `with moved as (update ${qualified('AuditChain')} set "${chainCols.headSeq}" = $1, "${chainCols.headHash}" = $2, "${chainCols.lockedAt}" = now() ` +
    `where "${chainCols.writer}" = $3 and "${chainCols.headSeq}" = $4 returning 1), ` +
    `inserted as (insert into ${qualified('AuditRecord')} select r.* from jsonb_populate_recordset(null::${qualified('AuditRecord')}, $5::jsonb) r where exists (select 1 from moved) returning 1) ` +
    `select count(*) from inserted`;
  return async (head, entries) => {
    let seq = head.seq;
    let prevHash = head.hash;
    const rows = entries.map((entry) => {
      seq += 1;
      const row = { ...entry, writer, seq, prevHash };
      const hashed = { ...row, hash: recordHash(row) } as AuditRow;
      prevHash = hashed.hash;
      return hashed;
    });
    const json = JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [recordCols[k]!, v instanceof Date ? v.toISOString() : v]))));
    const [result] = await run(sql, [seq, prevHash, writer, head.seq, json]);
    if (Number(result?.[0] ?? 0) !== rows.length) return null;
    return { head: { seq, hash: prevHash }, rows };
  };
}
