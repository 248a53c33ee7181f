/**
 * The governance vocabulary: the catalogue, the policy versions security officers edit and the tools around
 * them (validate, diff, test, explain, impact), and the requests for conditional sharing.
 */
import { buildAbility, diffDocuments, explainField, isDepartment, isRegionCode, isRole, PUBLIC_PRINCIPAL, ROLES, testPrincipal, unifiedDiff, policyImpact, testsCovering, type Principal, type TypeCatalogue } from '../../auth';
import type { Resolvers, SharingType, Sensitivity, PolicyState as GqlPolicyState, GrantRequestState, CallerInput, ObjectionState as GqlObjectionState, ChangeSubscriptionState, DeadLetterState } from './__generated__/resolvers';
import { badInput } from '../kit/errors';
import { paginate } from '../kit/pagination';
import { type GrantScopeItem } from '../kit/policy-store';
import { findAllVisible, findVisible, restrict } from '../kit/scope';
import { deadlineCounts, deadlineOf } from './deadlines';
import type { GovernanceContext } from './loaders';
import { GrantRequestRecord, ObjectionRecord, PolicyVersionRecord, type GrantRequestRow, type PolicyVersionRow } from './entities';
import { changes } from './exchange';
import { explainOperation } from './explain';
import { accessMatrix, checkedRegion, checkedType, whoCanSee } from './access-matrix';
import { sharingBacklog } from './backlog';
import { describePolicyCondition, policyCellOptions, policyConditionVocabulary, policyLanguage, previewPolicyEdit } from './policy-editing';
import { objectionCounts, objectionDeadline, objectionWhere, raiseObjection, resolveObjection } from './objections';
import { PLATFORM_CATALOGUE } from '../platform-catalogue';
import {
  activateVersion,
  approveVersion,
  cosignaturesOf,
  cosignVersion,
  draftVersion,
  forbidden,
  policiesOf,
  rejectVersion,
  restoreVersion,
  submitVersion,
  testRunOf,
  testsOf,
  validate,
  type Step,
} from './policy-versions';
import { ageSeconds, approveGrant, rejectGrant, requestGrant, revokeGrant, stateFilter, stateOf } from './sharing';
import { ChangeSubscriptionRecord, DeadLetterRecord, SubscriptionDeliveryRecord, type ChangeSubscriptionRow, type DeadLetterRow, type SubscriptionDeliveryRow } from './subscription-store';
import { acknowledge, pauseSubscription, redeliver, resumeSubscription, subscribe, subscriptionChanges, unsubscribe } from './subscriptions';

function catalogueType(name: string, type: TypeCatalogue) {
  return {
    name,
    owner: type.owner,
    description: type.description ?? null,
    regionField: type.regionField ?? null,
    fields: Object.entries(type.fields).map(([field, entry]) => ({
      name: field,
      owner: entry.owner,
      sharing: entry.sharing as SharingType,
      open: entry.open,
      sensitivity: entry.sensitivity as Sensitivity,
      mask: entry.mask,
      description: entry.description ?? null,
    })),
  };
}

const TYPES = Object.keys(PLATFORM_CATALOGUE).sort();
/** Tools that reveal who may see what across the platform: for those who govern it and those who audit it. */
const GOVERNING_ROLES = ['security-officer', 'auditor'];

function requireGoverning(ctx: GovernanceContext, tool: string): Principal {
  const principal = ctx.auth?.principal;
  if (!principal || principal.kind !== 'government' || !principal.roles.some((r) => GOVERNING_ROLES.includes(r)) || !isDepartment(principal.dept)) {
    throw forbidden(`${tool} is for security officers and auditors.`);
  }
  return principal;
}

/** The same attributes as the signed-in caller's: what a caller may ask `explain` about without governing. */
function isSelf(own: Principal, caller: CallerInput): boolean {
  const roles = new Set(caller.roles ?? []);
  return (
    (caller.dept ?? null) === own.dept &&
    roles.size === own.roles.length &&
    own.roles.every((r) => roles.has(r)) &&
    (caller.region ?? null) === own.region &&
    (caller.purpose ?? null) === own.purpose &&
    (caller.sub == null || caller.sub === own.sub)
  );
}

/**
 * Security officers and auditors explain any caller under any version; every other government caller only
 * themselves under the version in force, which tells them nothing `myAccess` does not (the graph IDE's "why").
 */
function explainedPrincipal(ctx: GovernanceContext, caller: CallerInput, version: number | null | undefined): Principal {
  const own = ctx.auth?.principal;
  if (own?.kind === 'government' && own.roles.some((r) => GOVERNING_ROLES.includes(r)) && isDepartment(own.dept)) return principalOf(caller);
  if (!own || own.kind !== 'government' || version != null || !isSelf(own, caller)) {
    throw forbidden('Explain is for security officers and auditors; any other signed-in caller may explain themselves only: their own dept, roles, region and X-Purpose, and no version.');
  }
  return own;
}

function principalOf(caller: CallerInput): Principal {
  if (caller.dept != null && !isDepartment(caller.dept)) throw badInput('caller.dept', `unknown department ${JSON.stringify(caller.dept)}.`);
  const roles = caller.roles ?? [];
  for (const role of roles) if (!isRole(role)) throw badInput('caller.roles', `unknown role ${JSON.stringify(role)}; roles are ${ROLES.join(', ')}.`);
  if (caller.region != null && !isRegionCode(caller.region)) throw badInput('caller.region', 'a 6-digit administrative division code.');
  const principal = testPrincipal({ dept: caller.dept ?? null, roles, region: caller.region ?? null, purpose: caller.purpose ?? null }, caller.sub ?? 'explain');
  return principal;
}

async function versionVisible(ctx: GovernanceContext, number: number): Promise<PolicyVersionRow | null> {
  return findVisible(ctx.data, PolicyVersionRecord, { number });
}

async function versionOrNotFound(ctx: GovernanceContext, number: number, argument: string): Promise<PolicyVersionRow> {
  const row = await versionVisible(ctx, number);
  if (!row) throw badInput(argument, `there is no policy version ${number} (or you may not see it).`);
  return row;
}

async function activeVersion(ctx: GovernanceContext): Promise<PolicyVersionRow> {
  const row = await findVisible(ctx.data, PolicyVersionRecord, { state: 'ACTIVE' });
  if (!row) throw forbidden('The policies in force are government information; sign in with a government account.');
  return row;
}

/** "Now" for read-time answers: the service's clock (StartOptions.clock; tests move it), else the system's. */
function nowOf(ctx: GovernanceContext): Date {
  return ctx.now?.() ?? new Date();
}

/** A workflow step of this request: every step is recorded in the audit trail with its change. */
function step(ctx: GovernanceContext): Step {
  return { em: ctx.em, principal: ctx.auth?.principal, audit: ctx.audit };
}

export const resolvers: Resolvers = {
  Query: {
    changes: (_, args, ctx) => changes(ctx, args),
    catalogue: () => TYPES.map((name) => catalogueType(name, PLATFORM_CATALOGUE[name])),
    catalogueType: (_, { name }) => (PLATFORM_CATALOGUE[name] ? catalogueType(name, PLATFORM_CATALOGUE[name]) : null),
    myAccess: (_, { type }, { auth }) => {
      // The same ability every subgraph builds for this caller, over the whole platform's catalogue.
      const ability = buildAbility({
        principal: auth?.principal ?? PUBLIC_PRINCIPAL(),
        catalogue: PLATFORM_CATALOGUE,
        policies: auth?.policies.policies ?? [],
        grants: auth?.policies.grants ?? [],
      });
      return TYPES.filter((name) => !type || name === type).map((name) => ({
        type: name,
        fields: Object.keys(PLATFORM_CATALOGUE[name].fields).map((field) => {
          const explained = explainField(ability, name, field);
          return {
            field,
            decision: explained.decision,
            reason: explained.reason,
            source: explained.source?.kind ?? null,
            sourceId: explained.source?.id ?? null,
            dependsOnRecord: explained.dependsOnRecord,
          };
        }),
      }));
    },
    policies: async (_, __, ctx) => {
      const row = await findVisible(ctx.data, PolicyVersionRecord, { state: 'ACTIVE' });
      return row ? policiesOf(row) : [];
    },
    activePolicyVersion: (_, __, ctx) => activeVersion(ctx),
    policyVersions: (_, { state, first, after }, ctx) => paginate(ctx.data, PolicyVersionRecord, (state ? { state } : {}) as never, { first, after }, { key: 'number', direction: 'desc', numericKey: true, max: 100 }) as never,
    policyVersion: (_, { number }, ctx) => versionVisible(ctx, number),
    policyDiff: async (_, { from, to }, ctx) => {
      const a = await versionOrNotFound(ctx, from, 'from');
      const b = await versionOrNotFound(ctx, to, 'to');
      const changes = diffDocuments(policiesOf(a), policiesOf(b), testsOf(a), testsOf(b)).map((c) => ({ ...c, policyId: c.policyId ?? null, rule: c.rule ?? null, before: c.before ?? null, after: c.after ?? null }));
      const text = unifiedDiff(`${a.document}\n// tests\n${a.tests}`, `${b.document}\n// tests\n${b.tests}`, `version ${from}`, `version ${to}`);
      return { from, to, changes, text };
    },
    validatePolicies: (_, { policies, tests }, ctx) => {
      requireGoverning(ctx, 'Validating policies');
      const checked = validate(policies, tests ?? '[]');
      return {
        valid: checked.problems.length === 0,
        problems: checked.problems.map((p) => ({ path: p.path, policyId: p.policyId ?? null, rule: p.rule ?? null, message: p.message })),
        cosignaturesRequired: checked.cosignaturesRequired.map((c) => ({ ...c, signedBy: null, signedAt: null, reason: null })),
      };
    },
    explain: async (_, { caller, query, operationName, version }, ctx) => {
      const principal = explainedPrincipal(ctx, caller, version);
      const row = version == null ? await activeVersion(ctx) : await versionOrNotFound(ctx, version, 'version');
      // The grants in force apply whatever version is explained: they are not part of a policy version.
      const ability = buildAbility({ principal, catalogue: PLATFORM_CATALOGUE, policies: policiesOf(row), grants: ctx.auth?.policies.grants ?? [] });
      const explained = explainOperation(ability, query, operationName);
      return { version: row.number, ...explained };
    },
    policyImpact: async (_, { number }, ctx) => {
      requireGoverning(ctx, 'Impact analysis');
      const row = await versionOrNotFound(ctx, number, 'number');
      const active = await activeVersion(ctx);
      const tests = testsOf(row);
      const changes = policyImpact(policiesOf(active), policiesOf(row), PLATFORM_CATALOGUE).map((c) => ({ ...c, coveredBy: testsCovering(c, tests) }));
      return { version: row.number, comparedWith: active.number, changes };
    },
    previewPolicyEdit: async (_, { basedOn, policies, tests, edits, type }, ctx) => {
      requireGoverning(ctx, 'Previewing policy edits');
      const row = await versionOrNotFound(ctx, basedOn, 'basedOn');
      const active = await activeVersion(ctx);
      return previewPolicyEdit({ basedOn: row.number, policies: policies ?? row.document, tests: tests ?? row.tests, edits, type: type ?? null, active: policiesOf(active) }) as never;
    },
    policyCellOptions: (_, args, ctx) => {
      requireGoverning(ctx, 'Editing the permission matrix');
      return policyCellOptions(args);
    },
    policyLanguage: (_, __, ctx) => {
      requireGoverning(ctx, 'The policy forms');
      return policyLanguage() as never;
    },
    policyConditionVocabulary: (_, { type }, ctx) => {
      requireGoverning(ctx, 'The condition builder');
      return policyConditionVocabulary(type);
    },
    describePolicyCondition: (_, { type, conditions }, ctx) => {
      requireGoverning(ctx, 'Describing a condition');
      return describePolicyCondition(type, conditions);
    },
    accessMatrix: async (_, { type, version, region, purpose }, ctx) => {
      requireGoverning(ctx, 'The permission matrix');
      checkedType(type);
      const where = checkedRegion(region);
      const row = version == null ? await activeVersion(ctx) : await versionOrNotFound(ctx, version, 'version');
      // The grants in force apply whatever version is shown, as for explain: they are not part of a policy version.
      return accessMatrix(type, row.number, where, purpose ?? null, policiesOf(row), ctx.auth?.policies.grants ?? []) as never;
    },
    whoCanSee: async (_, { type, field, key, version, region }, ctx) => {
      requireGoverning(ctx, 'Who can see this');
      checkedType(type);
      const where = checkedRegion(region);
      const row = version == null ? await activeVersion(ctx) : await versionOrNotFound(ctx, version, 'version');
      return whoCanSee(ctx, { type, field, key: key ?? null, region: where }, policiesOf(row), ctx.auth?.policies.grants ?? []);
    },
    runPolicyTests: async (_, { number }, ctx) => {
      requireGoverning(ctx, 'Running policy tests');
      const row = number == null ? await activeVersion(ctx) : await versionOrNotFound(ctx, number, 'number');
      return testRunOf(row);
    },
    grantRequests: (_, { state, first, after }, ctx) => paginate(ctx.data, GrantRequestRecord, stateFilter(state, nowOf(ctx)) as never, { first, after }, { key: 'id', direction: 'desc', max: 100 }) as never,
    grantRequest: (_, { id }, ctx) => findVisible(ctx.data, GrantRequestRecord, { id }),
    subscriptions: (_, { state, first, after }, ctx) => paginate(ctx.data, ChangeSubscriptionRecord, (state ? { state } : {}) as never, { first, after }, { key: 'id', direction: 'desc', max: 100 }),
    subscription: (_, { id }, ctx) => findVisible(ctx.data, ChangeSubscriptionRecord, { id }),
    subscriptionChanges: (_, { id, first }, ctx) => subscriptionChanges(ctx, id, first),
    deadLetters: async (_, { subscriptionId, first, after }, ctx) => {
      // Only of a subscription the caller may see; the dead letters' own row rules apply as well.
      if (!(await findVisible(ctx.data, ChangeSubscriptionRecord, { id: subscriptionId }))) throw badInput('subscriptionId', `there is no subscription ${subscriptionId} (or you may not see it).`);
      return paginate(ctx.data, DeadLetterRecord, { subscriptionId } as never, { first, after }, { key: 'id', direction: 'desc', max: 100 });
    },
    grantRequestDeadlines: async (_, __, ctx) => {
      // Counts over the requests this caller may read (the row rules of GrantRequest): others count for nothing.
      const now = nowOf(ctx);
      return deadlineCounts(await findAllVisible(ctx.data, GrantRequestRecord, stateFilter('PENDING', now) as never), now);
    },
    objections: (_, { filter, first, after }, ctx) => {
      // A filter may only narrow rows on fields the caller reads in full (else FORBIDDEN, as selecting them would be).
      const used = (['state', 'ownerDept', 'objectorDept'] as const).filter((f) => filter?.[f] != null);
      const where = objectionWhere(filter, nowOf(ctx));
      const scoped = filter?.overdue != null ? [...used, 'overdue', 'createdAt'] : used;
      const readable = scoped.length ? ctx.data.readable(ObjectionRecord, scoped) : {};
      const both = Object.keys(readable).length ? { $and: [where, readable] } : where;
      return paginate(ctx.data, ObjectionRecord, both as never, { first, after }, { key: 'id', direction: 'desc', max: 100 }) as never;
    },
    objection: (_, { id }, ctx) => findVisible(ctx.data, ObjectionRecord, { id }),
    objectionDeadlines: async (_, __, ctx) => {
      // Counts over the objections this caller may read (the row rules of Objection): others count for nothing.
      return objectionCounts(await findAllVisible(ctx.data, ObjectionRecord, { state: 'OPEN' }), nowOf(ctx));
    },
    sharingBacklog: (_, __, ctx) => sharingBacklog(ctx),
  },
  Mutation: {
    draftPolicyVersion: (_, { input }, ctx) => draftVersion(step(ctx), input),
    restorePolicyVersion: (_, { number, reason }, ctx) => restoreVersion(step(ctx), number, reason),
    submitPolicyVersion: (_, { number, reason }, ctx) => submitVersion(step(ctx), number, reason),
    approvePolicyVersion: (_, { number, reason }, ctx) => approveVersion(step(ctx), number, reason),
    rejectPolicyVersion: (_, { number, reason }, ctx) => rejectVersion(step(ctx), number, reason),
    cosignPolicyVersion: (_, { number, reason }, ctx) => cosignVersion(step(ctx), number, reason),
    activatePolicyVersion: (_, { number, reason }, ctx) => activateVersion(step(ctx), number, reason),
    requestGrant: (_, { input }, ctx) => requestGrant(step(ctx), input),
    approveGrantRequest: (_, { id, reason }, ctx) => approveGrant(step(ctx), id, reason),
    rejectGrantRequest: (_, { id, reason }, ctx) => rejectGrant(step(ctx), id, reason),
    revokeGrant: (_, { id, reason }, ctx) => revokeGrant(step(ctx), id, reason),
    raiseObjection: (_, { input, idempotencyKey }, ctx) => raiseObjection(ctx, input, idempotencyKey),
    resolveObjection: (_, { id, outcome, reason, correctionVersion, expectedVersion }, ctx) => resolveObjection(ctx, { id, outcome, reason, correctionVersion, expectedVersion }),
    subscribe: async (_, { input, idempotencyKey }, ctx) => {
      const { row, secret } = await subscribe(ctx, input, idempotencyKey);
      return { subscription: row, secret };
    },
    unsubscribe: (_, { id, reason }, ctx) => unsubscribe(ctx, id, reason),
    pauseSubscription: (_, { id, reason }, ctx) => pauseSubscription(ctx, id, reason),
    resumeSubscription: (_, { id, reason }, ctx) => resumeSubscription(ctx, id, reason),
    acknowledge: (_, { id, cursor }, ctx) => acknowledge(ctx, id, cursor),
    redeliver: async (_, { id, deadLetterIds }, ctx) => {
      const { row, deadLetters } = await redeliver(ctx, id, deadLetterIds);
      return { subscription: row, deadLetters };
    },
  },
  ChangeSubscription: {
    subscriberRoles: (row) => JSON.parse(row.subscriberRoles) as string[],
    types: (row) => JSON.parse(row.types) as string[],
    state: (row) => row.state as ChangeSubscriptionState,
    position: (row) => row.position || null,
    nextAttemptAt: (row) => row.nextAttemptAt?.toISOString() ?? null,
    lastDeliveredAt: (row) => row.lastDeliveredAt?.toISOString() ?? null,
    createdAt: (row) => row.createdAt.toISOString(),
    deadLetterCount: async (row, _, ctx) => {
      const where = restrict({ subscriptionId: row.id, state: 'PENDING' }, ctx.data.visible(DeadLetterRecord));
      return where === null ? 0 : ctx.em.fork().count(DeadLetterRecord, where as never);
    },
    deliveries: async (row, { first }, ctx) => {
      if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'ask for 1 to 100 deliveries.');
      const where = restrict({ subscriptionId: row.id }, ctx.data.visible(SubscriptionDeliveryRecord));
      if (where === null) return [];
      return (await ctx.em.fork().find(SubscriptionDeliveryRecord, where as never, { orderBy: { at: 'desc' }, limit: first, disableIdentityMap: true })) as SubscriptionDeliveryRow[];
    },
  },
  DeadLetter: {
    fields: (row) => JSON.parse(row.fields) as string[],
    occurredAt: (row) => row.occurredAt.toISOString(),
    createdAt: (row) => row.createdAt.toISOString(),
    redeliveredAt: (row) => row.redeliveredAt?.toISOString() ?? null,
    state: (row) => row.state as DeadLetterState,
  },
  SubscriptionDelivery: {
    at: (row) => row.at.toISOString(),
  },
  PolicyVersion: {
    state: (row) => row.state as GqlPolicyState,
    createdAt: (row) => row.createdAt.toISOString(),
    policies: (row) => policiesOf(row),
    document: (row) => row.document,
    tests: (row) => testsOf(row),
    testsDocument: (row) => row.tests,
    cosignatures: (row) => cosignaturesOf(row),
    history: (row, _, ctx) => ctx.loaders.historyOf.load(String(row.number)),
  },
  RolePolicy: {
    description: (policy) => policy.description ?? null,
    rules: (policy) => JSON.stringify(policy.rules),
  },
  PolicyTest: {
    record: (test) => (test.record ? JSON.stringify(test.record) : null),
    action: (test) => test.action ?? null,
  },
  PolicyEvent: {
    at: (row) => row.at.toISOString(),
  },
  GrantRequest: {
    state: (row, _, ctx) => stateOf(row, nowOf(ctx)) as GrantRequestState,
    scope: (row) => JSON.parse(row.scope) as GrantScopeItem[],
    createdAt: (row) => row.createdAt.toISOString(),
    decidedAt: (row) => row.decidedAt?.toISOString() ?? null,
    ageSeconds: (row, _, ctx) => ageSeconds(row, nowOf(ctx)),
    dueOn: (row, _, ctx) => deadlineOf(row, nowOf(ctx))?.dueOn ?? null,
    overdue: (row, _, ctx) => deadlineOf(row, nowOf(ctx))?.overdue ?? false,
    workingDaysLeft: (row, _, ctx) => deadlineOf(row, nowOf(ctx))?.workingDaysLeft ?? null,
    history: (row, _, ctx) => ctx.loaders.historyOf.load(row.id),
  },
  Objection: {
    state: (row) => row.state as GqlObjectionState,
    createdAt: (row) => new Date(row.createdAt).toISOString(),
    resolvedAt: (row) => (row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null),
    dueOn: (row, _, ctx) => objectionDeadline(row, nowOf(ctx))?.dueOn ?? null,
    overdue: (row, _, ctx) => objectionDeadline(row, nowOf(ctx))?.overdue ?? false,
    workingDaysLeft: (row, _, ctx) => objectionDeadline(row, nowOf(ctx))?.workingDaysLeft ?? null,
  },
};

export type { GrantRequestRow, ChangeSubscriptionRow, DeadLetterRow };
