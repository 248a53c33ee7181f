/**
 * Appends audit entries in batches: every request's entry joins a bounded in-memory queue, one transaction at a
 * time writes up to `batchMax` queued entries, and each caller's promise settles only once its entry is committed
 * (or failed). Nothing is dropped: when the queue is full, callers wait for room; when the entry is not durable
 * within `timeoutMs`, the caller is told it failed, and withholds the protected data (see plugin.ts).
 */
import type { Database, EntityManager } from '../orm';
import { postgresStatements } from '../reader';
import { appendEntries, ensureChain, headAppender, readHead, type ChainHead, type HeadAppend } from './chain';
import { SqliteAuditAppender } from './sqlite-appender';
import type { AuditEntry } from './records';

export interface AuditWriterOptions {
  /** @default 500 entries per transaction */
  batchMax: number;
  /** @default 10000 entries waiting at most; more callers wait for room */
  queueMax: number;
  /** @default 5000 ms from enqueueing to commit before the request fails closed */
  timeoutMs: number;
}

export const DEFAULT_AUDIT_WRITER: AuditWriterOptions = { batchMax: 500, queueMax: 10_000, timeoutMs: 5000 };

interface Pending {
  entry: AuditEntry;
  settle: (error?: unknown) => void;
}

export class AuditUnavailableError extends Error {}

export class AuditWriter {
  private readonly queue: Pending[] = [];
  private readonly roomWaiters: (() => void)[] = [];
  private flushing: Promise<void> | null = null;
  /** SQLite only: a connection of the writer's own (sqlite-appender.ts). */
  private readonly sqlite: SqliteAuditAppender | null;
  /** PostgreSQL only: the head this process last wrote or read (the append checks it in the statement). */
  private head: ChainHead | null = null;
  /** PostgreSQL only: the append statement, prepared once (chain.ts headAppender). */
  private appendAtHead: HeadAppend | null = null;

  constructor(
    private readonly db: Database,
    readonly writer: string,
    private readonly options: AuditWriterOptions = DEFAULT_AUDIT_WRITER,
  ) {
    this.sqlite = db.config.driver === 'sqlite' ? new SqliteAuditAppender(db.config.file, db.orm.em.fork()) : null;
  }

  /** Resolves once `entry` is committed; rejects when it could not be within the timeout. */
  async append(entry: AuditEntry): Promise<void> {
    // SQLite: a synchronous commit on the writer's own connection takes tens of microseconds, less than the
    // event-loop turn a batch would wait for; each response then leaves as soon as its record is durable.
    if (this.sqlite && this.queue.length === 0) {
      try {
        this.sqlite.appendBatch(this.writer, [entry]);
        return;
      } catch (error) {
        throw new AuditUnavailableError(`the audit record could not be written: ${(error as Error).message}`);
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AuditUnavailableError(`the audit record was not durable within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    try {
      await Promise.race([this.enqueue(entry), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Appends inside the caller's transaction (writes: the record commits or rolls back with the data). */
  async appendIn(em: EntityManager, entry: AuditEntry): Promise<void> {
    await appendEntries(em, this.writer, [entry]);
  }

  /** Entries waiting to be written (for tests and benchmarks). */
  get pending(): number {
    return this.queue.length;
  }

  /** Writes everything queued; call before closing the database. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.sqlite?.close();
  }

  /** One statement per batch; when another process of the domain appended first, read its head and go again. */
  private async appendPostgres(entries: AuditEntry[]): Promise<void> {
    this.appendAtHead ??= headAppender(this.db.orm.em, this.writer, postgresStatements(this.db.orm.em.getConnection().getKnex().client));
    for (let attempt = 0; attempt < 20; attempt += 1) {
      this.head ??= await readHead(this.db.orm.em.fork(), this.writer);
      const appended = await this.appendAtHead(this.head, entries);
      if (appended) {
        this.head = appended.head;
        return;
      }
      this.head = null;
    }
    throw new Error(`the audit chain of ${this.writer} kept moving under 20 attempts to append`);
  }

  private async enqueue(entry: AuditEntry): Promise<void> {
    while (this.queue.length >= this.options.queueMax) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    });
    this.flushing ??= this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    // One tick first, so the entries of requests finishing together share a transaction.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.batchMax);
      this.roomWaiters.splice(0, batch.length).forEach((wake) => wake());
      try {
        const entries = batch.map((p) => p.entry);
        if (this.sqlite) this.sqlite.appendBatch(this.writer, entries);
        else await this.appendPostgres(entries);
        batch.forEach((p) => p.settle());
      } catch (error) {
        batch.forEach((p) => p.settle(error ?? new Error('audit append failed')));
      }
    }
    this.flushing = null;
  }
}


export async function openAuditWriter(db: Database, writer: string, options: AuditWriterOptions = DEFAULT_AUDIT_WRITER): Promise<AuditWriter> {
  await ensureChain(db.orm.em.fork(), writer);
  return new AuditWriter(db, writer, options);
}
