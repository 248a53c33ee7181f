/**
 * Change subscriptions as governed objects: a department subscribes to event types for a purpose, pulled
 * (subscriptionChanges + acknowledge) or pushed to its webhook (webhooks.ts). Deliveries are judged for the
 * subscriber as captured at subscribe time, as their own queries would be; a subscription to events carrying
 * CONDITIONAL fields the subscriber may not read needs the owner's grant first, as a query would. Every step is
 * recorded in the audit trail and as a domain event in its transaction, as grant steps are.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { buildAbility, explainField, isRecognisedGovernment, isRegionCode, type Grant, type Principal, type RolePolicy } from '../../auth';
import { auditUnavailable, badInput, ErrorCode } from '../kit/errors';
import type { EntityManager } from '../kit/orm';
import { recordEvents } from '../kit/outbox';
import { findVisible } from '../kit/scope';
import { conflict, IdempotencyRecord, notFound } from '../kit/writes';
import { PLATFORM_CATALOGUE, PLATFORM_EVENTS } from '../platform-catalogue';
import { decodeCursor, feedCallerOf, readFeed, changeAt, encodeCursor, type ChangeConnection } from './exchange';
import type { GovernanceContext } from './loaders';
import { forbidden, reasonOf } from './policy-versions';
import { ChangeSubscriptionRecord, DeadLetterRecord, SubscriptionDeliveryRecord, type ChangeSubscriptionRow, type DeadLetterRow } from './subscription-store';
import { deliverable, deliveryPrincipal, domainsOf, type Webhooks } from './webhooks';

/** Who may subscribe: the roles the province policy lets read their department's subscriptions back. */
const SUBSCRIBER_ROLES = ['officer', 'app', 'security-officer'];
const MAX_TYPES = 50;
const MAX_REDELIVER = 20;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const WRITTEN = ['state', 'types', 'webhookUrl', 'purpose', 'region', 'position'];

export interface SubscribeInput {
  types: readonly string[];
  region?: string | null;
  purpose: string;
  webhookUrl?: string | null;
  withoutConditionalFields?: boolean | null;
}

function webhooksOf(ctx: GovernanceContext): Webhooks | null {
  return (ctx.background?.webhooks as Webhooks | undefined) ?? null;
}

function requireSubscriber(ctx: GovernanceContext, doing: string): Principal & { dept: string } {
  const principal = ctx.auth?.principal;
  if (!principal || !isRecognisedGovernment(principal) || !principal.roles.some((r) => SUBSCRIBER_ROLES.includes(r))) {
    throw forbidden(`Only government officers, apps and security officers ${doing}.`);
  }
  return principal as Principal & { dept: string };
}

function checkTypes(types: readonly string[]): string[] {
  if (!Array.isArray(types) || types.length === 0) throw badInput('input.types', 'name at least one event type, e.g. ["PersonDied"].');
  if (types.length > MAX_TYPES) throw badInput('input.types', `at most ${MAX_TYPES} event types.`);
  for (const type of types) {
    if (!PLATFORM_EVENTS[type]) throw badInput('input.types', `${JSON.stringify(type)} is not an event type of the event catalogue (see the catalogue's events, e.g. PersonDied).`, { type });
  }
  return [...new Set(types)].sort();
}

function checkRegion(region: string | null | undefined, principal: Principal): string | null {
  if (region == null || region === '') return null;
  if (!isRegionCode(region)) throw badInput('input.region', 'a 6-digit administrative division code, e.g. 460100 for Haikou.');
  // A region is an attribute rules grant by (police read their own area): a caller without one cannot gain one here.
  if (!principal.region) throw badInput('input.region', 'your token carries no region, so a subscription cannot be given one; a subscription can only narrow what you may read.');
  // Within the caller's own area: a prefix of the code without its trailing zeros (460000 covers 46xxxx).
  const prefix = principal.region.replace(/(00)+$/, '');
  if (!region.startsWith(prefix)) throw badInput('input.region', `${region} is outside your own region ${principal.region}; a subscription can only narrow what you may read.`);
  return region;
}

function checkPurpose(purpose: string, principal: Principal): string {
  const text = purpose.trim();
  if (text.length < 3 || text.length > 200 || /[\u0000-\u001f\u007f]/.test(text)) throw badInput('input.purpose', 'state the purpose in 3 to 200 characters, as X-Purpose: deliveries carry it and grants bound to it apply.');
  if (principal.purpose && principal.purpose !== text) throw badInput('input.purpose', `it differs from your X-Purpose (${principal.purpose}); subscribe with the purpose you work under.`);
  return text;
}

export function checkWebhookUrl(raw: string | null | undefined, production: boolean): string | null {
  if (raw == null || raw.trim() === '') return null;
  if (raw.length > 2000) throw badInput('input.webhookUrl', 'at most 2000 characters.');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('input.webhookUrl', 'it is not a URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) throw badInput('input.webhookUrl', production ? 'use https: changes carry personal information.' : 'use an http or https URL.');
  // Credentials in a URL end up in logs and the console; the signature authenticates the sender instead.
  if (url.username || url.password) throw badInput('input.webhookUrl', 'remove the user name and password: the receiver checks X-Hainan-Signature instead.');
  if (url.hash) throw badInput('input.webhookUrl', 'remove the #fragment; it is never sent.');
  return url.toString();
}

/**
 * The CONDITIONAL fields the types' events carry that `principal` may not read at all (not even masked, on no
 * record): a query of them would be refused, so a subscription to them needs the owner's grant first.
 */
export function conditionalRefusals(principal: Principal, policies: readonly RolePolicy[], grants: readonly Grant[], types: readonly string[]): { type: string; fields: string[] }[] {
  const ability = buildAbility({ principal, catalogue: PLATFORM_CATALOGUE, policies, grants });
  const out: { type: string; fields: string[] }[] = [];
  for (const type of types) {
    const event = PLATFORM_EVENTS[type]!;
    const fields = event.fields.filter((f) => {
      if (PLATFORM_CATALOGUE[event.type]?.fields[f]?.sharing !== 'CONDITIONAL') return false;
      const explained = explainField(ability, event.type, f);
      // A decision that depends on the record may allow some records: delivery judges each one.
      return explained.decision === 'DENIED' && !explained.dependsOnRecord;
    });
    if (fields.length) out.push({ type, fields });
  }
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function newId(now: Date): string {
  return `SB-${String(now.getTime()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
}

/** The step's audit record and domain event, in its transaction: no record, no change. */
async function recordStep(tx: EntityManager, ctx: GovernanceContext, row: ChangeSubscriptionRow, event: string | null, kind: 'policy' | 'write' = 'policy'): Promise<void> {
  const audit = ctx.audit;
  const actor = ctx.auth?.principal;
  if (audit) {
    try {
      await audit.writer.appendIn(tx, audit.writeEntry(kind, [{ type: 'ChangeSubscription', fields: WRITTEN }], { id: row.id }));
    } catch {
      throw auditUnavailable('the audit trail could not record this subscription step');
    }
  }
  if (!event) return;
  if (!PLATFORM_EVENTS[event]) throw new Error(`The subscription step records ${event}, which the event catalogue does not declare.`);
  // After the audit record: the audit chain's lock first, the outbox head's second, as everywhere.
  await recordEvents(tx, 'governance', { sub: actor?.sub ?? 'anonymous', dept: actor?.dept ?? null }, [{ type: event, entityType: 'ChangeSubscription', recordId: row.id, version: row.version, fields: { state: row.state } }]);
}

async function rowOf(em: EntityManager, id: string): Promise<ChangeSubscriptionRow> {
  const row = (await em.findOne(ChangeSubscriptionRecord, { id }, { disableIdentityMap: true })) as ChangeSubscriptionRow | null;
  if (!row) throw notFound('ChangeSubscription', id);
  return row;
}

/** A subscription the caller may see and act on: one of their own department's. */
async function ownSubscription(ctx: GovernanceContext, id: string, doing: string): Promise<ChangeSubscriptionRow> {
  const principal = requireSubscriber(ctx, doing);
  const row = await findVisible(ctx.data, ChangeSubscriptionRecord, { id });
  if (!row) throw notFound('ChangeSubscription', id);
  if (row.dept !== principal.dept) throw forbidden(`Subscription ${id} belongs to ${row.dept}; only its own department ${doing}.`);
  return row;
}

export async function subscribe(ctx: GovernanceContext, input: SubscribeInput, idempotencyKey: string | null | undefined): Promise<{ row: ChangeSubscriptionRow; secret: string | null }> {
  const principal = requireSubscriber(ctx, 'subscribe to changes');
  const webhooks = webhooksOf(ctx);
  if (idempotencyKey != null && !KEY.test(idempotencyKey)) throw badInput('idempotencyKey', 'use 8 to 128 letters, digits, dots, underscores, colons or hyphens, e.g. a UUID.');
  const types = checkTypes(input.types);
  const region = checkRegion(input.region, principal);
  const purpose = checkPurpose(input.purpose, principal);
  const webhookUrl = checkWebhookUrl(input.webhookUrl, webhooks?.production ?? true);
  if (webhookUrl && (!webhooks || webhooks.pushUnavailable())) {
    throw new GraphQLError(`Webhook push is not available on this service (${webhooks?.pushUnavailable() ?? 'no delivery worker'}); subscribe without a webhook and pull, or ask the operators.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  const withoutConditionalFields = input.withoutConditionalFields ?? false;
  const now = new Date();
  const id = newId(now);
  const row: ChangeSubscriptionRow = {
    id,
    dept: principal.dept,
    owner: principal.sub,
    subscriberRoles: JSON.stringify([...principal.roles].sort()),
    subscriberRegion: principal.region,
    region,
    purpose,
    types: JSON.stringify(types),
    withoutConditionalFields,
    webhookUrl,
    secretSalt: randomBytes(16).toString('hex'),
    state: 'ACTIVE',
    stateChangedAt: now,
    position: '',
    failures: 0,
    retryDelivery: null,
    nextAttemptAt: null,
    lastError: null,
    lastDeliveredAt: null,
    caughtUp: false,
    leaseOwner: null,
    leaseUntil: null,
    createdAt: now,
    version: 1,
  };
  if (!withoutConditionalFields) {
    // Judged for the principal deliveries will have (its region, its purpose), with the policies and grants in force.
    const refused = conditionalRefusals(deliveryPrincipal(row), ctx.auth?.policies.policies ?? [], ctx.auth?.policies.grants ?? [], types);
    if (refused.length) {
      const what = refused.map((r) => `${r.type} carries ${r.fields.join(', ')}`).join('; ');
      throw new GraphQLError(
        `You may not read CONDITIONAL fields these events carry (${what}). Ask their owner for a grant with requestGrant (for purpose "${purpose}"), or subscribe with withoutConditionalFields: true to receive the events without them.`,
        { extensions: { code: ErrorCode.Forbidden, refused } },
      );
    }
  }
  const keyId = idempotencyKey == null ? null : sha256(JSON.stringify([principal.sub, 'subscribe', idempotencyKey]));
  const requestHash = sha256(JSON.stringify({ types, region, purpose, webhookUrl, withoutConditionalFields }));
  const windowMs = ctx.idempotencyWindowMs ?? 24 * 3600 * 1000;
  const stored = await ctx.em.fork().transactional(async (tx) => {
    if (keyId) {
      const previous = await tx.findOne(IdempotencyRecord, { id: keyId }, { disableIdentityMap: true });
      if (previous && previous.createdAt.getTime() > Date.now() - windowMs && previous.resultType === 'ChangeSubscription' && previous.resultKey) {
        if (previous.requestHash !== requestHash) throw conflict(`The idempotency key "${idempotencyKey}" was already used for a different subscribe request; use a new key for a new request.`, null);
        return rowOf(tx, (JSON.parse(previous.resultKey) as string[])[0]!);
      }
      if (previous) await tx.nativeDelete(IdempotencyRecord, { id: keyId });
    }
    await tx.insert(ChangeSubscriptionRecord, row);
    if (keyId) await tx.insert(IdempotencyRecord, { id: keyId, operation: 'subscribe', requestHash, result: '', resultType: 'ChangeSubscription', resultKey: JSON.stringify([id]), createdAt: now });
    await recordStep(tx, ctx, row, 'SubscriptionCreated');
    return row;
  });
  // The secret is derived again for a retry under the same key (the same caller): it may have lost the first answer.
  return { row: stored, secret: webhooks?.secretOf(stored) ?? null };
}

async function moveState(ctx: GovernanceContext, id: string, reasonText: string, doing: string, from: readonly string[], to: string, event: string): Promise<ChangeSubscriptionRow> {
  reasonOf(reasonText);
  const seen = await ownSubscription(ctx, id, doing);
  return ctx.em.fork().transactional(async (tx) => {
    const row = await rowOf(tx, seen.id);
    if (!from.includes(row.state)) throw conflict(`Subscription ${id} is ${row.state}; only a subscription that is ${from.join(' or ')} can be ${doing.replace(/^may /, '')}.`, row.version);
    const changes = { state: to, stateChangedAt: new Date(), version: row.version + 1, ...(to === 'ACTIVE' ? { failures: 0, retryDelivery: null, nextAttemptAt: null } : {}) };
    const moved = await tx.nativeUpdate(ChangeSubscriptionRecord, { id, version: row.version }, changes);
    if (moved !== 1) throw conflict(`Subscription ${id} changed a moment ago; reload it.`, null);
    const after = { ...row, ...changes };
    await recordStep(tx, ctx, after, event);
    return after;
  });
}

export const unsubscribe = (ctx: GovernanceContext, id: string, reason: string) => moveState(ctx, id, reason, 'may cancel it', ['ACTIVE', 'PAUSED'], 'CANCELLED', 'SubscriptionCancelled');
export const pauseSubscription = (ctx: GovernanceContext, id: string, reason: string) => moveState(ctx, id, reason, 'may pause it', ['ACTIVE'], 'PAUSED', 'SubscriptionPaused');
export const resumeSubscription = (ctx: GovernanceContext, id: string, reason: string) => moveState(ctx, id, reason, 'may resume it', ['PAUSED'], 'ACTIVE', 'SubscriptionResumed');

function requirePulled(row: ChangeSubscriptionRow): void {
  if (row.webhookUrl) throw conflict(`Subscription ${row.id} is pushed to its webhook; its position moves with each delivery, not by pulling.`, null);
  if (row.state !== 'ACTIVE') throw conflict(`Subscription ${row.id} is ${row.state}; only an active subscription is read.`, null);
}

/** The next changes after the durable position, for the caller (their own token and X-Purpose), as `changes`. */
export async function subscriptionChanges(ctx: GovernanceContext, id: string, first: number | null | undefined): Promise<ChangeConnection> {
  const row = await ownSubscription(ctx, id, 'may read its changes');
  requirePulled(row);
  const types = JSON.parse(row.types) as string[];
  const page = await readFeed(feedCallerOf(ctx), { types, first, after: row.position || null }, domainsOf(types));
  if (!row.withoutConditionalFields) return page;
  // Left out as they would be pushed: changes with nothing else are dropped (their cursors still pass them).
  return { ...page, edges: page.edges.flatMap((e) => (deliverable(row, e.node) ? [{ ...e, node: deliverable(row, e.node)! }] : [])) };
}

/** Moves a pulled subscription's position to `cursor`; never backwards in any domain. */
export async function acknowledge(ctx: GovernanceContext, id: string, cursor: string): Promise<ChangeSubscriptionRow> {
  const seen = await ownSubscription(ctx, id, 'may acknowledge its changes');
  requirePulled(seen);
  const to = decodeCursor(cursor);
  const from = decodeCursor(seen.position || null);
  for (const [domain, position] of Object.entries(from)) {
    if ((to[domain as keyof typeof to] ?? 0) < position) throw badInput('cursor', `it is behind the position already acknowledged (${domain} ${position}); acknowledge only cursors read after it.`);
  }
  const position = encodeCursor({ ...from, ...to });
  return ctx.em.fork().transactional(async (tx) => {
    const moved = await tx.nativeUpdate(ChangeSubscriptionRecord, { id, position: seen.position }, { position, lastDeliveredAt: new Date() });
    if (moved !== 1) throw conflict(`Subscription ${id} was acknowledged by someone else a moment ago; read it again.`, null);
    const row = await rowOf(tx, id);
    await recordStep(tx, ctx, row, null, 'write');
    return row;
  });
}

/** Sends dead letters again, once each, as the subscriber now; then records the step. */
export async function redeliver(ctx: GovernanceContext, id: string, deadLetterIds: readonly string[]): Promise<{ row: ChangeSubscriptionRow; deadLetters: DeadLetterRow[] }> {
  const row = await ownSubscription(ctx, id, 'may redeliver its dead letters');
  if (deadLetterIds.length === 0 || deadLetterIds.length > MAX_REDELIVER) throw badInput('deadLetterIds', `name 1 to ${MAX_REDELIVER} dead letters.`);
  if (row.state === 'CANCELLED') throw conflict(`Subscription ${id} is cancelled; nothing is delivered any more.`, null);
  const webhooks = webhooksOf(ctx);
  if (!row.webhookUrl || !webhooks || webhooks.pushUnavailable()) throw conflict(`Subscription ${id} has no webhook to deliver to here.`, null);
  const letters = (await ctx.em.fork().find(DeadLetterRecord, { id: { $in: [...new Set(deadLetterIds)] }, subscriptionId: id }, { disableIdentityMap: true })) as DeadLetterRow[];
  const missing = deadLetterIds.filter((d) => !letters.some((l) => l.id === d));
  if (missing.length) throw badInput('deadLetterIds', `${missing.join(', ')} ${missing.length === 1 ? 'is not a dead letter' : 'are not dead letters'} of subscription ${id}.`);
  const caller = await webhooks.callerOf(row);
  const outcomes: { letter: DeadLetterRow; state: string; attempt: { status: number | null; error: string | null } | null }[] = [];
  // One at a time, oldest first: changes of one record keep their order on the second try too.
  for (const letter of [...letters].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (letter.state !== 'PENDING') {
      outcomes.push({ letter, state: letter.state, attempt: null });
      continue;
    }
    const node = await changeAt(caller, letter.domain as never, letter.position, letter.type);
    const sent = node ? deliverable(row, node) : null;
    if (!sent) {
      outcomes.push({ letter, state: 'GONE', attempt: null });
      continue;
    }
    const attempt = await webhooks.post(row, letter.deliveryId, sent);
    outcomes.push({ letter, state: attempt.ok ? 'REDELIVERED' : 'PENDING', attempt });
  }
  const deadLetters = await ctx.em.fork().transactional(async (tx) => {
    const now = new Date();
    const out: DeadLetterRow[] = [];
    for (const { letter, state, attempt } of outcomes) {
      if (letter.state !== 'PENDING') {
        out.push(letter);
        continue;
      }
      const changes = attempt
        ? { state, attempts: letter.attempts + 1, lastError: attempt.error ?? letter.lastError, redeliveredAt: state === 'REDELIVERED' ? now : null }
        : { state, redeliveredAt: null, lastError: 'no longer readable by the subscriber' };
      await tx.nativeUpdate(DeadLetterRecord, { id: letter.id }, changes);
      if (attempt) {
        await tx.insert(SubscriptionDeliveryRecord, {
          id: randomUUID(),
          deliveryId: letter.deliveryId,
          subscriptionId: id,
          dept: row.dept,
          domain: letter.domain,
          position: letter.position,
          type: letter.type,
          recordKey: letter.recordKey,
          status: state === 'REDELIVERED' ? 'REDELIVERED' : 'REDELIVERY_FAILED',
          attempts: letter.attempts + 1,
          httpStatus: attempt.status,
          error: attempt.error,
          at: now,
        });
      }
      out.push({ ...letter, ...changes });
    }
    await recordStep(tx, ctx, row, 'DeadLettersRedelivered');
    return out;
  });
  return { row: await rowOf(ctx.em.fork(), id), deadLetters };
}

export { ChangeSubscriptionRecord, DeadLetterRecord, SubscriptionDeliveryRecord };
