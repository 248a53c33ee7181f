/**
 * The security officers' policy workflow: every edit stores a new version of the whole policy document (never
 * overwriting one), which moves draft → in review → approved → active. Four eyes: the author cannot approve.
 * A version that opens NOT_SHARED fields beyond their owner needs the owner's security officer to co-sign, and
 * a version whose tests fail is not approved. Activation bumps the change counter that every subgraph watches.
 */
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import {
  isRecognisedGovernment,
  runPolicyTests,
  validateDocument,
  type CosignRequirement,
  type PolicyProblem,
  type PolicyTest,
  type Principal,
  type RolePolicy,
} from '../../auth';
import { auditUnavailable, badInput, ErrorCode } from '../kit/errors';
import type { AuditCollector } from '../kit/audit/collector';
import type { EntityManager } from '../kit/orm';
import { bumpPolicyState, hashOf } from '../kit/policy-store';
import { recordEvents } from '../kit/outbox';
import { conflict, notFound } from '../kit/writes';
import { PolicyEventRecord, PolicyVersionRecord, type PolicyVersionRow } from './entities';
import { fieldKinds } from './explain';
import { PLATFORM_CATALOGUE, PLATFORM_EVENTS } from '../platform-catalogue';

export type PolicyState = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'ACTIVE' | 'SUPERSEDED' | 'REJECTED';

export interface Cosignature extends CosignRequirement {
  signedBy: string | null;
  signedAt: string | null;
  reason: string | null;
  /** sha256 of every rule that opens this department's NOT_SHARED fields, with who it opens them to. */
  fingerprint?: string;
}

/**
 * What an owner consents to when co-signing: the exact overriding rules touching its fields, and to whom.
 * A later edit that leaves them as they were keeps the signature; any change to them needs a new one.
 */
function consentFingerprint(policies: readonly RolePolicy[], owner: string): string {
  const relevant = policies.flatMap((p) =>
    p.rules
      .filter((r) => r.overrideNotShared === true && ([] as string[]).concat(r.subject as string[]).some((s) => ([] as string[]).concat((r.fields ?? []) as string[]).some((f) => PLATFORM_CATALOGUE[s]?.fields[f]?.owner === owner)))
      .map((r) => ({ dept: p.dept, role: p.role, rule: r })),
  );
  return hashOf(JSON.stringify(relevant));
}

const MAX_DOCUMENT_BYTES = 512 * 1024;
const MAX_REASON = 2000;

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden } });
}

/** Only security officers edit policies; auditors and everyone else read at most. */
export function requireSecurityOfficer(principal: Principal | undefined, doing: string): Principal & { dept: string } {
  if (!principal || !isRecognisedGovernment(principal) || !principal.roles.includes('security-officer')) {
    const auditor = principal?.roles.includes('auditor');
    throw forbidden(`Only security officers may ${doing}${auditor ? '; auditors read policies and their history but change nothing' : ''}.`);
  }
  return principal as Principal & { dept: string };
}

export function reasonOf(reason: string | null | undefined, argument = 'reason', required = true): string | null {
  const text = reason?.trim() ?? '';
  if (text === '') {
    if (required) throw badInput(argument, 'say why: every change to what is in force is recorded with its reason.');
    return null;
  }
  if (text.length > MAX_REASON) throw badInput(argument, `at most ${MAX_REASON} characters.`);
  return text;
}

export function validationError(problems: PolicyProblem[]): GraphQLError {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join(' ');
  return new GraphQLError(`The policy document is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${shown}${problems.length > 5 ? ' …' : ''}`, {
    extensions: { code: ErrorCode.BadUserInput, argumentName: 'policies', problems },
  });
}

/** Validates a document and its tests against the catalogue and the graph. */
export function validate(policies: string, tests: string) {
  if (Buffer.byteLength(policies) > MAX_DOCUMENT_BYTES || Buffer.byteLength(tests) > MAX_DOCUMENT_BYTES) {
    return { policies: [], tests: [], problems: [{ path: 'policies', message: `A policy document and its tests are at most ${MAX_DOCUMENT_BYTES / 1024} KiB each.` }], cosignaturesRequired: [] };
  }
  return validateDocument(policies, tests, PLATFORM_CATALOGUE, fieldKinds);
}

export function policiesOf(row: PolicyVersionRow): RolePolicy[] {
  return JSON.parse(row.document) as RolePolicy[];
}

export function testsOf(row: PolicyVersionRow): PolicyTest[] {
  return JSON.parse(row.tests) as PolicyTest[];
}

export function cosignaturesOf(row: PolicyVersionRow): Cosignature[] {
  return JSON.parse(row.cosignatures) as Cosignature[];
}

export function testRunOf(row: PolicyVersionRow) {
  const results = runPolicyTests(policiesOf(row), testsOf(row), PLATFORM_CATALOGUE);
  const failed = results.filter((r) => !r.passed).length;
  return { version: row.number, passed: results.length - failed, failed, results };
}

async function versionOrFail(em: EntityManager, number: number): Promise<PolicyVersionRow> {
  const row = await em.findOne(PolicyVersionRecord, { number }, { disableIdentityMap: true });
  if (!row) throw notFound('PolicyVersion', String(number));
  return row;
}

async function activeVersion(em: EntityManager): Promise<PolicyVersionRow> {
  const row = await em.findOne(PolicyVersionRecord, { state: 'ACTIVE' }, { disableIdentityMap: true });
  if (!row) throw new Error('The governance database has no active policy version.');
  return row;
}

/** A workflow step's request: its entity manager, caller and audit collector. */
export interface Step {
  em: EntityManager;
  principal?: Principal;
  audit?: AuditCollector;
}

const STEP_FIELDS = { policy: { type: 'PolicyVersion', fields: ['state', 'history'] }, grant: { type: 'GrantRequest', fields: ['state', 'history'] } } as const;

/**
 * Records a step in the workflow history and, in the same transaction, in the audit trail (kind `policy`):
 * no record, no change.
 */
async function record(em: EntityManager, step: Step, actor: Principal, subjectId: string, action: string, fromState: string | null, toState: string, reason: string | null, subjectKind: 'policy' | 'grant' = 'policy'): Promise<void> {
  await em.insert(PolicyEventRecord, { id: randomUUID(), subjectKind, subjectId, at: new Date(), actor: actor.sub, actorDept: actor.dept ?? '', action, fromState, toState, reason });
  const audit = step.audit;
  if (!audit) return;
  const { type, fields } = STEP_FIELDS[subjectKind];
  try {
    await audit.writer.appendIn(em, audit.writeEntry('policy', [{ type, fields: [...fields] }], { id: subjectId }));
  } catch {
    throw auditUnavailable(`the audit trail could not record this ${subjectKind === 'policy' ? 'policy' : 'sharing'} step`);
  }
  // Its domain event, after the audit record (the lock order of every write): GrantApproved, PolicyActivated.
  const event = `${subjectKind === 'policy' ? 'Policy' : 'Grant'}${STEP_EVENTS[action]}`;
  if (!PLATFORM_EVENTS[event]) throw new Error(`The ${action} step records ${event}, which the event catalogue does not declare.`);
  await recordEvents(em, 'governance', { sub: actor.sub, dept: actor.dept ?? null }, [{ type: event, entityType: type, recordId: subjectId, version: null, fields: { state: toState } }]);
}

/** Workflow actions as the events they record, in the past tense. */
const STEP_EVENTS: Readonly<Record<string, string>> = {
  request: 'Requested',
  draft: 'Drafted',
  restore: 'Restored',
  submit: 'Submitted',
  approve: 'Approved',
  reject: 'Rejected',
  cosign: 'Cosigned',
  activate: 'Activated',
  revoke: 'Revoked',
  supersede: 'Superseded',
};
export { record as recordEvent };

/** Moves a version from one state to another, or fails with CONFLICT if someone moved it first. */
async function move(em: EntityManager, row: PolicyVersionRow, to: PolicyState, changes: Partial<PolicyVersionRow> = {}): Promise<void> {
  const moved = await em.nativeUpdate(PolicyVersionRecord, { number: row.number, state: row.state }, { ...changes, state: to, stateChangedAt: new Date() });
  if (moved !== 1) throw conflict(`Policy version ${row.number} changed while you were acting on it; reload it and try again.`, null);
}

function refuseState(row: PolicyVersionRow, doing: string, allowed: PolicyState[]): never {
  throw conflict(`Policy version ${row.number} is ${row.state}; only a version that is ${allowed.join(' or ')} can be ${doing}.`, null);
}

async function nextNumber(em: EntityManager): Promise<number> {
  const [last] = await em.find(PolicyVersionRecord, {}, { orderBy: { number: 'desc' }, limit: 1, disableIdentityMap: true });
  return (last?.number ?? 0) + 1;
}

async function storeDraft(step: Step, author: Principal & { dept: string }, input: { basedOn: number; document: string; tests: string; reason: string; carryFrom?: PolicyVersionRow }): Promise<PolicyVersionRow> {
  const checked = validate(input.document, input.tests);
  if (checked.problems.length) throw validationError(checked.problems);
  // Stored pretty and canonical, so diffs between versions read line by line.
  const document = JSON.stringify(checked.policies, null, 2);
  const tests = JSON.stringify(checked.tests, null, 2);
  const carried = input.carryFrom ? cosignaturesOf(input.carryFrom) : [];
  const cosignatures: Cosignature[] = checked.cosignaturesRequired.map((c) => {
    const fingerprint = consentFingerprint(checked.policies, c.dept);
    const earlier = carried.find((e) => e.dept === c.dept && e.signedBy && e.fingerprint === fingerprint);
    return earlier ? { ...c, fingerprint, signedBy: earlier.signedBy, signedAt: earlier.signedAt, reason: `carried over from version ${input.carryFrom?.number}: ${earlier.reason ?? ''}` } : { ...c, fingerprint, signedBy: null, signedAt: null, reason: null };
  });
  const now = new Date();
  try {
    return await step.em.transactional(async (tx) => {
      const number = await nextNumber(tx);
      const row = { number, state: 'DRAFT', basedOn: input.basedOn, author: author.sub, authorDept: author.dept, reason: input.reason, createdAt: now, document, tests, hash: hashOf(document, tests), cosignatures: JSON.stringify(cosignatures), stateChangedAt: now };
      await tx.insert(PolicyVersionRecord, row);
      await record(tx, step, author, String(number), 'draft', null, 'DRAFT', input.reason);
      return row as PolicyVersionRow;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('Another version was stored at the same moment; save again.', null);
    throw error;
  }
}

export async function draftVersion(step: Step, input: { basedOn?: number | null; policies: string; tests?: string | null; reason: string }): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const author = requireSecurityOfficer(principal, 'edit policies');
  const reason = reasonOf(input.reason) as string;
  const base = input.basedOn == null ? await activeVersion(em) : await versionOrFail(em, input.basedOn);
  return storeDraft(step, author, { basedOn: base.number, document: input.policies, tests: input.tests ?? base.tests, reason, carryFrom: base.state === 'ACTIVE' || base.state === 'SUPERSEDED' || base.state === 'APPROVED' ? base : undefined });
}

/** A new draft with the content of an earlier version, based on the active one; it goes through review too. */
export async function restoreVersion(step: Step, number: number, reasonText: string): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const author = requireSecurityOfficer(principal, 'restore policy versions');
  const reason = reasonOf(reasonText) as string;
  const old = await versionOrFail(em, number);
  const active = await activeVersion(em);
  return storeDraft(step, author, { basedOn: active.number, document: old.document, tests: old.tests, reason: `Restores version ${number}: ${reason}` });
}

export async function submitVersion(step: Step, number: number, reasonText?: string | null): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const actor = requireSecurityOfficer(principal, 'submit policy versions');
  const reason = reasonOf(reasonText, 'reason', false);
  return em.transactional(async (tx) => {
    const row = await versionOrFail(tx, number);
    if (row.state !== 'DRAFT') refuseState(row, 'submitted for review', ['DRAFT']);
    await move(tx, row, 'IN_REVIEW');
    await record(tx, step, actor, String(number), 'submit', row.state, 'IN_REVIEW', reason);
    return versionOrFail(tx, number);
  });
}

async function refuseStale(tx: EntityManager, row: PolicyVersionRow, doing: string): Promise<void> {
  const active = await activeVersion(tx);
  if (row.basedOn !== active.number) {
    throw conflict(
      `Policy version ${row.number} was edited from version ${row.basedOn ?? 'none'}, but version ${active.number} is active now; ${doing} it would undo that change. Draft the edit again from version ${active.number}.`,
      active.number,
    );
  }
}

export async function approveVersion(step: Step, number: number, reasonText?: string | null): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const actor = requireSecurityOfficer(principal, 'approve policy versions');
  const reason = reasonOf(reasonText, 'reason', false);
  return em.transactional(async (tx) => {
    const row = await versionOrFail(tx, number);
    if (row.state !== 'IN_REVIEW') refuseState(row, 'approved', ['IN_REVIEW']);
    if (row.author === actor.sub) throw forbidden(`Four eyes: you wrote policy version ${number}, so another security officer must approve it.`);
    await refuseStale(tx, row, 'approving');
    // The catalogue may have changed since the draft was stored: check again.
    const checked = validate(row.document, row.tests);
    if (checked.problems.length) throw validationError(checked.problems);
    const missing = cosignaturesOf(row).filter((c) => !c.signedBy);
    if (missing.length) {
      throw forbidden(`Policy version ${number} opens NOT_SHARED fields (${missing.map((c) => `${c.fields.join(', ')} of ${c.dept}`).join('; ')}); a security officer of ${missing.map((c) => c.dept).join(' and ')} must co-sign before it is approved.`);
    }
    const run = testRunOf(row);
    if (run.failed > 0) {
      const failing = run.results.filter((r) => !r.passed).slice(0, 3).map((r) => `"${r.name}" expected ${r.expected}, got ${r.actual}`).join('; ');
      throw new GraphQLError(`Policy version ${number} fails ${run.failed} of its ${run.results.length} tests (${failing}); fix the policies or the tests in a new draft.`, {
        extensions: { code: ErrorCode.BadUserInput, argumentName: 'number', failedTests: run.results.filter((r) => !r.passed) },
      });
    }
    await move(tx, row, 'APPROVED');
    await record(tx, step, actor, String(number), 'approve', row.state, 'APPROVED', reason);
    return versionOrFail(tx, number);
  });
}

export async function rejectVersion(step: Step, number: number, reasonText: string): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const actor = requireSecurityOfficer(principal, 'reject policy versions');
  const reason = reasonOf(reasonText) as string;
  return em.transactional(async (tx) => {
    const row = await versionOrFail(tx, number);
    if (!['DRAFT', 'IN_REVIEW', 'APPROVED'].includes(row.state)) refuseState(row, 'rejected', ['DRAFT', 'IN_REVIEW', 'APPROVED']);
    await move(tx, row, 'REJECTED');
    await record(tx, step, actor, String(number), 'reject', row.state, 'REJECTED', reason);
    return versionOrFail(tx, number);
  });
}

export async function cosignVersion(step: Step, number: number, reasonText: string): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const actor = requireSecurityOfficer(principal, 'co-sign policy versions');
  const reason = reasonOf(reasonText) as string;
  return em.transactional(async (tx) => {
    const row = await versionOrFail(tx, number);
    if (row.state !== 'DRAFT' && row.state !== 'IN_REVIEW') refuseState(row, 'co-signed', ['DRAFT', 'IN_REVIEW']);
    const cosignatures = cosignaturesOf(row);
    const mine = cosignatures.find((c) => c.dept === actor.dept);
    if (!mine) {
      const needed = cosignatures.map((c) => c.dept);
      throw forbidden(`Policy version ${number} ${needed.length ? `needs co-signatures from ${needed.join(', ')} only` : 'opens no NOT_SHARED field and needs no co-signature'}; your department (${actor.dept}) has nothing to co-sign.`);
    }
    if (mine.signedBy) throw conflict(`${mine.signedBy} already co-signed policy version ${number} for ${actor.dept}.`, null);
    mine.signedBy = actor.sub;
    mine.signedAt = new Date().toISOString();
    mine.reason = reason;
    await move(tx, row, row.state as PolicyState, { cosignatures: JSON.stringify(cosignatures) });
    await record(tx, step, actor, String(number), 'cosign', row.state, row.state, reason);
    return versionOrFail(tx, number);
  });
}

export async function activateVersion(step: Step, number: number, reasonText?: string | null): Promise<PolicyVersionRow> {
  const { em, principal } = step;
  const actor = requireSecurityOfficer(principal, 'activate policy versions');
  const reason = reasonOf(reasonText, 'reason', false);
  return em.transactional(async (tx) => {
    const row = await versionOrFail(tx, number);
    if (row.state !== 'APPROVED') refuseState(row, 'activated', ['APPROVED']);
    await refuseStale(tx, row, 'activating');
    const active = await activeVersion(tx);
    await move(tx, active, 'SUPERSEDED');
    await record(tx, step, actor, String(active.number), 'supersede', 'ACTIVE', 'SUPERSEDED', `Replaced by version ${number}.`);
    await move(tx, row, 'ACTIVE');
    await record(tx, step, actor, String(number), 'activate', row.state, 'ACTIVE', reason);
    await bumpPolicyState(tx);
    return versionOrFail(tx, number);
  });
}
