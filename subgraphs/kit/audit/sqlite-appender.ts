/**
 * The embedded mode's audit appends: its own better-sqlite3 connection to the domain's file and one synchronous
 * IMMEDIATE transaction per batch. The ORM's SQLite driver has one connection per database, so an audit
 * transaction on it (several awaited statements) would hold up every read of the requests behind it; in WAL
 * mode a second connection writes while the first reads, and a batch of prepared statements commits in well
 * under a millisecond. Same rows, same chain rules as chain.ts's appendEntries (which PostgreSQL uses).
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { EntityManager } from '../orm';
import { recordHash, type AuditEntry, type AuditRow } from './records';

type Columns = Record<string, string>;

function columnsOf(em: EntityManager, entity: string): Columns {
  const meta = em.getMetadata().get(entity);
  return Object.fromEntries(Object.values(meta.properties).map((p) => [p.name, p.fieldNames[0]!]));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class SqliteAuditAppender {
  private readonly db: Db;
  private readonly lockHead: Statement;
  private readonly insert: Statement;
  private readonly setHead: Statement;
  private readonly recordKeys: string[];
  private readonly append: (writer: string, entries: readonly AuditEntry[]) => AuditRow[];

  constructor(file: string, em: EntityManager) {
    const chain = columnsOf(em, 'AuditChain');
    const record = columnsOf(em, 'AuditRecord');
    const chainTable = quote(em.getMetadata().get('AuditChain').tableName);
    const recordTable = quote(em.getMetadata().get('AuditRecord').tableName);
    this.db = new BetterSqlite3(file);
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('journal_mode = wal');
    this.db.pragma('synchronous = normal');
    // Touching the chain row first takes the write lock, so the head read with it cannot move under us.
    this.lockHead = this.db.prepare(`update ${chainTable} set ${quote(chain.lockedAt!)} = ? where ${quote(chain.writer!)} = ? returning ${quote(chain.headSeq!)} as headSeq, ${quote(chain.headHash!)} as headHash`);
    this.recordKeys = Object.keys(record);
    this.insert = this.db.prepare(`insert into ${recordTable} (${this.recordKeys.map((k) => quote(record[k]!)).join(', ')}) values (${this.recordKeys.map(() => '?').join(', ')})`);
    this.setHead = this.db.prepare(`update ${chainTable} set ${quote(chain.headSeq!)} = ?, ${quote(chain.headHash!)} = ? where ${quote(chain.writer!)} = ?`);
    const tx = this.db.transaction((writer: string, entries: readonly AuditEntry[]) => {
      const head = this.lockHead.get(Date.now(), writer) as { headSeq: number; headHash: string } | undefined;
      if (!head) throw new Error(`The audit chain of ${writer} is missing.`);
      let seq = Number(head.headSeq);
      let prevHash = String(head.headHash);
      const rows: AuditRow[] = [];
      for (const entry of entries) {
        seq += 1;
        const row = { ...entry, writer, seq, prevHash };
        const hashed = { ...row, hash: recordHash(row) } as AuditRow;
        prevHash = hashed.hash;
        this.insert.run(this.recordKeys.map((k) => {
          const v = (hashed as Record<string, unknown>)[k];
          return v instanceof Date ? +v : v === undefined ? null : v;
        }));
        rows.push(hashed);
      }
      this.setHead.run(seq, prevHash, writer);
      return rows;
    });
    this.append = (writer, entries) => tx.immediate(writer, entries);
  }

  appendBatch(writer: string, entries: readonly AuditEntry[]): AuditRow[] {
    return entries.length === 0 ? [] : this.append(writer, entries);
  }

  close(): void {
    this.db.close();
  }
}
