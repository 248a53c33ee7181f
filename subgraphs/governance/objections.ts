/**
 * Data objections (数据异议, 政务数据共享条例): a department that uses another's data and finds a value wrong says so,
 * with the value it believes right and its evidence; the providing (owning) department checks it within
 * OBJECTION_DEADLINE_DAYS working days and either corrects the record through its own write path (CORRECTED, naming
 * the record version that carries the correction) or rejects the objection with its reasons (REJECTED). Every step
 * is audited and records its domain event in the same transaction, which is how the objector learns the outcome
 * (the change feed). The record itself is never written here: only its owner writes its data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isDepartment, isRecognisedGovernment, type Principal } from '../../auth';
import { objectionDeadlineConfig } from '../kit/config';
import { auditUnavailable, badInput } from '../kit/errors';
import type { EntityManager } from '../kit/orm';
import { recordEvents } from '../kit/outbox';
import { restrict } from '../kit/scope';
import { conflict, IdempotencyRecord, notFound, updateVersioned } from '../kit/writes';
import { PLATFORM_CATALOGUE, PLATFORM_EVENTS } from '../platform-catalogue';
import { deadlineFrom, lastOverdueStart, type Deadline } from './deadlines';
import { ObjectionRecord, type ObjectionRow } from './entities';
import type { GovernanceContext } from './loaders';
import { forbidden, reasonOf } from './policy-versions';

export type ObjectionState = 'OPEN' | 'CORRECTED' | 'REJECTED';

/** Read once when the service starts: a bad OBJECTION_DEADLINE_DAYS fails the start with a ConfigError. */
export const OBJECTION_DEADLINE_DAYS: number = objectionDeadlineConfig();

/** The fields a step writes: what its audit record names. */
const RAISED_FIELDS = ['id', 'recordKey', 'field', 'proposedValue', 'evidence', 'reason', 'objectorDept', 'objector', 'ownerDept', 'state', 'createdAt', 'version'];
const RESOLVED_FIELDS = ['state', 'resolutionReason', 'correctionVersion', 'correctedBy', 'resolvedBy', 'resolvedAt', 'version'];
const RECORD_KEY = /^([A-Z][A-Za-z0-9]{0,63}):([A-Za-z0-9._:,-]{1,95})$/;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const RESOLVER_ROLES = ['officer', 'security-officer'];
const MAX_TEXT = 2000;

/** Open and past its due date, or not: `now` decides, nothing is stored. */
export function objectionDeadline(row: Pick<ObjectionRow, 'state' | 'createdAt'>, now: Date, days = OBJECTION_DEADLINE_DAYS): Deadline | null {
  return row.state === 'OPEN' ? deadlineFrom(row.createdAt, days, now) : null;
}

export interface ObjectionFilter {
  state?: ObjectionState | null;
  ownerDept?: string | null;
  objectorDept?: string | null;
  overdue?: boolean | null;
}

/** Storage filter of a list filter: overdue becomes a bound on the creation instant (China's start of a day). */
export function objectionWhere(filter: ObjectionFilter | null | undefined, now: Date, days = OBJECTION_DEADLINE_DAYS): Record<string, unknown> {
  const parts: Record<string, unknown>[] = [];
  if (filter?.state) parts.push({ state: filter.state });
  if (filter?.ownerDept) parts.push({ ownerDept: filter.ownerDept });
  if (filter?.objectorDept) parts.push({ objectorDept: filter.objectorDept });
  if (filter?.overdue != null) {
    const last = lastOverdueStart(days, now);
    const cutoff = new Date(Date.parse(`${last}T00:00:00+08:00`) + 86_400_000);
    parts.push(filter.overdue ? { state: 'OPEN', createdAt: { $lt: cutoff } } : { $or: [{ state: { $ne: 'OPEN' } }, { createdAt: { $gte: cutoff } }] });
  }
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts };
}

export interface ObjectionCount {
  ownerDept: string;
  open: number;
  dueToday: number;
  overdue: number;
}

/** Per owning department, the open objections among `rows`, due today and overdue; ordered by department. */
export function objectionCounts(rows: readonly Pick<ObjectionRow, 'state' | 'createdAt' | 'ownerDept'>[], now: Date, days = OBJECTION_DEADLINE_DAYS): ObjectionCount[] {
  const byDept = new Map<string, ObjectionCount>();
  for (const row of rows) {
    const deadline = objectionDeadline(row, now, days);
    if (!deadline) continue;
    const count = byDept.get(row.ownerDept) ?? { ownerDept: row.ownerDept, open: 0, dueToday: 0, overdue: 0 };
    count.open += 1;
    if (deadline.dueToday) count.dueToday += 1;
    if (deadline.overdue) count.overdue += 1;
    byDept.set(row.ownerDept, count);
  }
  return [...byDept.values()].sort((a, b) => (a.ownerDept < b.ownerDept ? -1 : a.ownerDept > b.ownerDept ? 1 : 0));
}

function text(value: string | null | undefined, argument: string, min: number, what: string): string {
  const t = value?.trim() ?? '';
  if (t.length < min) throw badInput(argument, `${what} (at least ${min} character${min === 1 ? '' : 's'}).`);
  if (t.length > MAX_TEXT) throw badInput(argument, `at most ${MAX_TEXT} characters.`);
  return t;
}

/** The catalogued type and field objected to, and the department that owns the field. */
export function objectedField(recordKey: string, field: string): { recordKey: string; type: string; field: string; ownerDept: string } {
  const key = recordKey.trim();
  const match = RECORD_KEY.exec(key);
  if (!match) throw badInput('recordKey', 'name the record as Type:id, e.g. Person:P0000001.');
  const typeName = match[1]!;
  const type = PLATFORM_CATALOGUE[typeName];
  if (!type || type.extension || !isDepartment(type.owner)) throw badInput('recordKey', `${typeName} is not a type in the resource catalogue owned by a department.`);
  const entry = Object.hasOwn(type.fields, field) ? type.fields[field] : undefined;
  if (!entry) throw badInput('field', `${typeName}.${field} is not in the resource catalogue; object to one of its catalogued fields.`);
  if (!isDepartment(entry.owner)) throw badInput('field', `${typeName}.${field} has no owning department to answer an objection.`);
  return { recordKey: key, type: typeName, field, ownerDept: entry.owner };
}

/** Sortable by creation time, unguessable. */
function newObjectionId(now: Date): string {
  return `OB-${String(now.getTime()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function nowOf(ctx: GovernanceContext): Date {
  return ctx.now?.() ?? new Date();
}

/** The audit record of a step (kind `write`, the Objection fields it wrote), then its domain event: that lock order. */
async function recordStep(tx: EntityManager, ctx: GovernanceContext, actor: Principal, row: ObjectionRow, event: string, written: readonly string[], at: Date): Promise<void> {
  const audit = ctx.audit;
  if (audit) {
    try {
      await audit.writer.appendIn(tx, audit.writeEntry('write', [{ type: 'Objection', fields: written }], row));
    } catch {
      throw auditUnavailable('the audit trail could not record this objection step');
    }
  }
  const fields = {
    state: row.state,
    recordKey: row.recordKey,
    field: row.field,
    objectorDept: row.objectorDept,
    ownerDept: row.ownerDept,
    ...(row.state === 'OPEN' ? { proposedValue: row.proposedValue } : { resolutionReason: row.resolutionReason, correctionVersion: row.correctionVersion, resolvedBy: row.resolvedBy }),
  };
  if (PLATFORM_EVENTS[event]?.type !== 'Objection') throw new Error(`An objection step records ${event}, which the event catalogue does not declare for Objection.`);
  await recordEvents(tx, 'governance', { sub: actor.sub, dept: actor.dept ?? null }, [{ type: event, entityType: 'Objection', recordId: row.id, version: row.version, fields }], at);
}

export interface ObjectionInput {
  recordKey: string;
  field: string;
  proposedValue: string;
  evidence: string;
  reason: string;
}

export async function raiseObjection(ctx: GovernanceContext, input: ObjectionInput, idempotencyKey: string | null | undefined): Promise<ObjectionRow> {
  const principal = ctx.auth?.principal;
  if (!principal || !isRecognisedGovernment(principal)) {
    throw forbidden('Objections to shared data are raised by government departments that use it; sign in with a government account.');
  }
  const objectorDept = principal.dept as string;
  const target = objectedField(input.recordKey, input.field);
  if (target.ownerDept === objectorDept) {
    throw badInput('field', `${target.type}.${target.field} belongs to your own department (${objectorDept}); correct it through your own write path instead.`);
  }
  const proposedValue = text(input.proposedValue, 'proposedValue', 1, 'give the value you believe is right');
  const evidence = text(input.evidence, 'evidence', 3, 'say what shows it: a document, a register, a case number');
  const reason = text(input.reason, 'reason', 3, 'say why the shared value is wrong');
  if (idempotencyKey != null && !KEY.test(idempotencyKey)) throw badInput('idempotencyKey', 'use 8 to 128 letters, digits, dots, underscores, colons or hyphens, e.g. a UUID.');
  const keyId = idempotencyKey == null ? null : sha256(JSON.stringify([principal.sub, 'raiseObjection', idempotencyKey]));
  const requestHash = sha256(JSON.stringify({ ...target, proposedValue, evidence, reason }));
  const now = nowOf(ctx);
  return ctx.em.fork().transactional(async (tx) => {
    if (keyId) {
      const previous = await tx.findOne(IdempotencyRecord, { id: keyId }, { disableIdentityMap: true });
      if (previous && previous.resultType === 'Objection' && previous.resultKey) {
        if (previous.requestHash !== requestHash) throw conflict(`The idempotency key "${idempotencyKey}" was already used for a different objection; use a new key for a new objection.`, null);
        // The first answer, read again under the caller's row rules of the moment.
        const [id] = JSON.parse(previous.resultKey) as string[];
        const scoped = restrict({ id }, ctx.data.visible(ObjectionRecord));
        const row = scoped && (await tx.findOne(ObjectionRecord, scoped as never, { disableIdentityMap: true }));
        if (!row) throw notFound('Objection', String(id));
        return row as ObjectionRow;
      }
      if (previous) await tx.nativeDelete(IdempotencyRecord, { id: keyId });
    }
    const row: ObjectionRow = {
      id: newObjectionId(now),
      recordKey: target.recordKey,
      field: target.field,
      proposedValue,
      evidence,
      reason,
      objectorDept,
      objector: principal.sub,
      ownerDept: target.ownerDept,
      state: 'OPEN',
      resolutionReason: null,
      correctionVersion: null,
      correctedBy: null,
      resolvedBy: null,
      createdAt: now,
      resolvedAt: null,
      version: 1,
    };
    await tx.insert(ObjectionRecord, row);
    if (keyId) await tx.insert(IdempotencyRecord, { id: keyId, operation: 'raiseObjection', requestHash, result: '', resultType: 'Objection', resultKey: JSON.stringify([row.id]), createdAt: new Date() });
    await recordStep(tx, ctx, principal, row, 'ObjectionRaised', RAISED_FIELDS, now);
    return row;
  });
}

export interface Resolution {
  id: string;
  outcome: 'CORRECTED' | 'REJECTED';
  reason?: string | null;
  correctionVersion?: number | null;
  expectedVersion: number;
}

function requireOwnerOfficer(principal: Principal | undefined, row: ObjectionRow): Principal {
  if (!principal || !isRecognisedGovernment(principal) || principal.dept !== row.ownerDept || !principal.roles.some((r) => RESOLVER_ROLES.includes(r))) {
    throw forbidden(`Only an officer of ${row.ownerDept}, which provides ${row.recordKey.split(':')[0]}.${row.field}, may resolve objection ${row.id}.`);
  }
  return principal;
}

export async function resolveObjection(ctx: GovernanceContext, input: Resolution): Promise<ObjectionRow> {
  const principal = ctx.auth?.principal;
  if (!principal || principal.kind !== 'government') throw forbidden('Objections are resolved by officers of the department that provides the data.');
  let reason: string | null;
  let correctionVersion: number | null = null;
  if (input.outcome === 'CORRECTED') {
    // Version 1 is the record as first written; a correction makes a later one.
    if (input.correctionVersion == null || !Number.isInteger(input.correctionVersion) || input.correctionVersion < 2) {
      throw badInput('correctionVersion', 'give the version of the record that carries the correction (the version your write returned, 2 or more); correct the record through your department\'s write path first.');
    }
    correctionVersion = input.correctionVersion;
    reason = reasonOf(input.reason, 'reason', false);
  } else {
    if (input.correctionVersion != null) throw badInput('correctionVersion', 'only a CORRECTED outcome names a corrected version.');
    reason = text(input.reason, 'reason', 3, 'say why the data stands: the objecting department sees it');
  }
  const now = nowOf(ctx);
  return ctx.em.fork().transactional(async (tx) => {
    const current = await tx.findOne(ObjectionRecord, { id: input.id }, { disableIdentityMap: true });
    if (!current) throw notFound('Objection', input.id);
    const actor = requireOwnerOfficer(principal, current);
    if (current.state !== 'OPEN') {
      throw conflict(`Objection ${current.id} was already resolved: ${current.state}${current.resolvedBy ? ` by ${current.resolvedBy} at ${current.resolvedAt?.toISOString()}` : ''}.`, current.version);
    }
    const changes = {
      state: input.outcome,
      resolutionReason: reason,
      correctionVersion,
      correctedBy: input.outcome === 'CORRECTED' ? actor.sub : null,
      resolvedBy: actor.sub,
      resolvedAt: now,
    };
    // The version guards a concurrent resolution too: only one of two can move version n to n + 1.
    const row = (await updateVersioned(tx, ObjectionRecord, { id: current.id }, current.id, input.expectedVersion, changes)) as ObjectionRow;
    await recordStep(tx, ctx, actor, row, input.outcome === 'CORRECTED' ? 'ObjectionCorrected' : 'ObjectionRejected', RESOLVED_FIELDS, now);
    return row;
  });
}

