/**
 * Anchors for the audit trail. A hash chain shows a change inside it, but not a rewrite of the whole chain with its
 * head row, a cut at its end, or an old copy of the database put back: for those it needs a witness outside the
 * database. So each service signs its domain's chain heads (Ed25519, checkpoint-keys.ts) at a fixed interval and
 * when it stops, and appends the signed checkpoint to a file outside the database (fsync'd before the database
 * notes it). Verification (`npm run audit:verify`) holds every chain to the latest valid checkpoint:
 *
 * - CHAIN_REWRITTEN: the record at a checkpointed position is gone or has another hash;
 * - CHAIN_TRUNCATED: a chain ends before a checkpointed position, in a database that knows that checkpoint;
 * - DATABASE_ROLLED_BACK: the same, or a rewritten record, in a database that does not know the latest checkpoint
 *   (its `audit_anchor` is older): an old copy was restored;
 * - CHAIN_PRUNED_EARLY: records after a checkpointed position were removed as if pruned, though the checkpoint is
 *   younger than the retention period, so they cannot have been (evidence hidden behind a forged chain base);
 * - CHECKPOINTS_MISSING: the database took part in a later checkpoint than the file holds (lines removed);
 * - CHECKPOINT_SIGNATURE_INVALID / CHECKPOINT_KEY_UNTRUSTED / CHECKPOINT_MALFORMED / CHECKPOINT_SEQUENCE_GAP: the
 *   file itself was edited, or signed by a key nobody trusts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { CheckpointConfig, DatabaseConfig } from '../config';
import type { Database, EntityManager } from '../orm';
import { loadSigner, verifySignature, type CheckpointSigner } from './checkpoint-keys';
import { AuditAnchor, AuditChain, AuditRecord } from './records';

export interface SignedHead {
  writer: string;
  seq: number;
  hash: string;
}

export interface Checkpoint {
  v: 1;
  domain: string;
  /** 1, 2, 3, ... per domain database, without gaps. */
  n: number;
  at: string;
  keyId: string;
  chains: SignedHead[];
  /** Ed25519 signature (base64) of `canonicalCheckpoint`. */
  sig: string;
}

export function canonicalCheckpoint(c: Omit<Checkpoint, 'sig'>): string {
  return JSON.stringify([c.v, c.domain, c.n, c.at, c.keyId, c.chains.map((h) => [h.writer, h.seq, h.hash])]);
}

/** Where a domain database's checkpoints are kept: append-only, outside the database, durable once `append` resolves. */
export interface CheckpointSink {
  /** For messages: a file's path, a stream's subject. */
  where: string;
  append(checkpoint: Checkpoint): Promise<void>;
  /** Every stored checkpoint as its stored text, oldest first. */
  lines(): Promise<string[]>;
}

/** A domain database's name among checkpoints: its SQLite file's name, or its PostgreSQL schema (test runs share a server). */
export function checkpointName(database: DatabaseConfig): string {
  return database.driver === 'sqlite' ? path.basename(database.file).replace(/\.sqlite$/, '') : database.schema;
}

/** The file of the embedded default: beside the SQLite files, or under DATA_DIR for PostgreSQL (AUDIT_CHECKPOINT_DIR moves it). */
export function checkpointFile(config: CheckpointConfig, database: DatabaseConfig): string {
  const dir = config.dir ?? (database.driver === 'sqlite' ? path.join(path.dirname(database.file), 'audit-checkpoints') : path.join(config.dataDir, 'audit-checkpoints'));
  return path.join(dir, `${checkpointName(database)}.ndjson`);
}

/** An append-only file, each line fsync'd before `append` resolves. */
export function fileSink(file: string): CheckpointSink {
  return {
    where: file,
    async append(checkpoint) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const fd = fs.openSync(file, 'a', 0o600);
      try {
        fs.writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
    async lines() {
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
    },
  };
}

async function heads(em: EntityManager): Promise<SignedHead[]> {
  const chains = await em.find(AuditChain, {}, { orderBy: { writer: 'asc' }, disableIdentityMap: true });
  return chains.map((c) => ({ writer: c.writer, seq: c.headSeq, hash: c.headHash }));
}

/**
 * Signs the domain's chain heads if they moved since the last checkpoint. The checkpoint is made durable in the sink
 * first and noted in the database after, so a crash between the two leaves a database one checkpoint behind with
 * every signed head present, which verification accepts.
 *
 * PostgreSQL (replicas share a database): under the anchor row's lock, so two replicas never sign the same number;
 * the lock holds back no request, as audit appends lock other rows. SQLite (one process per database file): no lock,
 * since its lock is the database's only write lock and a slow sink (NATS unreachable) would stall every write;
 * the note is made only if the number is still the one read (compare and set).
 */
export async function takeCheckpoint(db: Database, domain: string, signer: CheckpointSigner, sink: CheckpointSink): Promise<Checkpoint | null> {
  const em = db.orm.em.fork();
  const now = await heads(em);
  const anchor = await em.findOne(AuditAnchor, { domain }, { disableIdentityMap: true });
  if (now.length === 0 || anchor?.heads === JSON.stringify(now)) return null;
  if (!anchor) {
    await em.insert(AuditAnchor, { domain, checkpoint: 0, heads: '[]', at: new Date() }).catch(async (error: unknown) => {
      if (!(await em.count(AuditAnchor, { domain }))) throw error;
    });
  }
  const sign = async (tx: EntityManager, noted: { checkpoint: number; heads: string }): Promise<Checkpoint | null> => {
    const chains = await heads(tx);
    if (noted.heads === JSON.stringify(chains)) return null;
    const body = { v: 1 as const, domain, n: noted.checkpoint + 1, at: new Date().toISOString(), keyId: signer.keyId, chains };
    const checkpoint: Checkpoint = { ...body, sig: signer.sign(canonicalCheckpoint(body)) };
    await sink.append(checkpoint);
    await tx.nativeUpdate(AuditAnchor, { domain, checkpoint: noted.checkpoint }, { checkpoint: checkpoint.n, heads: JSON.stringify(chains), at: new Date(checkpoint.at) });
    return checkpoint;
  };
  if (db.config.driver === 'sqlite') return sign(em, anchor ?? { checkpoint: 0, heads: '[]' });
  return em.transactional(async (tx) => {
    await tx.nativeUpdate(AuditAnchor, { domain }, { at: new Date() });
    return sign(tx, await tx.findOneOrFail(AuditAnchor, { domain }, { disableIdentityMap: true }));
  });
}

export interface Checkpointer {
  /** A round now (tests, tools); rounds never overlap. */
  now(): Promise<Checkpoint | null>;
  /** Stops the interval and signs the heads one last time (call after the audit writer has flushed). */
  stop(): Promise<void>;
}

/** After start: late enough to follow the service's first requests to its own store, soon enough to sign before it idles. */
const FIRST_ROUND_DELAY_MS = 1000;

export function startCheckpoints(options: { db: Database; domain: string; config: CheckpointConfig; log: (line: string) => void; sink?: CheckpointSink }): Checkpointer {
  const { db, domain, config, log } = options;
  const signer = loadSigner(config);
  const sink = options.sink ?? fileSink(checkpointFile(config, db.config));
  let last: Promise<Checkpoint | null> = Promise.resolve(null);
  const round = (): Promise<Checkpoint | null> => {
    const next = last.catch(() => null).then(() => db.queries.uncounted(() => takeCheckpoint(db, domain, signer, sink)));
    last = next;
    return next;
  };
  const failed = (error: unknown) => log(`${domain}: audit checkpoint failed: ${String(error)}`);
  const timer = setInterval(() => void round().catch(failed), config.intervalSeconds * 1000);
  timer.unref();
  // One round as soon as the service is up: what its start wrote (a first seeding, migrations) is anchored at once,
  // not an interval later, and an idle platform then has nothing left to sign.
  const first = setTimeout(() => void round().catch(failed), FIRST_ROUND_DELAY_MS);
  first.unref();
  return {
    now: round,
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await round().catch((error: unknown) => log(`${domain}: the last audit checkpoint failed: ${String(error)}`));
    },
  };
}

export type CheckpointFindingCode =
  | 'CHAIN_REWRITTEN'
  | 'CHAIN_TRUNCATED'
  | 'DATABASE_ROLLED_BACK'
  | 'CHAIN_PRUNED_EARLY'
  | 'CHECKPOINTS_MISSING'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_KEY_UNTRUSTED'
  | 'CHECKPOINT_MALFORMED'
  | 'CHECKPOINT_SEQUENCE_GAP';

export interface CheckpointFinding {
  code: CheckpointFindingCode;
  writer?: string;
  message: string;
}

export interface CheckpointReport {
  where: string;
  /** The latest checkpoint whose signature holds; null when there is none. */
  latest: Checkpoint | null;
  /** Valid checkpoints read. */
  checkpoints: number;
  findings: CheckpointFinding[];
}

function isCheckpoint(value: unknown): value is Checkpoint {
  const c = value as Checkpoint;
  return (
    !!c && c.v === 1 && typeof c.domain === 'string' && Number.isInteger(c.n) && typeof c.at === 'string' && typeof c.keyId === 'string' && typeof c.sig === 'string' &&
    Array.isArray(c.chains) && c.chains.every((h) => typeof h?.writer === 'string' && Number.isInteger(h.seq) && typeof h.hash === 'string')
  );
}

/** The stored checkpoints with valid signatures by trusted keys, in order, and what is wrong with the others. */
export function readCheckpoints(lines: readonly string[], source: string, domain: string, trusted: ReadonlyMap<string, KeyObject>): { valid: Checkpoint[]; findings: CheckpointFinding[] } {
  const valid: Checkpoint[] = [];
  const findings: CheckpointFinding[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const where = `${source} entry ${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      findings.push({ code: 'CHECKPOINT_MALFORMED', message: `${where} is not JSON.` });
      return;
    }
    if (!isCheckpoint(parsed) || parsed.domain !== domain) {
      findings.push({ code: 'CHECKPOINT_MALFORMED', message: `${where} is not a checkpoint of ${domain}.` });
      return;
    }
    const key = trusted.get(parsed.keyId);
    if (!key) {
      findings.push({ code: 'CHECKPOINT_KEY_UNTRUSTED', message: `${where} (checkpoint #${parsed.n}) is signed by key ${parsed.keyId}, which is not trusted here (AUDIT_CHECKPOINT_TRUSTED_KEYS lists retired keys).` });
      return;
    }
    const { sig, ...body } = parsed;
    if (!verifySignature(key, canonicalCheckpoint(body), sig)) {
      findings.push({ code: 'CHECKPOINT_SIGNATURE_INVALID', message: `${where} (checkpoint #${parsed.n}) does not match its signature: it was edited.` });
      return;
    }
    const expected = (valid[valid.length - 1]?.n ?? 0) + 1;
    if (parsed.n !== expected) findings.push({ code: 'CHECKPOINT_SEQUENCE_GAP', message: `${where} is checkpoint #${parsed.n} where #${expected} was due: checkpoints were removed or replayed.` });
    valid.push(parsed);
  });
  return { valid, findings };
}

/**
 * Records appended after a signed head may carry a request time a little before the checkpoint's `at` (the audit
 * writer queues them) and replicas' clocks differ: a pruned base is held to the retention period with this slack.
 */
const PRUNE_SLACK_MS = 3600 * 1000;

export interface VerifyCheckpointOptions {
  /** AUDIT_RETENTION_DAYS: with it, a chain pruned past a checkpoint younger than the retention period is a finding. */
  retentionDays?: number;
  /** @default new Date() */
  now?: Date;
}

/** Holds the domain database's chains to the latest valid checkpoint in `sink`; the findings are empty when it holds. */
export async function verifyCheckpoints(em: EntityManager, domain: string, sink: CheckpointSink, trusted: ReadonlyMap<string, KeyObject>, options: VerifyCheckpointOptions = {}): Promise<CheckpointReport> {
  const source = path.basename(sink.where);
  const { valid, findings } = readCheckpoints(await sink.lines(), source, domain, trusted);
  const latest = valid[valid.length - 1] ?? null;
  const report: CheckpointReport = { where: sink.where, latest, checkpoints: valid.length, findings };
  const anchor = await em.findOne(AuditAnchor, { domain }, { disableIdentityMap: true });
  const noted = anchor?.checkpoint ?? 0;
  if (noted > (latest?.n ?? 0)) {
    findings.push({ code: 'CHECKPOINTS_MISSING', message: `the ${domain} database took part in checkpoint #${noted}, but ${source} ends at ${latest ? `#${latest.n}` : 'nothing'}: checkpoints were removed.` });
  }
  if (!latest) return report;
  const restored = noted < latest.n;
  for (const signed of latest.chains) {
    const chain = await em.findOne(AuditChain, { writer: signed.writer }, { disableIdentityMap: true });
    const headSeq = chain?.headSeq ?? 0;
    const at = `#${signed.seq} of chain ${signed.writer} (checkpoint #${latest.n}, ${latest.at})`;
    if (headSeq < signed.seq) {
      findings.push(
        restored
          ? { code: 'DATABASE_ROLLED_BACK', writer: signed.writer, message: `the chain ends at #${headSeq}, before ${at}, and the database knows only checkpoint #${noted}: an older copy of the database was restored.` }
          : { code: 'CHAIN_TRUNCATED', writer: signed.writer, message: `the chain ends at #${headSeq}, before ${at}: records after #${headSeq} were cut off.` },
      );
      continue;
    }
    if (signed.seq === 0 || !chain) continue; // nothing signed yet
    if (signed.seq < chain.baseSeq) {
      // Pruned since: legitimate only if the new base record (appended after the checkpoint) is past the retention period.
      const cutoff = options.retentionDays === undefined ? null : (options.now ?? new Date()).getTime() - options.retentionDays * 24 * 3600 * 1000;
      if (cutoff !== null && Date.parse(latest.at) - PRUNE_SLACK_MS > cutoff) {
        findings.push({ code: 'CHAIN_PRUNED_EARLY', writer: signed.writer, message: `the chain's base is #${chain.baseSeq}, past ${at}, but records appended after that checkpoint are within the ${options.retentionDays}-day retention period and cannot have been pruned: records were removed.` });
      }
      continue;
    }
    const hash = signed.seq === chain.baseSeq ? chain.baseHash : (await em.findOne(AuditRecord, { writer: signed.writer, seq: signed.seq }, { fields: ['hash'], disableIdentityMap: true }))?.hash;
    if (hash !== signed.hash) {
      findings.push(
        restored
          ? { code: 'DATABASE_ROLLED_BACK', writer: signed.writer, message: `${at} is ${hash ? 'another record' : 'gone'} and the database knows only checkpoint #${noted}: an older copy was restored and written to since.` }
          : { code: 'CHAIN_REWRITTEN', writer: signed.writer, message: `${at} is ${hash ? 'another record (its hash differs from the signed one)' : 'gone'}: the chain was rewritten.` },
      );
    }
  }
  return report;
}
