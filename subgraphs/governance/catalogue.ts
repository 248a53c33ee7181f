/**
 * The governance service's own entries in the resource catalogue. The catalogue is public information (what
 * exists, who owns it, how to ask for it); policies, their history and the tools around them are government
 * information for signed-in callers; sharing requests are the business of the two departments involved, of
 * security officers and of auditors (row rules in the province policy), and so are data objections.
 */
import { defineCatalogue, field, mergeCatalogues, type FieldSpec, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const open = field('UNCONDITIONAL', { open: true });
const government = field('UNCONDITIONAL');
const request = field('CONDITIONAL');

function all(spec: FieldSpec, ...names: string[]): Record<string, FieldSpec> {
  return Object.fromEntries(names.map((n) => [n, spec]));
}

export const catalogue = mergeCatalogues(
  defineCatalogue('data-bureau', {
    CatalogueType: { description: 'A catalogued information resource.', fields: all(open, 'name', 'owner', 'description', 'regionField', 'fields') },
    CatalogueField: { description: 'A catalogued field.', fields: all(open, 'name', 'owner', 'sharing', 'open', 'sensitivity', 'mask', 'description') },
    Change: {
      description: 'A change to a record, judged for its reader by the owning domain (what a query of the record would give).',
      fields: all(government, 'type', 'recordKey', 'domain', 'occurredAt', 'version', 'writerDept', 'fields'),
    },
    ChangedField: { description: 'A changed field, already judged for its reader.', fields: all(government, 'name', 'value', 'masked') },
    // A feed has no total: it grows while it is read.
    ChangeConnection: { description: 'A page of changes.', fields: all(open, 'edges', 'pageInfo') },
    ChangeEdge: { description: 'A change with its cursor.', fields: all(open, 'cursor', 'node') },
    TypeAccess: { description: "The caller's own access to a type.", fields: all(open, 'type', 'fields') },
    FieldAccess: { description: "The caller's own access to a field.", fields: all(open, 'field', 'decision', 'reason', 'source', 'sourceId', 'dependsOnRecord') },
    RolePolicy: { description: 'A role policy.', fields: all(government, 'id', 'dept', 'role', 'description', 'rules') },
    PolicyVersion: {
      columns: { state: ['stateChangedAt'] },
      description: 'A version of the whole policy document, with its tests and workflow.',
      fields: all(government, 'number', 'state', 'basedOn', 'author', 'authorDept', 'reason', 'createdAt', 'hash', 'policies', 'document', 'tests', 'testsDocument', 'cosignatures', 'history'),
    },
    Cosignature: { description: "An owning department's co-signature.", fields: all(government, 'dept', 'fields', 'signedBy', 'signedAt', 'reason') },
    PolicyEvent: { description: 'A workflow step.', internal: ['id', 'subjectKind', 'subjectId'], fields: all(government, 'at', 'actor', 'actorDept', 'action', 'fromState', 'toState', 'reason') },
    PolicyTest: { description: 'A stored policy test.', fields: all(government, 'name', 'caller', 'type', 'field', 'record', 'action', 'expect') },
    Caller: { description: "A caller's attributes in a policy test.", fields: all(government, 'dept', 'roles', 'region', 'purpose') },
    PolicyProblem: { description: 'A validation problem.', fields: all(government, 'path', 'policyId', 'rule', 'message') },
    PolicyValidation: { description: 'The result of validating a policy document.', fields: all(government, 'valid', 'problems', 'cosignaturesRequired') },
    PolicyDiff: { description: 'Differences between two versions.', fields: all(government, 'from', 'to', 'changes', 'text') },
    PolicyChange: { description: 'One difference.', fields: all(government, 'kind', 'target', 'policyId', 'rule', 'before', 'after') },
    PolicyTestRun: { description: "A run of a version's tests.", fields: all(government, 'version', 'passed', 'failed', 'results') },
    PolicyTestResult: { description: 'One test result.', fields: all(government, 'name', 'passed', 'expected', 'actual', 'reason') },
    Explanation: { description: 'Per requested field, the decision and what decided it.', fields: all(government, 'version', 'operationName', 'fields') },
    ExplainedField: { description: 'One explained field.', fields: all(government, 'path', 'type', 'field', 'decision', 'reason', 'source', 'sourceId', 'dependsOnRecord') },
    PolicyImpact: { description: 'Access gained or lost by a version.', fields: all(government, 'version', 'comparedWith', 'changes') },
    // The permission matrix and "who can see this?": policy information, like explain; the resolvers admit only
    // security officers and auditors.
    AccessMatrix: { description: 'The permission matrix of one type.', fields: all(government, 'type', 'version', 'region', 'purpose', 'columns', 'rows') },
    MatrixColumn: { description: 'A department and role of the matrix.', fields: all(government, 'dept', 'role') },
    MatrixRow: { description: 'A field of the matrix with its catalogue facts.', fields: all(government, 'field', 'owner', 'sharing', 'open', 'sensitivity', 'mask', 'cells') },
    MatrixCell: { description: "One caller's access to one field.", fields: all(government, 'dept', 'role', 'decision', 'decisionInScope', 'reason', 'source', 'sourceId', 'dependsOnRecord', 'condition') },
    WhoCanSeeEntry: { description: "A department and role's access to a field.", fields: all(government, 'dept', 'role', 'decision', 'decisionInScope', 'reason', 'source', 'sourceId', 'dependsOnRecord', 'condition', 'grants') },
    GrantAccess: { description: 'A grant in force covering a field.', fields: all(government, 'grantId', 'requesterDept', 'purpose', 'expiresAt', 'region', 'decision') },
    PolicyEditPreview: { description: 'A policy document after edits, checked but not stored.', fields: all(government, 'basedOn', 'policies', 'tests', 'editProblems', 'valid', 'problems', 'cosignaturesRequired', 'impact', 'failingTests', 'matrix') },
    PolicyEditProblem: { description: 'An edit that could not be applied.', fields: all(government, 'edit', 'message') },
    PolicyCellOption: { description: 'A decision a matrix cell can be given.', fields: all(government, 'decision', 'needsCosignatureOf') },
    ConditionField: { description: 'A field a row condition may test.', fields: all(government, 'name', 'kind', 'values', 'operators', 'attributes') },
    PolicyLanguage: { description: 'What the policy language accepts, for the console forms.', fields: all(government, 'departments', 'roles', 'actions', 'ruleKeys', 'fieldSelectorKeys', 'subjectSelectorKeys', 'sharingTypes', 'sensitivities', 'testExpectations', 'testActions') },
    ConditionDescription: { description: 'A row condition in words.', fields: all(government, 'text', 'problems') },
    AccessChange: { description: 'One gained or lost field.', fields: all(government, 'dept', 'role', 'type', 'field', 'before', 'after', 'direction', 'coveredBy') },
    GrantRequest: {
      columns: { expiresOn: ['expiresAt'] },
      description: 'A request for conditional sharing and its decision (the grant).',
      fields: all(request, 'id', 'state', 'requesterDept', 'requestedBy', 'ownerDept', 'scope', 'region', 'purpose', 'legalBasis', 'expiresOn', 'createdAt', 'ageSeconds', 'dueOn', 'overdue', 'workingDaysLeft', 'decidedBy', 'decidedAt', 'decisionReason', 'history'),
    },
    GrantScope: { description: 'Types and fields a grant request covers.', fields: all(request, 'type', 'fields') },
    // Counts only, over the requests the caller may read anyway (their row rules): no request's content.
    GrantDeadlineCount: {
      description: "Per owning department, the caller's visible pending sharing requests: pending, due today, overdue.",
      fields: all(government, 'ownerDept', 'pending', 'dueToday', 'overdue'),
    },
    // Data objections: the business of the objecting and the owning department, security officers and auditors
    // (row rules in the province policy). What is proposed and the evidence may be personal data of the record.
    Objection: {
      description: 'An objection to a shared value (数据异议) and how the owning department resolved it.',
      fields: {
        ...all(request, 'id', 'recordKey', 'field', 'reason', 'objectorDept', 'objector', 'ownerDept', 'state', 'resolutionReason', 'correctionVersion', 'correctedBy', 'resolvedBy', 'createdAt', 'resolvedAt', 'version', 'dueOn', 'overdue', 'workingDaysLeft'),
        ...all(field('CONDITIONAL', { sensitivity: 'PERSONAL' }), 'proposedValue', 'evidence'),
      },
    },
    // Counts only, over the objections the caller may read anyway (their row rules).
    ObjectionDeadlineCount: {
      description: "Per owning department, the caller's visible open objections: open, due today, overdue.",
      fields: all(government, 'ownerDept', 'open', 'dueToday', 'overdue'),
    },
    // Counts only, over every objection, for any government caller (the dashboard reads no objection): no content.
    DepartmentBacklog: {
      description: "Per owning department, pending sharing requests and open objections, and the overdue ones: counts only.",
      fields: all(government, 'ownerDept', 'grantRequestsPending', 'grantRequestsOverdue', 'objectionsOpen', 'objectionsOverdue'),
    },
  }),
  connectionCatalogue('data-bureau', 'PolicyVersion'),
  connectionCatalogue('data-bureau', 'GrantRequest'),
  connectionCatalogue('data-bureau', 'Objection'),
  subscriptionCatalogue(),
);

/**
 * Change subscriptions are the subscribing department's business (and its security officers' and auditors'): every
 * field is CONDITIONAL, read through row rules on `dept` in the province policy, denied to everyone else.
 */
function subscriptionCatalogue() {
  const theirs = field('CONDITIONAL');
  return mergeCatalogues(
    defineCatalogue('data-bureau', {
      ChangeSubscription: {
        columns: { state: ['stateChangedAt'], failures: ['retryDelivery'] },
        // The salt derives the signing secret (never served); the lease is the worker's bookkeeping.
        internal: ['secretSalt', 'leaseOwner', 'leaseUntil'],
        description: "A department's subscription to change events, pulled or pushed to its webhook.",
        fields: all(theirs, 'id', 'dept', 'owner', 'subscriberRoles', 'subscriberRegion', 'region', 'purpose', 'types', 'withoutConditionalFields', 'webhookUrl', 'state', 'position', 'failures', 'nextAttemptAt', 'lastError', 'lastDeliveredAt', 'caughtUp', 'deadLetterCount', 'deliveries', 'createdAt', 'version'),
      },
      DeadLetter: {
        description: 'A change a webhook did not take after every attempt: where it is and what it was, without values.',
        fields: all(theirs, 'id', 'subscriptionId', 'dept', 'deliveryId', 'domain', 'position', 'type', 'recordKey', 'occurredAt', 'fields', 'lastError', 'attempts', 'createdAt', 'state', 'redeliveredAt'),
      },
      SubscriptionDelivery: {
        internal: ['id'],
        description: 'The outcome of delivering one change to a webhook.',
        fields: all(theirs, 'deliveryId', 'subscriptionId', 'dept', 'domain', 'position', 'type', 'recordKey', 'status', 'attempts', 'httpStatus', 'error', 'at'),
      },
      // What the subscriber gets back from its own steps; the subscription in it is judged by its own rules.
      SubscribeResult: { description: 'A new subscription with its signing secret, shown once.', fields: all(government, 'subscription', 'secret') },
      RedeliveryResult: { description: 'Dead letters after a redelivery.', fields: all(government, 'subscription', 'deadLetters') },
    }),
    connectionCatalogue('data-bureau', 'ChangeSubscription'),
    connectionCatalogue('data-bureau', 'DeadLetter'),
  );
}

// The audit trail through the graph (./audit.ts): auditors only, by the province policy.
const audited = field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'redact' });
const auditedKey = field('CONDITIONAL');
const structure = field('UNCONDITIONAL', { open: true });

export const auditCatalogue = defineCatalogue('data-bureau', {
  AuditRecord: {
    description: 'An audited request or write: who used which protected data, when, why and how.',
    fields: {
      id: auditedKey, writer: audited, seq: audited, time: audited, kind: audited, sub: audited, dept: audited, roles: audited, region: audited,
      client: audited, purpose: audited, operationName: audited, documentHash: audited, requestId: audited, fields: audited, recordKeys: audited,
      grantIds: audited, outOfRegion: audited, prevHash: audited, hash: audited,
    },
  },
  AuditFieldUse: { description: 'A field an audited request used.', fields: { field: auditedKey, decision: auditedKey, count: auditedKey } },
  AuditAnomaly: { description: 'A caller whose use of data an anomaly rule flags.', fields: { rule: auditedKey, sub: audited, dept: audited, description: audited, count: audited, records: audited } },
  AuditRecordConnection: { fields: { edges: structure, pageInfo: structure } },
  AuditRecordEdge: { fields: { cursor: structure, node: structure } },
});


/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  GrantRequested: { type: 'GrantRequest', description: 'A department asked for conditional sharing (requestGrant).', fields: ['state'] },
  GrantApproved: { type: 'GrantRequest', description: 'The owning department approved a sharing request: the grant is in force.', fields: ['state'] },
  GrantRejected: { type: 'GrantRequest', description: 'The owning department rejected a sharing request.', fields: ['state'] },
  GrantRevoked: { type: 'GrantRequest', description: 'A grant was revoked.', fields: ['state'] },
  PolicyDrafted: { type: 'PolicyVersion', description: 'A policy version drafted.', fields: ['state'] },
  PolicyRestored: { type: 'PolicyVersion', description: 'An earlier policy version copied into a new draft.', fields: ['state'] },
  PolicySubmitted: { type: 'PolicyVersion', description: 'A policy version submitted for review.', fields: ['state'] },
  PolicyApproved: { type: 'PolicyVersion', description: 'A policy version approved by a second security officer.', fields: ['state'] },
  PolicyRejected: { type: 'PolicyVersion', description: 'A policy version rejected in review.', fields: ['state'] },
  PolicyCosigned: { type: 'PolicyVersion', description: "A policy version co-signed by an owning department.", fields: ['state'] },
  PolicyActivated: { type: 'PolicyVersion', description: 'A policy version put in force: what callers may see changes.', fields: ['state'] },
  ObjectionRaised: { type: 'Objection', description: 'A department objected to a value another department owns (raiseObjection).', fields: ['state', 'recordKey', 'field', 'objectorDept', 'ownerDept', 'proposedValue'] },
  ObjectionCorrected: { type: 'Objection', description: 'The owning department corrected the value objected to (resolveObjection).', fields: ['state', 'recordKey', 'field', 'objectorDept', 'ownerDept', 'resolutionReason', 'correctionVersion', 'resolvedBy'] },
  ObjectionRejected: { type: 'Objection', description: 'The owning department rejected an objection, with its reason (resolveObjection).', fields: ['state', 'recordKey', 'field', 'objectorDept', 'ownerDept', 'resolutionReason', 'correctionVersion', 'resolvedBy'] },
  PolicySuperseded: { type: 'PolicyVersion', description: 'A policy version replaced by a newer one.', fields: ['state'] },
  SubscriptionCreated: { type: 'ChangeSubscription', description: 'A department subscribed to change events (subscribe).', fields: ['state'] },
  SubscriptionPaused: { type: 'ChangeSubscription', description: 'A subscription paused: nothing is pushed until it resumes.', fields: ['state'] },
  SubscriptionResumed: { type: 'ChangeSubscription', description: 'A paused subscription resumed where it stopped.', fields: ['state'] },
  SubscriptionCancelled: { type: 'ChangeSubscription', description: 'A subscription cancelled (unsubscribe); final.', fields: ['state'] },
  DeadLettersRedelivered: { type: 'ChangeSubscription', description: "A subscription's dead letters sent again on request (redeliver).", fields: ['state'] },
});
