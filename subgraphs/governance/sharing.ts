/**
 * Conditional sharing (按需申请、审核授权): a department asks the owner of CONDITIONAL fields for them, stating
 * purpose, legal basis, scope and an end date; the owner's security officer approves or rejects with a reason.
 * An approved request is a grant: in force at once, bound to its purpose (X-Purpose), over by itself at the end
 * of its last day. Every step is recorded; pending requests show their age.
 */
import { randomBytes } from 'node:crypto';
import { isRecognisedGovernment, isRegionCode, type Principal } from '../../auth';
import { badInput } from '../kit/errors';
import type { EntityManager } from '../kit/orm';
import { bumpPolicyState, type GrantScopeItem } from '../kit/policy-store';
import { isCalendarDate, todayInChina } from '../kit/scalars';
import { conflict, notFound } from '../kit/writes';
import { GrantRequestRecord, type GrantRequestRow } from './entities';
import { PLATFORM_CATALOGUE } from '../platform-catalogue';
import { forbidden, reasonOf, recordEvent, type Step } from './policy-versions';

export type GrantState = 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED' | 'EXPIRED';

/** The longest a grant may run: conditional sharing is reviewed at least once a year. */
export const MAX_GRANT_DAYS = 366;
const REQUESTER_ROLES = ['officer', 'security-officer'];

export interface GrantRequestInput {
  scope: { type: string; fields: string[] }[];
  region?: string | null;
  purpose: string;
  legalBasis: string;
  expiresOn: string;
}

/** The state callers see: a pending or approved request past its end is expired, whatever is stored. */
export function stateOf(row: GrantRequestRow, now = new Date()): GrantState {
  if ((row.state === 'PENDING' || row.state === 'APPROVED') && row.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return row.state as GrantState;
}

export function ageSeconds(row: GrantRequestRow, now = new Date()): number {
  const until = row.decidedAt ?? now;
  return Math.max(0, Math.floor((until.getTime() - row.createdAt.getTime()) / 1000));
}

/** The end of a day in China (UTC+8, no daylight saving): the instant a grant stops applying. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Sortable by creation time, unguessable. */
function newRequestId(now: Date): string {
  return `GR-${String(now.getTime()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
}

function checkScope(input: GrantRequestInput, requesterDept: string): { owner: string; scope: GrantScopeItem[] } {
  if (!Array.isArray(input.scope) || input.scope.length === 0) throw badInput('scope', 'name at least one type and its fields.');
  if (input.scope.length > 20) throw badInput('scope', 'at most 20 types per request.');
  const owners = new Set<string>();
  const merged = new Map<string, Set<string>>();
  for (const [i, item] of input.scope.entries()) {
    const type = PLATFORM_CATALOGUE[item.type];
    if (!type) throw badInput(`scope[${i}].type`, `${item.type} is not in the resource catalogue.`);
    if (item.fields.length === 0) throw badInput(`scope[${i}].fields`, `name the fields of ${item.type} you need.`);
    const fields = merged.get(item.type) ?? new Set<string>();
    for (const f of item.fields) {
      const entry = type.fields[f];
      if (!entry) throw badInput(`scope[${i}].fields`, `${item.type}.${f} is not in the resource catalogue.`);
      if (entry.owner === requesterDept) throw badInput(`scope[${i}].fields`, `${item.type}.${f} belongs to your own department; there is nothing to request.`);
      if (entry.sharing === 'UNCONDITIONAL') throw badInput(`scope[${i}].fields`, `${item.type}.${f} is shared UNCONDITIONALLY with every department already; no request is needed.`);
      if (entry.sharing === 'NOT_SHARED') throw badInput(`scope[${i}].fields`, `${item.type}.${f} is NOT_SHARED data of ${entry.owner}; it is not shared on request (only a policy co-signed by ${entry.owner} can open it).`);
      owners.add(entry.owner);
      fields.add(f);
    }
    merged.set(item.type, fields);
    if (input.region && type.regionField === undefined) throw badInput('region', `${item.type} records carry no region, so a request for them cannot be limited to one.`);
  }
  if (owners.size > 1) throw badInput('scope', `the fields belong to ${[...owners].sort().join(' and ')}; each owning department answers its own request, so send one request per owner.`);
  return { owner: [...owners][0] as string, scope: [...merged].map(([type, fields]) => ({ type, fields: [...fields].sort() })) };
}

export async function requestGrant(step: Step, input: GrantRequestInput): Promise<GrantRequestRow> {
  const { em, principal } = step;
  if (!principal || !isRecognisedGovernment(principal) || !principal.roles.some((r) => REQUESTER_ROLES.includes(r))) {
    throw forbidden('Sharing is requested by an officer or a security officer of the department that needs the data.');
  }
  const requesterDept = principal.dept as string;
  const { owner, scope } = checkScope(input, requesterDept);
  if (input.region != null && !isRegionCode(input.region)) throw badInput('region', 'a 6-digit administrative division code, e.g. 460100 for Haikou.');
  if (input.region != null && !input.region.startsWith('46')) throw badInput('region', 'this platform holds Hainan (46xxxx) records only.');
  const purpose = input.purpose.trim();
  if (purpose.length < 3 || purpose.length > 200) throw badInput('purpose', 'state the purpose in 3 to 200 characters; requests must then carry it as X-Purpose.');
  const legalBasis = input.legalBasis.trim();
  if (legalBasis.length < 3 || legalBasis.length > 2000) throw badInput('legalBasis', 'cite the law, regulation or document that allows this use (3 to 2000 characters).');
  if (!isCalendarDate(input.expiresOn)) throw badInput('expiresOn', 'a calendar date, YYYY-MM-DD.');
  const today = todayInChina();
  const days = daysBetween(today, input.expiresOn);
  if (days < 0) throw badInput('expiresOn', `the date has passed (today is ${today} in China).`);
  if (days > MAX_GRANT_DAYS) throw badInput('expiresOn', `at most ${MAX_GRANT_DAYS} days ahead; conditional sharing is reviewed at least once a year.`);
  const now = new Date();
  const row: GrantRequestRow = {
    id: newRequestId(now),
    state: 'PENDING',
    requesterDept,
    requestedBy: principal.sub,
    ownerDept: owner,
    scope: JSON.stringify(scope),
    region: input.region ?? null,
    purpose,
    legalBasis,
    expiresOn: input.expiresOn,
    expiresAt: endOfChinaDay(input.expiresOn),
    createdAt: now,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  };
  await em.transactional(async (tx) => {
    await tx.insert(GrantRequestRecord, row);
    await recordEvent(tx, step, principal, row.id, 'request', null, 'PENDING', `${purpose} (legal basis: ${legalBasis})`, 'grant');
  });
  return row;
}

async function requestOrFail(em: EntityManager, id: string): Promise<GrantRequestRow> {
  const row = await em.findOne(GrantRequestRecord, { id }, { disableIdentityMap: true });
  if (!row) throw notFound('GrantRequest', id);
  return row;
}

function requireOwnerOfficer(principal: Principal | undefined, row: GrantRequestRow, doing: string): Principal {
  if (!principal || !isRecognisedGovernment(principal) || !principal.roles.includes('security-officer') || principal.dept !== row.ownerDept) {
    throw forbidden(`Only a security officer of ${row.ownerDept}, which owns the data, may ${doing} request ${row.id}.`);
  }
  return principal;
}

async function decide(step: Step, id: string, reasonText: string, to: 'APPROVED' | 'REJECTED'): Promise<GrantRequestRow> {
  const { em, principal } = step;
  const reason = reasonOf(reasonText) as string;
  return em.transactional(async (tx) => {
    const row = await requestOrFail(tx, id);
    const actor = requireOwnerOfficer(principal, row, to === 'APPROVED' ? 'approve' : 'reject');
    const state = stateOf(row);
    if (state === 'EXPIRED') throw conflict(`Request ${id} ran until ${row.expiresOn}, which has passed; it can no longer be ${to === 'APPROVED' ? 'approved' : 'rejected'}. The department may ask again.`, null);
    if (state !== 'PENDING') throw conflict(`Request ${id} was already decided: ${state}${row.decidedBy ? ` by ${row.decidedBy} at ${row.decidedAt?.toISOString()}` : ''}.`, null);
    const decidedAt = new Date();
    const moved = await tx.nativeUpdate(GrantRequestRecord, { id, state: 'PENDING' }, { state: to, decidedBy: actor.sub, decidedAt, decisionReason: reason });
    if (moved !== 1) throw conflict(`Request ${id} was decided by someone else a moment ago; reload it.`, null);
    await recordEvent(tx, step, actor, id, to === 'APPROVED' ? 'approve' : 'reject', 'PENDING', to, reason, 'grant');
    if (to === 'APPROVED') await bumpPolicyState(tx);
    return requestOrFail(tx, id);
  });
}

export const approveGrant = (step: Step, id: string, reason: string) => decide(step, id, reason, 'APPROVED');
export const rejectGrant = (step: Step, id: string, reason: string) => decide(step, id, reason, 'REJECTED');

export async function revokeGrant(step: Step, id: string, reasonText: string): Promise<GrantRequestRow> {
  const { em, principal } = step;
  const reason = reasonOf(reasonText) as string;
  return em.transactional(async (tx) => {
    const row = await requestOrFail(tx, id);
    const actor = requireOwnerOfficer(principal, row, 'revoke');
    const state = stateOf(row);
    if (state !== 'APPROVED') throw conflict(`Request ${id} is ${state}; only an approved grant in force can be revoked.`, null);
    const moved = await tx.nativeUpdate(GrantRequestRecord, { id, state: 'APPROVED' }, { state: 'REVOKED' });
    if (moved !== 1) throw conflict(`Request ${id} changed a moment ago; reload it.`, null);
    await recordEvent(tx, step, actor, id, 'revoke', 'APPROVED', 'REVOKED', reason, 'grant');
    await bumpPolicyState(tx);
    return requestOrFail(tx, id);
  });
}

/** Storage filter for a state as callers see it (EXPIRED is computed from the end date). */
export function stateFilter(state: GrantState | null | undefined, now = new Date()): Record<string, unknown> {
  switch (state) {
    case null:
    case undefined:
      return {};
    case 'PENDING':
    case 'APPROVED':
      return { state, expiresAt: { $gt: now } };
    case 'EXPIRED':
      return { state: { $in: ['PENDING', 'APPROVED'] }, expiresAt: { $lte: now } };
    default:
      return { state };
  }
}
