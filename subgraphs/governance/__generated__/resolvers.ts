import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { PolicyVersionRow, GrantRequestRow, ObjectionRow, PolicyEventRow, ChangeSubscriptionRow, DeadLetterRow, SubscriptionDeliveryRow } from '../entities';
import { Connection } from '../../kit/pagination';
import { RolePolicy as StoredRolePolicy, PolicyTest as StoredPolicyTest } from '../../../auth';
import { GovernanceContext } from '../loaders';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  Date: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** One field a role of a department gains or loses under a policy version, compared with the active one. */
export type AccessChange = {
  __typename?: 'AccessChange';
  /** The decision under the version examined. */
  after: AccessDecision;
  /** The decision under the version compared with (normally the active one). */
  before: AccessDecision;
  /** The names of the examined version's policy tests that check this field for this department and role; empty when no test covers the change, which a reviewer then takes on trust. */
  coveredBy: Array<Scalars['String']['output']>;
  /** Department code whose callers are affected, e.g. health. */
  dept: Scalars['String']['output'];
  /** GAINS or LOSES */
  direction: Scalars['String']['output'];
  /** The field's name. */
  field: Scalars['String']['output'];
  /** The role affected, e.g. analyst. */
  role: Scalars['String']['output'];
  /** The GraphQL type of the field. */
  type: Scalars['String']['output'];
};

/** What a caller gets for a field. */
export type AccessDecision =
  /** Nothing: null, with a FORBIDDEN error. */
  | 'DENIED'
  /** The value in full. */
  | 'FULL'
  /** The value through the field's mask strategy (e.g. an ID number as 4601**********1234). */
  | 'MASKED';

/** The permission matrix of one type under one policy version. */
export type AccessMatrix = {
  __typename?: 'AccessMatrix';
  /** The columns, in the order of each row's cells: departments and roles. */
  columns: Array<MatrixColumn>;
  /** The purpose every column's caller declares; null for none. */
  purpose: Maybe<Scalars['String']['output']>;
  /** The region code every column's caller covers. */
  region: Scalars['String']['output'];
  /** One row per catalogued field of the type. */
  rows: Array<MatrixRow>;
  /** The GraphQL type name. */
  type: Scalars['String']['output'];
  /** The policy version decided under. */
  version: Scalars['Int']['output'];
};

/** A caller whose use of data an anomaly rule flags in the period asked for, with the records that make the case. */
export type AuditAnomaly = {
  __typename?: 'AuditAnomaly';
  /** How many requests, records or denials the rule counted. */
  count: Maybe<Scalars['Int']['output']>;
  /** Department code of the caller. */
  dept: Maybe<Scalars['String']['output']>;
  /** What the rule found, in words. */
  description: Maybe<Scalars['String']['output']>;
  /** The records that make the case (writer#seq, at most 20). */
  records: Maybe<Array<Scalars['String']['output']>>;
  /** volume-own-baseline, volume-peers, off-hours, out-of-region, grant-purpose or denial-burst. */
  rule: Scalars['String']['output'];
  /** Subject (token `sub`) of the caller flagged. */
  sub: Maybe<Scalars['String']['output']>;
};

/** A field an audited request read, masked, was refused or wrote, with a count. */
export type AuditFieldUse = {
  __typename?: 'AuditFieldUse';
  /** How many times (values) in the request. */
  count: Scalars['Int']['output'];
  /** FULL, MASKED, DENIED or WRITTEN. */
  decision: Scalars['String']['output'];
  /** Type.field */
  field: Scalars['String']['output'];
};

/** Which audit records to return; every given condition must hold. */
export type AuditFilter = {
  /** Department code of the caller, e.g. health. */
  dept?: InputMaybe<Scalars['String']['input']>;
  /** A subgraph: population, health, ... */
  domain?: InputMaybe<Scalars['String']['input']>;
  /** A type (HealthRecord) or a field (HealthRecord.chronicConditions). */
  field?: InputMaybe<Scalars['String']['input']>;
  /** ISO 8601 instants: from inclusive, to exclusive. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** read, denial, aggregate, write or policy. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** The purpose (X-Purpose) the caller declared. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** A record key, e.g. Person:<id> or HealthRecord:<id>: who looked at this record? */
  recordKey?: InputMaybe<Scalars['String']['input']>;
  /** Subject (token `sub`) of the caller. */
  sub?: InputMaybe<Scalars['String']['input']>;
  /** Exclusive end of the period (ISO 8601 instant). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** One audited request (or write) as the subgraph that served it recorded it, chained to its previous record. */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  /** The departmental app that made the request (token `client` claim); null if the token names none. */
  client: Maybe<Scalars['String']['output']>;
  /** Department code of the caller. */
  dept: Maybe<Scalars['String']['output']>;
  /** sha256 of the GraphQL document. */
  documentHash: Maybe<Scalars['String']['output']>;
  /** The fields read, masked, refused or written, with counts. */
  fields: Maybe<Array<AuditFieldUse>>;
  /** IDs of the sharing grants that allowed a field in this request. */
  grantIds: Maybe<Array<Scalars['String']['output']>>;
  /** sha256 of this record, its prevHash included: the chain link that makes tampering evident. */
  hash: Maybe<Scalars['String']['output']>;
  /** writer#seq */
  id: Scalars['ID']['output'];
  /** read, denial, aggregate, write or policy. */
  kind: Maybe<Scalars['String']['output']>;
  /** The GraphQL operation name, if the request gave one. */
  operationName: Maybe<Scalars['String']['output']>;
  /** Records read whose region lies outside the caller's. */
  outOfRegion: Maybe<Scalars['Int']['output']>;
  /** The hash of the writer's previous record (the chain link). */
  prevHash: Maybe<Scalars['String']['output']>;
  /** The purpose (X-Purpose header) the caller declared. */
  purpose: Maybe<Scalars['String']['output']>;
  /** The records returned, written or refused (Type:key); a last '+N more' says how many were left out. */
  recordKeys: Maybe<Array<Scalars['String']['output']>>;
  /** 6-digit GB/T 2260 code of the area the caller's token covers, if any. */
  region: Maybe<Scalars['String']['output']>;
  /** The request's ID (X-Request-Id), to find it in the services' logs. */
  requestId: Maybe<Scalars['String']['output']>;
  /** The caller's roles, e.g. officer, analyst. */
  roles: Maybe<Array<Scalars['String']['output']>>;
  /** Position of the record in its writer's chain, from 1. */
  seq: Maybe<Scalars['Int']['output']>;
  /** Subject (token `sub`) of the caller. */
  sub: Maybe<Scalars['String']['output']>;
  /** ISO 8601 instant. */
  time: Maybe<Scalars['String']['output']>;
  /** The subgraph (and chain) that wrote it. */
  writer: Maybe<Scalars['String']['output']>;
};

/** A page of audit records, oldest first. */
export type AuditRecordConnection = {
  __typename?: 'AuditRecordConnection';
  /** The AuditRecord records of this page, each with its cursor. */
  edges: Array<AuditRecordEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
};

/** One AuditRecord of a page, with its cursor. */
export type AuditRecordEdge = {
  __typename?: 'AuditRecordEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The AuditRecord. */
  node: AuditRecord;
};

/** A caller's attributes in a stored policy test. */
export type Caller = {
  __typename?: 'Caller';
  /** Department code; null for the public. */
  dept: Maybe<Scalars['String']['output']>;
  /** The purpose (X-Purpose) the caller declares; grants apply only to their own purpose. */
  purpose: Maybe<Scalars['String']['output']>;
  /** 6-digit GB/T 2260 code of the caller's area, if limited to one. */
  region: Maybe<Scalars['String']['output']>;
  /** The caller's roles, e.g. officer, analyst. */
  roles: Array<Scalars['String']['output']>;
};

/** A caller's attributes (as a token would carry them), for explain. */
export type CallerInput = {
  /** Department code; null for the public. */
  dept?: InputMaybe<Scalars['String']['input']>;
  /** The X-Purpose the caller declares (grants apply only to their own purpose). */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** 6-digit administrative code of the caller's area. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** The caller's roles, e.g. officer, analyst; none for the public. */
  roles?: Array<Scalars['String']['input']>;
  /** Subject to act as (token `sub`); explain by default. */
  sub?: InputMaybe<Scalars['String']['input']>;
};

/** A catalogued field: its owner, sharing type, openness, sensitivity and mask, from the resource catalogue. */
export type CatalogueField = {
  __typename?: 'CatalogueField';
  /** What the field holds, where the catalogue says more than the schema; null otherwise. */
  description: Maybe<Scalars['String']['output']>;
  /** How the value is masked where a caller may see it masked only. */
  mask: Scalars['String']['output'];
  /** The field's name in the GraphQL type. */
  name: Scalars['String']['output'];
  /** Open data: readable by anyone, signed in or not. */
  open: Scalars['Boolean']['output'];
  /** Code of the owning department, e.g. public-security; may differ from the type's owner for an extended type. */
  owner: Scalars['String']['output'];
  /** Personal-information sensitivity under the PIPL. */
  sensitivity: Sensitivity;
  /** Sharing type under the national rules: UNCONDITIONAL, CONDITIONAL (through a grant) or NOT_SHARED. */
  sharing: SharingType;
};

/** A catalogued information resource: one GraphQL type. */
export type CatalogueType = {
  __typename?: 'CatalogueType';
  /** What the resource is, as the catalogue describes it; null if it does not. */
  description: Maybe<Scalars['String']['output']>;
  /** Every catalogued field of the type, each with its own owner and terms. */
  fields: Array<CatalogueField>;
  /** The GraphQL type name, e.g. Person. */
  name: Scalars['String']['output'];
  /** Code of the department that owns the resource, e.g. public-security, health, data-bureau. */
  owner: Scalars['String']['output'];
  /** The field holding the record's administrative code, used by region-limited grants. */
  regionField: Maybe<Scalars['String']['output']>;
};

/** A change to a record, as you may see it now. */
export type Change = {
  __typename?: 'Change';
  /** The domain whose database recorded the change, e.g. population. */
  domain: Scalars['String']['output'];
  /** The changed fields you may read, with their new values (masked where a query would mask them). */
  fields: Array<ChangedField>;
  /** When the change was committed. */
  occurredAt: Scalars['String']['output'];
  /** The changed record, as Type:key, e.g. Person:P0000000001A. */
  recordKey: Scalars['String']['output'];
  /** The event type in the owning department's vocabulary, e.g. PersonDied, PropertyTransferred, VaccinationRecorded. */
  type: Scalars['String']['output'];
  /** The record's version after the change; null for records without versions. */
  version: Maybe<Scalars['Int']['output']>;
  /** Who made the change: their department. */
  writerDept: Maybe<Scalars['String']['output']>;
};

/** A page of changes, oldest first, with where the page ends. */
export type ChangeConnection = {
  __typename?: 'ChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<ChangeEdge>;
  /** Whether more changes follow; pass endCursor as `after` to read on (also after the last page: new changes arrive there). */
  pageInfo: PageInfo;
};

/** One change of a page, with its cursor. */
export type ChangeEdge = {
  __typename?: 'ChangeEdge';
  /** Opaque position after this change in every domain's feed; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: Change;
};

/** A department's subscription to change events. */
export type ChangeSubscription = {
  __typename?: 'ChangeSubscription';
  /** True when the last read found nothing more to deliver (no lag). */
  caughtUp: Scalars['Boolean']['output'];
  /** When it was made (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Dead letters waiting for redelivery. */
  deadLetterCount: Scalars['Int']['output'];
  /** The latest delivery outcomes, newest first. */
  deliveries: Array<SubscriptionDelivery>;
  /** Code of the subscribing department. */
  dept: Scalars['String']['output'];
  /** Failed attempts at the change now being retried; 0 when none is. */
  failures: Scalars['Int']['output'];
  /** Opaque subscription ID; also X-Hainan-Subscription on every webhook POST. */
  id: Scalars['ID']['output'];
  /** When a change was last delivered (ISO 8601); null before the first. */
  lastDeliveredAt: Maybe<Scalars['String']['output']>;
  /** The last delivery error; null after a delivery. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When the next attempt is due (ISO 8601) while a change is retried; null otherwise. */
  nextAttemptAt: Maybe<Scalars['String']['output']>;
  /** Subject of the caller who subscribed. */
  owner: Scalars['String']['output'];
  /** The durable position: an opaque `changes` cursor delivered or acknowledged up to; null before the first change. */
  position: Maybe<Scalars['String']['output']>;
  /** The purpose deliveries carry as X-Purpose. */
  purpose: Scalars['String']['output'];
  /** The narrower region deliveries are judged for; null: the subscriber's own. */
  region: Maybe<Scalars['String']['output']>;
  /** Where it is in its life. */
  state: ChangeSubscriptionState;
  /** The subscriber's own region at subscribe time (6-digit code); null for none. */
  subscriberRegion: Maybe<Scalars['String']['output']>;
  /** The subscriber's roles at subscribe time: deliveries are judged for them. */
  subscriberRoles: Array<Scalars['String']['output']>;
  /** The event types subscribed to. */
  types: Array<Scalars['String']['output']>;
  /** Moves with each step: subscribe, pause, resume, cancel. */
  version: Scalars['Int']['output'];
  /** Where changes are pushed; null for a pulled subscription. */
  webhookUrl: Maybe<Scalars['String']['output']>;
  /** True when CONDITIONAL fields are never delivered. */
  withoutConditionalFields: Scalars['Boolean']['output'];
};


/** A department's subscription to change events. */
export type ChangeSubscriptionDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of ChangeSubscription records in the list's order, with where the page ends. */
export type ChangeSubscriptionConnection = {
  __typename?: 'ChangeSubscriptionConnection';
  /** The ChangeSubscription records of this page, each with its cursor. */
  edges: Array<ChangeSubscriptionEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many ChangeSubscription records match the filter among those you may see, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** One ChangeSubscription of a page, with its cursor. */
export type ChangeSubscriptionEdge = {
  __typename?: 'ChangeSubscriptionEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The ChangeSubscription. */
  node: ChangeSubscription;
};

/** Where a change subscription is in its life. */
export type ChangeSubscriptionState =
  /** Delivering (pushed) or readable (pulled). */
  | 'ACTIVE'
  /** Ended for good. */
  | 'CANCELLED'
  /** Kept, but nothing is pushed until it resumes. */
  | 'PAUSED';

/** One changed field of a change. */
export type ChangedField = {
  __typename?: 'ChangedField';
  /** True when the value is masked for you, as a query would mask it. */
  masked: Scalars['Boolean']['output'];
  /** The field's name in the graph, e.g. status. */
  name: Scalars['String']['output'];
  /** The new value as JSON text (a string is quoted; null when the field was cleared). */
  value: Maybe<Scalars['String']['output']>;
};

/** A row condition in words. */
export type ConditionDescription = {
  __typename?: 'ConditionDescription';
  /** The validator's problems with the condition on the type; empty when it is accepted. */
  problems: Array<PolicyProblem>;
  /** The condition in words; its JSON when the shape has no wording. */
  text: Scalars['String']['output'];
};

/** A field a row condition may test, and how. */
export type ConditionField = {
  __typename?: 'ConditionField';
  /** Caller attributes it may be compared with, as principal.NAME placeholders (text fields only). */
  attributes: Array<Scalars['String']['output']>;
  /** string, number, boolean, date or enum. */
  kind: Scalars['String']['output'];
  /** The field's name. */
  name: Scalars['String']['output'];
  /** The operators the validator accepts on it, e.g. $eq, $in, $like. */
  operators: Array<Scalars['String']['output']>;
  /** The enum's values; empty for other kinds. */
  values: Array<Scalars['String']['output']>;
};

/** The co-signature a version needs from the department whose NOT_SHARED fields it opens to others. */
export type Cosignature = {
  __typename?: 'Cosignature';
  /** The department that owns the NOT_SHARED fields. */
  dept: Scalars['String']['output'];
  /** Type.field of each NOT_SHARED field opened. */
  fields: Array<Scalars['String']['output']>;
  /** The reason the co-signer gave; null until signed. */
  reason: Maybe<Scalars['String']['output']>;
  /** When the owner's security officer co-signed (ISO 8601); null until signed. */
  signedAt: Maybe<Scalars['String']['output']>;
  /** Subject of the owner's security officer who co-signed; null until signed. */
  signedBy: Maybe<Scalars['String']['output']>;
};

/** A change a subscription's webhook did not take after every attempt (where and what it was, without values). */
export type DeadLetter = {
  __typename?: 'DeadLetter';
  /** Attempts made. */
  attempts: Scalars['Int']['output'];
  /** When it became a dead letter (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** The X-Hainan-Delivery ID the change was sent with; redelivery uses it again. */
  deliveryId: Scalars['String']['output'];
  /** Code of the subscribing department. */
  dept: Scalars['String']['output'];
  /** The domain whose feed holds the change, e.g. population. */
  domain: Scalars['String']['output'];
  /** Names of the fields that were delivered. */
  fields: Array<Scalars['String']['output']>;
  /** Opaque dead letter ID. */
  id: Scalars['ID']['output'];
  /** The last error: HTTP status or what failed. */
  lastError: Scalars['String']['output'];
  /** When the change was committed (ISO 8601). */
  occurredAt: Scalars['String']['output'];
  /** The change's position in that domain's feed. */
  position: Scalars['Int']['output'];
  /** The changed record, as Type:key. */
  recordKey: Scalars['String']['output'];
  /** When it was redelivered (ISO 8601); null until then. */
  redeliveredAt: Maybe<Scalars['String']['output']>;
  /** Waiting, redelivered or gone. */
  state: DeadLetterState;
  /** The subscription it belongs to. */
  subscriptionId: Scalars['ID']['output'];
  /** The event type, e.g. PersonDied. */
  type: Scalars['String']['output'];
};

/** A page of DeadLetter records in the list's order, with where the page ends. */
export type DeadLetterConnection = {
  __typename?: 'DeadLetterConnection';
  /** The DeadLetter records of this page, each with its cursor. */
  edges: Array<DeadLetterEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many DeadLetter records match the filter among those you may see, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** One DeadLetter of a page, with its cursor. */
export type DeadLetterEdge = {
  __typename?: 'DeadLetterEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The DeadLetter. */
  node: DeadLetter;
};

/** Where a dead letter is. */
export type DeadLetterState =
  /** No longer readable by the subscriber, so not sent again. */
  | 'GONE'
  /** Waiting for redelivery. */
  | 'PENDING'
  /** Sent again and taken by the webhook. */
  | 'REDELIVERED';

/** One owning department's backlog: pending sharing requests and open data objections, as counts. */
export type DepartmentBacklog = {
  __typename?: 'DepartmentBacklog';
  /** Of those, the ones past their deadline. */
  grantRequestsOverdue: Scalars['Int']['output'];
  /** Sharing requests waiting for its decision. */
  grantRequestsPending: Scalars['Int']['output'];
  /** Data objections it must resolve. */
  objectionsOpen: Scalars['Int']['output'];
  /** Of those, the ones past their deadline. */
  objectionsOverdue: Scalars['Int']['output'];
  /** Code of the department that owns the data. */
  ownerDept: Scalars['String']['output'];
};

/** A new draft version of the whole policy document. */
export type DraftPolicyInput = {
  /** The version edited; null means the active version. */
  basedOn?: InputMaybe<Scalars['Int']['input']>;
  /** JSON array of role policies: [{ id, dept, role, description?, rules: [{ action, subject, fields?, conditions?, inverted?, reason?, overrideNotShared? }] }]. */
  policies: Scalars['String']['input'];
  /** Why the change is made; kept in the version's history. */
  reason: Scalars['String']['input'];
  /** JSON array of policy tests: [{ name, caller: { dept, roles, region?, purpose? }, type, field, record?, action?, expect }]; null keeps the base version's tests. */
  tests?: InputMaybe<Scalars['String']['input']>;
};

/** The decision on one requested field and what decided it. */
export type ExplainedField = {
  __typename?: 'ExplainedField';
  /** FULL, MASKED or DENIED. */
  decision: AccessDecision;
  /** True when the answer differs between records (a rule has conditions, e.g. on the region). */
  dependsOnRecord: Scalars['Boolean']['output'];
  /** The field's name. */
  field: Scalars['String']['output'];
  /** Response path, e.g. persons.edges.node.idNumber. */
  path: Scalars['String']['output'];
  /** The rule, grant or catalogue default that decided, in words. */
  reason: Scalars['String']['output'];
  /** catalogue, policy, grant, or entry (root fields: the entry point, whose rows are scoped). */
  source: Maybe<Scalars['String']['output']>;
  /** The policy or grant ID, or Type.field for a catalogue default. */
  sourceId: Maybe<Scalars['String']['output']>;
  /** The GraphQL type of the field. */
  type: Scalars['String']['output'];
};

/** Per requested field of an operation, the decision for a caller and what decided it; touches no data. */
export type Explanation = {
  __typename?: 'Explanation';
  /** Every field the operation requests, in document order. */
  fields: Array<ExplainedField>;
  /** The operation explained (for a document with several). */
  operationName: Maybe<Scalars['String']['output']>;
  /** The policy version the decisions were made under. */
  version: Scalars['Int']['output'];
};

/** The caller's own access to one field. */
export type FieldAccess = {
  __typename?: 'FieldAccess';
  /** FULL, MASKED or DENIED. */
  decision: AccessDecision;
  /** True when the answer differs between records (a rule has conditions, e.g. on the region). */
  dependsOnRecord: Scalars['Boolean']['output'];
  /** The field's name. */
  field: Scalars['String']['output'];
  /** The rule, grant or catalogue default that decided. */
  reason: Scalars['String']['output'];
  /** catalogue, policy or grant; null when nothing allowed the field. */
  source: Maybe<Scalars['String']['output']>;
  /** The policy or grant ID, or Type.field for a catalogue default. */
  sourceId: Maybe<Scalars['String']['output']>;
};

/** A grant in force that covers a field, and what it gives. */
export type GrantAccess = {
  __typename?: 'GrantAccess';
  /** The decision for this department and role when they declare the grant's purpose. */
  decision: MatrixDecision;
  /** When the grant ends (ISO 8601 instant). */
  expiresAt: Scalars['String']['output'];
  /** The grant's ID (the approved request's). */
  grantId: Scalars['String']['output'];
  /** The purpose the grant is bound to: it applies only to requests declaring it (X-Purpose). */
  purpose: Scalars['String']['output'];
  /** The region the grant is limited to; null for the whole province. */
  region: Maybe<Scalars['String']['output']>;
  /** The department the grant was given to. */
  requesterDept: Scalars['String']['output'];
};

/** The pending sharing requests one owning department must answer, against their deadlines. */
export type GrantDeadlineCount = {
  __typename?: 'GrantDeadlineCount';
  /** Of those, the ones whose due date is today (China time). */
  dueToday: Scalars['Int']['output'];
  /** Of those, the ones past their due date. */
  overdue: Scalars['Int']['output'];
  /** Code of the department that owns the data and decides. */
  ownerDept: Scalars['String']['output'];
  /** Pending requests it must answer (among those you may see). */
  pending: Scalars['Int']['output'];
};

/** A department's request for another department's CONDITIONAL fields, and its decision: once approved, the grant. */
export type GrantRequest = {
  __typename?: 'GrantRequest';
  /** Seconds since the request was made while it is pending; since then until the decision otherwise. */
  ageSeconds: Scalars['Int']['output'];
  /** When the request was made (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** When it was approved, rejected or revoked (ISO 8601); null while pending. */
  decidedAt: Maybe<Scalars['String']['output']>;
  /** Subject of the owner's security officer who decided; null while pending. */
  decidedBy: Maybe<Scalars['String']['output']>;
  /** The reason given with the decision; null while pending. */
  decisionReason: Maybe<Scalars['String']['output']>;
  /**
   * While pending: the last day (YYYY-MM-DD, China time) for the owning department to decide, the n-th working day
   * after the day the request was made (that day does not count; n is GRANT_DEADLINES' decide, 5 by default).
   * Null once decided, revoked or expired.
   */
  dueOn: Maybe<Scalars['Date']['output']>;
  /** Last day the grant applies (YYYY-MM-DD, China time). */
  expiresOn: Scalars['Date']['output'];
  /** Every workflow step, oldest first. */
  history: Array<PolicyEvent>;
  /** Opaque request ID; also the grant's ID in audit records and explanations. */
  id: Scalars['ID']['output'];
  /** The law or regulation the requesting department relies on. */
  legalBasis: Scalars['String']['output'];
  /** Pending and past its due date (from the start of the next day, China time); false once decided, revoked or expired. */
  overdue: Scalars['Boolean']['output'];
  /** Code of the department that owns the fields and decides. */
  ownerDept: Scalars['String']['output'];
  /** The stated purpose; requests must carry it as X-Purpose to use the grant. */
  purpose: Scalars['String']['output'];
  /** Limit to records of this region (6-digit GB/T 2260 code); null for the whole province. */
  region: Maybe<Scalars['String']['output']>;
  /** Subject of the officer who made the request. */
  requestedBy: Scalars['String']['output'];
  /** Code of the department asking. */
  requesterDept: Scalars['String']['output'];
  /** The types and fields requested. */
  scope: Array<GrantScope>;
  /** Where the request is in its workflow. */
  state: GrantRequestState;
  /**
   * While pending: working days from today (China time) to the due date; 0 on the due date, negative once overdue
   * (-1 on the first day after it, even a holiday). Null once decided, revoked or expired.
   */
  workingDaysLeft: Maybe<Scalars['Int']['output']>;
};

/** A page of GrantRequest records in the list's order, with where the page ends. */
export type GrantRequestConnection = {
  __typename?: 'GrantRequestConnection';
  /** The GrantRequest records of this page, each with its cursor. */
  edges: Array<GrantRequestEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many GrantRequest records match the filter among those you may see, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** One GrantRequest of a page, with its cursor. */
export type GrantRequestEdge = {
  __typename?: 'GrantRequestEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The GrantRequest. */
  node: GrantRequest;
};

/** A request for CONDITIONAL fields of one owning department. */
export type GrantRequestInput = {
  /** Last day the grant applies (YYYY-MM-DD, China time); at most a year ahead. */
  expiresOn: Scalars['Date']['input'];
  /** The law or regulation the requesting department relies on, by name and article. */
  legalBasis: Scalars['String']['input'];
  /** The purpose the requesting department states; requests must carry it as X-Purpose to use the grant. */
  purpose: Scalars['String']['input'];
  /** Limit to records of this region (6-digit code). */
  region?: InputMaybe<Scalars['String']['input']>;
  /** The types and fields asked for; all must be CONDITIONAL and owned by one other department. */
  scope: Array<GrantScopeInput>;
};

/** The workflow of a sharing request. */
export type GrantRequestState =
  /** Approved by the owner: in force as policy until its date. */
  | 'APPROVED'
  /** Approved and past its date, or pending past its date. */
  | 'EXPIRED'
  /** Waiting for the owning department's security officer. */
  | 'PENDING'
  /** Refused by the owner. */
  | 'REJECTED'
  /** Approved, then ended by the owner before its date. */
  | 'REVOKED';

/** The fields of one type that a request covers. */
export type GrantScope = {
  __typename?: 'GrantScope';
  /** Field names of the type. */
  fields: Array<Scalars['String']['output']>;
  /** GraphQL type name, e.g. HealthRecord. */
  type: Scalars['String']['output'];
};

/** The fields of one type to request. */
export type GrantScopeInput = {
  /** Field names of the type, each CONDITIONAL. */
  fields: Array<Scalars['String']['input']>;
  /** GraphQL type name, e.g. HealthRecord. */
  type: Scalars['String']['input'];
};

/** One caller's access to one field, and why. */
export type MatrixCell = {
  __typename?: 'MatrixCell';
  /** The row conditions in words (e.g. only where hukouRegionCode is in the caller's own region); null when there are none. */
  condition: Maybe<Scalars['String']['output']>;
  /** The decision that holds for every record. */
  decision: MatrixDecision;
  /** The decision on records where the row conditions hold (e.g. inside the caller's own region); equals decision unless dependsOnRecord. */
  decisionInScope: MatrixDecision;
  /** True when the answer differs between records (a rule has row conditions). */
  dependsOnRecord: Scalars['Boolean']['output'];
  /** Department code of the column. */
  dept: Scalars['String']['output'];
  /** The rule, grant or catalogue default that decided, as explain reports it. */
  reason: Scalars['String']['output'];
  /** Role of the column. */
  role: Scalars['String']['output'];
  /** catalogue, policy or grant; null when nothing allowed the field. */
  source: Maybe<Scalars['String']['output']>;
  /** The policy or grant ID, or Type.field for a catalogue default. */
  sourceId: Maybe<Scalars['String']['output']>;
};

/** A column of the permission matrix: callers of a department with a role. */
export type MatrixColumn = {
  __typename?: 'MatrixColumn';
  /** Department code, e.g. health. */
  dept: Scalars['String']['output'];
  /** Role, e.g. officer. */
  role: Scalars['String']['output'];
};

/** A decision in the permission matrix: what a caller gets for a field. */
export type MatrixDecision =
  /** Not readable, but counted in statistics (the aggregate permission). */
  | 'AGGREGATE_ONLY'
  /** Nothing: null, with a FORBIDDEN error. */
  | 'DENIED'
  /** The value in full. */
  | 'FULL'
  /** The value through the field's mask. */
  | 'MASKED';

/** A row of the permission matrix: one catalogued field, its catalogue facts and a cell per column. */
export type MatrixRow = {
  __typename?: 'MatrixRow';
  /** One cell per column, in the order of the matrix's columns. */
  cells: Array<MatrixCell>;
  /** The field's name. */
  field: Scalars['String']['output'];
  /** How the value is masked where it is shown masked. */
  mask: Scalars['String']['output'];
  /** Open data: readable by anyone. */
  open: Scalars['Boolean']['output'];
  /** Code of the department owning the field. */
  owner: Scalars['String']['output'];
  /** Personal-information sensitivity under the PIPL. */
  sensitivity: Sensitivity;
  /** Sharing type under the national rules. */
  sharing: SharingType;
};

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Moves a pulled subscription's durable position to a cursor that subscriptionChanges gave (never backwards). */
  acknowledge: ChangeSubscription;
  /** Approved to active: it replaces the active version (which becomes superseded) and reaches every subgraph within a second. */
  activatePolicyVersion: PolicyVersion;
  /** The owning department's security officer approves a pending request: it takes effect as policy at once. */
  approveGrantRequest: GrantRequest;
  /** In review to approved, by a security officer who is not the author; the version's tests must pass and every required co-signature be present. */
  approvePolicyVersion: PolicyVersion;
  /** The owning department's security officer co-signs a version that opens its NOT_SHARED fields to others. */
  cosignPolicyVersion: PolicyVersion;
  /**
   * Stores a new draft version of the whole policy document (a JSON array of role policies) with its tests (a JSON
   * array of policy tests), based on an existing version. Refused with every validation problem if invalid.
   */
  draftPolicyVersion: PolicyVersion;
  /** Stops pushing until resumed; the position is kept, so nothing is missed. */
  pauseSubscription: ChangeSubscription;
  /**
   * A department objects to a value another department provides (数据异议): the record and field, the value it believes
   * right, its evidence and reason. Not for your own department's data, which you correct yourself.
   */
  raiseObjection: Objection;
  /**
   * Sends dead letters to the webhook again, now, once each: each change is read again as the subscriber (what they
   * may read now), under the same X-Hainan-Delivery ID. One no longer readable is marked GONE.
   */
  redeliver: RedeliveryResult;
  /** The owning department's security officer rejects a pending request. */
  rejectGrantRequest: GrantRequest;
  /** Draft or in review to rejected, with the reason. */
  rejectPolicyVersion: PolicyVersion;
  /** A department asks another for CONDITIONAL fields, for a purpose, on a legal basis, until a date. */
  requestGrant: GrantRequest;
  /**
   * An officer of the owning department resolves an open objection: CORRECTED once the record was corrected through
   * the department's own write path (naming the record version that carries the correction), or REJECTED with the
   * reasons the data stands.
   */
  resolveObjection: Objection;
  /** Copies an earlier version into a new draft (restoring goes through review like any change). */
  restorePolicyVersion: PolicyVersion;
  /** Resumes a paused subscription where it stopped, with a fresh count of attempts. */
  resumeSubscription: ChangeSubscription;
  /** The owning department's security officer ends an approved grant before its expiry. */
  revokeGrant: GrantRequest;
  /** Draft to in review. */
  submitPolicyVersion: PolicyVersion;
  /**
   * Subscribes your department to event types, judged for you as a query would be: pulled with subscriptionChanges,
   * or pushed to a webhook as signed POSTs. Types whose events carry CONDITIONAL fields you may not read need the
   * owner's grant first (requestGrant), unless withoutConditionalFields is set. Answers the signing secret once.
   */
  subscribe: SubscribeResult;
  /** Cancels a subscription for good: nothing more is delivered. Its dead letters and deliveries stay readable. */
  unsubscribe: ChangeSubscription;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationAcknowledgeArgs = {
  cursor: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationActivatePolicyVersionArgs = {
  number: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationApproveGrantRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationApprovePolicyVersionArgs = {
  number: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationCosignPolicyVersionArgs = {
  number: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationDraftPolicyVersionArgs = {
  input: DraftPolicyInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationPauseSubscriptionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRaiseObjectionArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ObjectionInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRedeliverArgs = {
  deadLetterIds: Array<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRejectGrantRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRejectPolicyVersionArgs = {
  number: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRequestGrantArgs = {
  input: GrantRequestInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationResolveObjectionArgs = {
  correctionVersion?: InputMaybe<Scalars['Int']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  outcome: ObjectionOutcome;
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRestorePolicyVersionArgs = {
  number: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationResumeSubscriptionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRevokeGrantArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationSubmitPolicyVersionArgs = {
  number: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationSubscribeArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SubscribeInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationUnsubscribeArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** A data objection (数据异议): a department's objection to a value another department provides, and its resolution. */
export type Objection = {
  __typename?: 'Objection';
  /** With CORRECTED: subject of the officer who recorded the correction. */
  correctedBy: Maybe<Scalars['String']['output']>;
  /** With CORRECTED: the version of the record that carries the correction. */
  correctionVersion: Maybe<Scalars['Int']['output']>;
  /** When it was raised (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /**
   * While open: the last day (YYYY-MM-DD, China time) for the owning department to resolve it, the n-th working day
   * after the day it was raised (that day does not count; n is OBJECTION_DEADLINE_DAYS, 5 by default). Null once resolved.
   */
  dueOn: Maybe<Scalars['Date']['output']>;
  /** What the objecting department offers as proof (may name a person, so null where it is redacted). */
  evidence: Maybe<Scalars['String']['output']>;
  /** The field objected to. */
  field: Scalars['String']['output'];
  /** Opaque objection ID. */
  id: Scalars['ID']['output'];
  /** Subject of the caller who raised it. */
  objector: Scalars['String']['output'];
  /** Code of the department that objects. */
  objectorDept: Scalars['String']['output'];
  /** Open and past its due date (from the start of the next day, China time); false once resolved. */
  overdue: Scalars['Boolean']['output'];
  /** Code of the department that owns the field and resolves the objection. */
  ownerDept: Scalars['String']['output'];
  /** The value the objecting department believes is right (personal data of the record, so null where it is redacted). */
  proposedValue: Maybe<Scalars['String']['output']>;
  /** Why the objecting department thinks the value is wrong. */
  reason: Scalars['String']['output'];
  /** The record objected to, as Type:id. */
  recordKey: Scalars['String']['output'];
  /** The owning department's reasons; always given with a rejection, null while open. */
  resolutionReason: Maybe<Scalars['String']['output']>;
  /** When it was resolved (ISO 8601); null while open. */
  resolvedAt: Maybe<Scalars['String']['output']>;
  /** Subject of the owning department's officer who resolved it; null while open. */
  resolvedBy: Maybe<Scalars['String']['output']>;
  /** Where the objection stands. */
  state: ObjectionState;
  /** Increases with every change; send it back as expectedVersion when resolving. */
  version: Scalars['Int']['output'];
  /**
   * While open: working days from today (China time) to the due date; 0 on the due date, negative once overdue. Null
   * once resolved.
   */
  workingDaysLeft: Maybe<Scalars['Int']['output']>;
};

/** A page of Objection records in the list's order, with where the page ends. */
export type ObjectionConnection = {
  __typename?: 'ObjectionConnection';
  /** The Objection records of this page, each with its cursor. */
  edges: Array<ObjectionEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many Objection records match the filter among those you may see, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** The open objections one owning department must resolve, against their deadlines. */
export type ObjectionDeadlineCount = {
  __typename?: 'ObjectionDeadlineCount';
  /** Of those, the ones due today (China time). */
  dueToday: Scalars['Int']['output'];
  /** Open objections it must resolve (among those you may see). */
  open: Scalars['Int']['output'];
  /** Of those, the ones past their due date. */
  overdue: Scalars['Int']['output'];
  /** Code of the department that owns the data. */
  ownerDept: Scalars['String']['output'];
};

/** One Objection of a page, with its cursor. */
export type ObjectionEdge = {
  __typename?: 'ObjectionEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Objection. */
  node: Objection;
};

/** Criteria of the objections list; all given ones must match. */
export type ObjectionFilter = {
  /** Only objections raised by this department (code). */
  objectorDept?: InputMaybe<Scalars['String']['input']>;
  /** Only open objections past their due date (true), or only the others (false). */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only objections to data of this department (code). */
  ownerDept?: InputMaybe<Scalars['String']['input']>;
  /** Only objections in this state. */
  state?: InputMaybe<ObjectionState>;
};

/** An objection to one field of one record of another department. */
export type ObjectionInput = {
  /** What shows it: a document, another register, a case number. */
  evidence: Scalars['String']['input'];
  /** A catalogued field of that type, owned by another department. */
  field: Scalars['String']['input'];
  /** The value you believe is right. */
  proposedValue: Scalars['String']['input'];
  /** Why the shared value is wrong. */
  reason: Scalars['String']['input'];
  /** The record as Type:id, e.g. Person:P0000001; the type must be in the resource catalogue. */
  recordKey: Scalars['String']['input'];
};

/** How the owning department resolves an objection. */
export type ObjectionOutcome =
  /** The record was corrected (name the version that carries the correction). */
  | 'CORRECTED'
  /** The data stands (give the reasons). */
  | 'REJECTED';

/** Where a data objection stands. */
export type ObjectionState =
  /** The owning department corrected the record. */
  | 'CORRECTED'
  /** Waiting for the owning department to check it. */
  | 'OPEN'
  /** The owning department checked the data and keeps it, with reasons. */
  | 'REJECTED';

/** Where a page of a connection stands in its list (Relay cursor pagination). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last record of the page; pass it as `after` for the next page. Null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when more records follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page was asked for after a cursor (records precede it). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first record of the page; null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A decision a matrix cell can be given. */
export type PolicyCellOption = {
  __typename?: 'PolicyCellOption';
  /** The decision. */
  decision: MatrixDecision;
  /** The department whose security officer must co-sign (a NOT_SHARED field opened); null when none. */
  needsCosignatureOf: Maybe<Scalars['String']['output']>;
};

/** One difference between two policy versions. */
export type PolicyChange = {
  __typename?: 'PolicyChange';
  /** The item in the later version as JSON; null if removed. */
  after: Maybe<Scalars['String']['output']>;
  /** The item in the earlier version as JSON; null if added. */
  before: Maybe<Scalars['String']['output']>;
  /** ADDED, REMOVED or CHANGED */
  kind: Scalars['String']['output'];
  /** The role policy's ID; null for a test. */
  policyId: Maybe<Scalars['String']['output']>;
  /** Position of the rule within the policy, from 1; null when the change is not to one rule. */
  rule: Maybe<Scalars['Int']['output']>;
  /** policy, rule or test */
  target: Scalars['String']['output'];
};

/** What changed from one policy version to another. */
export type PolicyDiff = {
  __typename?: 'PolicyDiff';
  /** Policies, rules and tests added, removed or changed. */
  changes: Array<PolicyChange>;
  /** The earlier version's number. */
  from: Scalars['Int']['output'];
  /** A unified diff of the two documents, pretty-printed. */
  text: Scalars['String']['output'];
  /** The later version's number. */
  to: Scalars['Int']['output'];
};

/** One edit of a policy document; which arguments count depends on kind. */
export type PolicyEditInput = {
  /** ADD_POLICY, ADD_RULE: where to insert, from 0; at the end when omitted. */
  at?: InputMaybe<Scalars['Int']['input']>;
  /** SET_CELL: a row condition (JSON) limiting the decision to the records where it holds. */
  conditions?: InputMaybe<Scalars['String']['input']>;
  /** SET_CELL: the decision the cell gets. */
  decision?: InputMaybe<MatrixDecision>;
  /** SET_CELL, ADD_POLICY, UPDATE_POLICY: the department code. */
  dept?: InputMaybe<Scalars['String']['input']>;
  /** ADD_POLICY, UPDATE_POLICY: the description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** SET_CELL: the field. */
  field?: InputMaybe<Scalars['String']['input']>;
  /** ADD_POLICY: the new policy's ID. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** The rule's position within its policy, from 0. */
  index?: InputMaybe<Scalars['Int']['input']>;
  /** SET_RULE_KEY: the rule key (action, subject, fields, fieldsWith, subjectsWith, conditions, inverted, reason, overrideNotShared). */
  key?: InputMaybe<Scalars['String']['input']>;
  /** What the edit does. */
  kind: PolicyEditKind;
  /** REMOVE_TEST: the test's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The policy edited. */
  policyId?: InputMaybe<Scalars['String']['input']>;
  /** SET_CELL, ADD_POLICY, UPDATE_POLICY: the role. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** ADD_RULE, REPLACE_RULE: the rule as JSON. */
  rule?: InputMaybe<Scalars['String']['input']>;
  /** ADD_TEST: the test as JSON. */
  test?: InputMaybe<Scalars['String']['input']>;
  /** MOVE_POLICY, MOVE_RULE: the new position, from 0. */
  to?: InputMaybe<Scalars['Int']['input']>;
  /** SET_CELL: the GraphQL type. */
  type?: InputMaybe<Scalars['String']['input']>;
  /** SET_RULE_KEY: the key's value as JSON; omitted to remove the key. */
  value?: InputMaybe<Scalars['String']['input']>;
};

/** What an edit of a policy document does. */
export type PolicyEditKind =
  /** Add a policy (id, dept, role, description; at optional). */
  | 'ADD_POLICY'
  /** Add a rule (policyId, rule; at optional). */
  | 'ADD_RULE'
  /** Add a policy test (test). */
  | 'ADD_TEST'
  /** Move a policy to another position (policyId, to): later policies have the last word. */
  | 'MOVE_POLICY'
  /** Move a rule within its policy (policyId, index, to). */
  | 'MOVE_RULE'
  /** Remove a policy (policyId). */
  | 'REMOVE_POLICY'
  /** Remove a rule (policyId, index). */
  | 'REMOVE_RULE'
  /** Remove a policy test (name). */
  | 'REMOVE_TEST'
  /** Replace a rule (policyId, index, rule). */
  | 'REPLACE_RULE'
  /** Give one cell of the permission matrix a decision (type, field, dept, role, decision; conditions optional). */
  | 'SET_CELL'
  /** Set or remove one key of a rule (policyId, index, key, value; no value removes it). */
  | 'SET_RULE_KEY'
  /** Change a policy's department, role or description (policyId; an empty description removes it). */
  | 'UPDATE_POLICY';

/** A policy document after edits, checked but not stored. */
export type PolicyEditPreview = {
  __typename?: 'PolicyEditPreview';
  /** The version the edits started from. */
  basedOn: Scalars['Int']['output'];
  /** NOT_SHARED fields opened beyond their owner: the owners' security officers must co-sign. */
  cosignaturesRequired: Array<Cosignature>;
  /** Edits that could not be applied (and were skipped). */
  editProblems: Array<PolicyEditProblem>;
  /** The edited tests that fail against the edited document (approval refuses a version with a failing test). */
  failingTests: Array<PolicyTestResult>;
  /** Who gains or loses which field against the active version (empty while the document is invalid). */
  impact: Array<AccessChange>;
  /** The permission matrix of the requested type under the edited document; null without a type or while the document is invalid. */
  matrix: Maybe<AccessMatrix>;
  /** The edited policy document, pretty-printed JSON: what Save draft stores. */
  policies: Scalars['String']['output'];
  /** The validator's problems with the edited document. */
  problems: Array<PolicyProblem>;
  /** The edited policy tests, pretty-printed JSON. */
  tests: Scalars['String']['output'];
  /** True when the edited document and tests have no validation problem. */
  valid: Scalars['Boolean']['output'];
};

/** An edit that could not be applied. */
export type PolicyEditProblem = {
  __typename?: 'PolicyEditProblem';
  /** The edit's position in the list, from 0. */
  edit: Scalars['Int']['output'];
  /** Why, and how to fix it. */
  message: Scalars['String']['output'];
};

/** One step of a policy version's or grant request's workflow. */
export type PolicyEvent = {
  __typename?: 'PolicyEvent';
  /**
   * What was done: draft, submit, approve, reject, cosign, activate or supersede (versions); request, approve, reject
   * or revoke (grants).
   */
  action: Scalars['String']['output'];
  /** Subject (token `sub`) of who did it. */
  actor: Scalars['String']['output'];
  /** Department code of who did it. */
  actorDept: Scalars['String']['output'];
  /** When (ISO 8601). */
  at: Scalars['String']['output'];
  /** The state before; null for the first step. */
  fromState: Maybe<Scalars['String']['output']>;
  /** The reason given; null if none. */
  reason: Maybe<Scalars['String']['output']>;
  /** The state after. */
  toState: Scalars['String']['output'];
};

/** The fields each role of each department gains or loses with a version, compared with the active one. */
export type PolicyImpact = {
  __typename?: 'PolicyImpact';
  /** Every gained or lost field, per department and role. */
  changes: Array<AccessChange>;
  /** The version compared with: the active one. */
  comparedWith: Scalars['Int']['output'];
  /** The version examined. */
  version: Scalars['Int']['output'];
};

/** What the policy language accepts (policyLanguage). */
export type PolicyLanguage = {
  __typename?: 'PolicyLanguage';
  /** What a rule may allow or forbid. */
  actions: Array<Scalars['String']['output']>;
  /** Department codes a policy, a test caller or a selector may name (a policy may also name * for every department). */
  departments: Array<Scalars['String']['output']>;
  /** The catalogue properties fieldsWith selects by: owner, sharing, sensitivity, open, personal. */
  fieldSelectorKeys: Array<Scalars['String']['output']>;
  /** Roles a policy or a test caller may name (a policy may also name * for every role). */
  roles: Array<Scalars['String']['output']>;
  /** The keys of a rule, each settable on its own (SET_RULE_KEY). */
  ruleKeys: Array<Scalars['String']['output']>;
  /** The sensitivities of the catalogue. */
  sensitivities: Array<Sensitivity>;
  /** The sharing types of the catalogue. */
  sharingTypes: Array<SharingType>;
  /** The catalogue properties subjectsWith selects by: owner, personal. */
  subjectSelectorKeys: Array<Scalars['String']['output']>;
  /** The actions a policy test may check: read (what a read shows) and aggregate (whether the field may feed statistics). */
  testActions: Array<Scalars['String']['output']>;
  /** What a policy test may expect of a read: FULL, MASKED or DENIED (of aggregate: FULL or DENIED). */
  testExpectations: Array<AccessDecision>;
};

/** One problem with a policy document or its tests. */
export type PolicyProblem = {
  __typename?: 'PolicyProblem';
  /** What is wrong and how to fix it. */
  message: Scalars['String']['output'];
  /** Where: e.g. policies[2].rules[0].fields[1], or tests[3]. */
  path: Scalars['String']['output'];
  /** The role policy's ID; null for a test or the document as a whole. */
  policyId: Maybe<Scalars['String']['output']>;
  /** Position of the rule within the policy, from 1; null when the problem is not about one rule. */
  rule: Maybe<Scalars['Int']['output']>;
};

/** The workflow of a policy version. Content never changes; only the state moves on. */
export type PolicyState =
  /** In force: the one version every subgraph applies. */
  | 'ACTIVE'
  /** Approved by a second security officer; can be activated. */
  | 'APPROVED'
  /** Stored, not yet submitted for review; not in force. */
  | 'DRAFT'
  /** Submitted; waits for another security officer's approval. */
  | 'IN_REVIEW'
  /** Refused in review; kept for the record. */
  | 'REJECTED'
  /** Was active, replaced by a later version. */
  | 'SUPERSEDED';

/** A stored test: for a caller's attributes, the expected decision on one field of one type. */
export type PolicyTest = {
  __typename?: 'PolicyTest';
  /** aggregate for a test of whether the field may feed statistics (FULL: it may; DENIED: it may not); null for a read. */
  action: Maybe<Scalars['String']['output']>;
  /** The caller's attributes. */
  caller: Caller;
  /** The expected decision. */
  expect: AccessDecision;
  /** The field's name. */
  field: Scalars['String']['output'];
  /** The test's name, unique within the version. */
  name: Scalars['String']['output'];
  /** A record's field values, for rules whose answer depends on the record (e.g. its region). */
  record: Maybe<Scalars['String']['output']>;
  /** The GraphQL type of the field. */
  type: Scalars['String']['output'];
};

/** The result of one stored policy test. */
export type PolicyTestResult = {
  __typename?: 'PolicyTestResult';
  /** The decision the version makes. */
  actual: AccessDecision;
  /** The decision the test expects. */
  expected: AccessDecision;
  /** The test's name. */
  name: Scalars['String']['output'];
  /** True when the actual decision is the expected one. */
  passed: Scalars['Boolean']['output'];
  /** The rule, grant or catalogue default that decided, in words. */
  reason: Scalars['String']['output'];
};

/** The results of running a version's stored tests against it. */
export type PolicyTestRun = {
  __typename?: 'PolicyTestRun';
  /** How many tests failed. */
  failed: Scalars['Int']['output'];
  /** How many tests passed. */
  passed: Scalars['Int']['output'];
  /** Every test's result, in the stored order. */
  results: Array<PolicyTestResult>;
  /** The version the tests ran against. */
  version: Scalars['Int']['output'];
};

/** The result of validating a policy document and its tests. */
export type PolicyValidation = {
  __typename?: 'PolicyValidation';
  /** NOT_SHARED fields opened beyond their owner: the owners' security officers must co-sign. */
  cosignaturesRequired: Array<Cosignature>;
  /** Every problem found; empty when valid. */
  problems: Array<PolicyProblem>;
  /** True when the document and tests have no problem. */
  valid: Scalars['Boolean']['output'];
};

/** A whole policy document (every role policy) at one point in its history, with the tests stored with it. */
export type PolicyVersion = {
  __typename?: 'PolicyVersion';
  /** Subject (sub) and department of the security officer who wrote it. */
  author: Scalars['String']['output'];
  /** Department code of the author. */
  authorDept: Scalars['String']['output'];
  /** The version this one was edited from (null for the first). */
  basedOn: Maybe<Scalars['Int']['output']>;
  /** Co-signatures this version needs because it opens NOT_SHARED fields beyond their owner, and who gave them. */
  cosignatures: Array<Cosignature>;
  /** When it was stored (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** The policy document as stored: a JSON array of role policies. */
  document: Scalars['String']['output'];
  /** sha256 of the policy document and tests. */
  hash: Scalars['String']['output'];
  /** Every workflow step, oldest first. */
  history: Array<PolicyEvent>;
  /** The version number, from 1, increasing. */
  number: Scalars['Int']['output'];
  /** The role policies of the document. */
  policies: Array<RolePolicy>;
  /** Why the version was written. */
  reason: Scalars['String']['output'];
  /** Where the version is in its workflow. */
  state: PolicyState;
  /** The policy tests stored with the version. */
  tests: Array<PolicyTest>;
  /** The tests as stored: a JSON array. */
  testsDocument: Scalars['String']['output'];
};

/** A page of PolicyVersion records in the list's order, with where the page ends. */
export type PolicyVersionConnection = {
  __typename?: 'PolicyVersionConnection';
  /** The PolicyVersion records of this page, each with its cursor. */
  edges: Array<PolicyVersionEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many PolicyVersion records match the filter among those you may see, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** One PolicyVersion of a page, with its cursor. */
export type PolicyVersionEdge = {
  __typename?: 'PolicyVersionEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The PolicyVersion. */
  node: PolicyVersion;
};

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /**
   * The permission matrix of one type, for security officers and auditors: per catalogued field (rows) and per
   * department and role (columns: those the version's policies name, plus the departments owning the type's fields),
   * the decision and what decided it, under the given policy version (the active one by default) and the grants in
   * force, computed by the decision code every subgraph runs. Touches no records.
   */
  accessMatrix: AccessMatrix;
  /** The policy version in force. */
  activePolicyVersion: PolicyVersion;
  /** Rule-based anomalies in the period [from, to) (ISO 8601 instants; README 'Audit trail'). Auditors only. */
  auditAnomalies: Array<AuditAnomaly>;
  /**
   * Audit records of every subgraph (or one, with filter.domain), merged oldest first: who used which protected
   * data, when, why and with which grant. Auditors only.
   */
  auditRecords: AuditRecordConnection;
  /** Every catalogued type with its fields: owner, sharing type, openness, sensitivity, masking. */
  catalogue: Array<CatalogueType>;
  /** One catalogued type by GraphQL type name; null if it is not catalogued. */
  catalogueType: Maybe<CatalogueType>;
  /**
   * The changes made through the platform that you may read, oldest first, merged across every domain: births,
   * deaths and moves, registrations, transfers, vaccinations, sharing and policy steps. Each carries only the changed
   * fields you may read now, masked where a query would mask them, and only for records in your row scope; a change
   * with nothing you may read is left out. Pulling needs no subscription; every page is audited like a read.
   */
  changes: ChangeConnection;
  /** The changes a subscription's webhook did not take after every attempt, newest first. */
  deadLetters: DeadLetterConnection;
  /** A row condition (JSON, as in a rule's conditions) in words, with the validator's problems for it on the type. */
  describePolicyCondition: ConditionDescription;
  /**
   * For a caller's attributes and a GraphQL operation: per requested field, the decision and what decided it (rule,
   * grant or catalogue default), under the active version or the given one. Touches no data.
   */
  explain: Explanation;
  /** One sharing request by ID; null if there is none or you may not see it. */
  grantRequest: Maybe<GrantRequest>;
  /**
   * Per owning department, the pending sharing requests you may see (the same ones as grantRequests): how many,
   * how many are due today and how many are overdue, counted in working days (China's calendar, China time).
   * Departments with no pending request are left out; ordered by department code.
   */
  grantRequestDeadlines: Array<GrantDeadlineCount>;
  /** Requests for conditional sharing, newest first: security officers and auditors see all, departments their own. */
  grantRequests: GrantRequestConnection;
  /** For the caller: per type and field, whether they get the value in full, masked or not at all, and why. */
  myAccess: Array<TypeAccess>;
  /** One data objection by ID; null if there is none or you may not see it. */
  objection: Maybe<Objection>;
  /**
   * Per owning department, the open objections you may see (the same ones as objections): how many, how many are due
   * today and how many are overdue, in working days (China's calendar, China time). Ordered by department code.
   */
  objectionDeadlines: Array<ObjectionDeadlineCount>;
  /**
   * Data objections (数据异议), newest first: security officers and auditors see all, officers those their department
   * raised or must resolve.
   */
  objections: ObjectionConnection;
  /** The role policies in force (CASL rules in JSON): those of the active policy version. */
  policies: Array<RolePolicy>;
  /** The decisions a cell of the permission matrix can be given by an edit of the document, each with the co-signature it needs: the matrix editor offers only these. */
  policyCellOptions: Array<PolicyCellOption>;
  /** What a row condition on a type may test, for the condition builder: exactly the fields, operators and caller attributes the policy validator accepts. */
  policyConditionVocabulary: Array<ConditionField>;
  /** What changed from one version to another: policies and rules added, removed or changed, and tests. */
  policyDiff: PolicyDiff;
  /** For a version (normally a draft): which roles and departments gain or lose which fields compared with the active version. */
  policyImpact: PolicyImpact;
  /**
   * What the policy language accepts, for the console's forms (policies, rules and tests without JSON): the
   * departments, roles and actions of the vocabulary, the keys of a rule, and the catalogue properties a rule may
   * select fields and types by, each with the values it takes. Nothing outside these lists passes the validator.
   */
  policyLanguage: PolicyLanguage;
  /** One policy version by number; null if there is none. */
  policyVersion: Maybe<PolicyVersion>;
  /** Policy versions, newest first; optionally only those in one state. */
  policyVersions: PolicyVersionConnection;
  /**
   * Applies edits to a policy document without storing anything (the permission matrix's editor, issue 18): starting
   * from `policies` and `tests` when given (a draft being edited), else from version `basedOn`, returns the edited
   * document and tests as JSON, every validation problem, the co-signatures it needs, who gains or loses what against
   * the active version, and (with `type`) the permission matrix of that type under the edited document. For security
   * officers and auditors; saving is draftPolicyVersion's job.
   */
  previewPolicyEdit: PolicyEditPreview;
  /** Runs the policy tests stored with a version (the active one by default) against that version. */
  runPolicyTests: PolicyTestRun;
  /**
   * Per owning department, pending sharing requests and open data objections, and how many of each are past their
   * deadline in working days: counts only, for accounts allowed to aggregate them (the statistics dashboards), over
   * the requests and objections they may count. Ordered by department code.
   */
  sharingBacklog: Array<DepartmentBacklog>;
  /** One change subscription by ID; null if there is none or you may not see it. */
  subscription: Maybe<ChangeSubscription>;
  /**
   * The next changes of a subscription without a webhook, after its durable position, judged for you (your token and
   * X-Purpose) exactly as `changes` is. Reading does not move the position: acknowledge the cursor you processed.
   */
  subscriptionChanges: ChangeConnection;
  /** Change subscriptions you may see, newest first: your department's own; security officers and auditors see all. */
  subscriptions: ChangeSubscriptionConnection;
  /** Checks a policy document (and optionally its tests) without storing anything: every problem, precisely. */
  validatePolicies: PolicyValidation;
  /**
   * Who can see one field, for security officers and auditors: every department and role of the vocabulary with its
   * decision and why, and per entry the grants in force that widen it. With `key`, judged for that record: its
   * row-condition fields are read from the owning service as you (what you may not read in full counts as unknown,
   * which never permits).
   */
  whoCanSee: Array<WhoCanSeeEntry>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryAccessMatrixArgs = {
  purpose?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  type: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryAuditAnomaliesArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryAuditRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryCatalogueTypeArgs = {
  name: Scalars['String']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryDeadLettersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subscriptionId: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryDescribePolicyConditionArgs = {
  conditions: Scalars['String']['input'];
  type: Scalars['String']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryExplainArgs = {
  caller: CallerInput;
  operationName?: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryGrantRequestArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryGrantRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<GrantRequestState>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryMyAccessArgs = {
  type?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryObjectionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryObjectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ObjectionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPolicyCellOptionsArgs = {
  dept: Scalars['String']['input'];
  field: Scalars['String']['input'];
  policies: Scalars['String']['input'];
  role: Scalars['String']['input'];
  type: Scalars['String']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPolicyConditionVocabularyArgs = {
  type: Scalars['String']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPolicyDiffArgs = {
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPolicyImpactArgs = {
  number: Scalars['Int']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPolicyVersionArgs = {
  number: Scalars['Int']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPolicyVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<PolicyState>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPreviewPolicyEditArgs = {
  basedOn: Scalars['Int']['input'];
  edits: Array<PolicyEditInput>;
  policies?: InputMaybe<Scalars['String']['input']>;
  tests?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryRunPolicyTestsArgs = {
  number?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QuerySubscriptionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QuerySubscriptionChangesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QuerySubscriptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ChangeSubscriptionState>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryValidatePoliciesArgs = {
  policies: Scalars['String']['input'];
  tests?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryWhoCanSeeArgs = {
  field: Scalars['String']['input'];
  key?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  type: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** A subscription after a redelivery, with the dead letters asked about. */
export type RedeliveryResult = {
  __typename?: 'RedeliveryResult';
  /** Each dead letter asked about, in its state after the attempt. */
  deadLetters: Array<DeadLetter>;
  /** The subscription. */
  subscription: ChangeSubscription;
};

/** A role policy: CASL rules that apply to callers of a department (or every department) with a role. */
export type RolePolicy = {
  __typename?: 'RolePolicy';
  /** Department code, or * for every department. */
  dept: Scalars['String']['output'];
  /** What the policy is for, in words. */
  description: Maybe<Scalars['String']['output']>;
  /** The policy's ID, unique in the document, e.g. police-own-area. */
  id: Scalars['ID']['output'];
  /** The role it applies to, e.g. officer. */
  role: Scalars['String']['output'];
  /** The CASL rules as JSON text. */
  rules: Scalars['String']['output'];
};

/** Personal-information sensitivity under the Personal Information Protection Law. */
export type Sensitivity =
  /** Not personal information. */
  | 'NONE'
  /** Personal information (PIPL art. 4). */
  | 'PERSONAL'
  /** Sensitive personal information (PIPL art. 28): ID numbers, health, financial accounts, whereabouts, minors' data. */
  | 'SENSITIVE';

/** The three sharing types of the national rules on government data sharing. */
export type SharingType =
  /** Shared with other departments only through an approved sharing grant (requestGrant), for its purpose. */
  | 'CONDITIONAL'
  /** Kept with the owning department; never readable by others. */
  | 'NOT_SHARED'
  /** Shared with any recognised government caller. */
  | 'UNCONDITIONAL';

/** What to subscribe to and how. */
export type SubscribeInput = {
  /** The purpose of use, 3 to 200 characters, as X-Purpose: deliveries carry it, and grants bound to it apply. */
  purpose: Scalars['String']['input'];
  /** Only as a caller of this region (6-digit code) within your own: narrows what is delivered; your own region when omitted. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Event types, e.g. ["PersonDied"]: each must be in the event catalogue; 1 to 50. */
  types: Array<Scalars['String']['input']>;
  /** Where to POST each change: an https URL (http is accepted outside production), without user name or password; omit to pull. */
  webhookUrl?: InputMaybe<Scalars['String']['input']>;
  /** Subscribe even though the events carry CONDITIONAL fields you may not read: those fields are never delivered. */
  withoutConditionalFields?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A new subscription and its signing secret. */
export type SubscribeResult = {
  __typename?: 'SubscribeResult';
  /**
   * The HMAC-SHA256 key of X-Hainan-Signature (t=<unix seconds>,v1=<hex HMAC of t + "." + body>). Shown here only
   * (and to a retry with the same idempotencyKey); keep it secret. Null when the service cannot sign (no key configured).
   */
  secret: Maybe<Scalars['String']['output']>;
  /** The subscription. */
  subscription: ChangeSubscription;
};

/** One delivery outcome of a subscription's change. */
export type SubscriptionDelivery = {
  __typename?: 'SubscriptionDelivery';
  /** When (ISO 8601). */
  at: Scalars['String']['output'];
  /** Attempts made. */
  attempts: Scalars['Int']['output'];
  /** The X-Hainan-Delivery ID: the same for every attempt at one change. */
  deliveryId: Scalars['String']['output'];
  /** Code of the subscribing department. */
  dept: Scalars['String']['output'];
  /** The domain whose feed holds the change. */
  domain: Scalars['String']['output'];
  /** What failed; null when delivered. */
  error: Maybe<Scalars['String']['output']>;
  /** The webhook's last HTTP status; null when it did not answer. */
  httpStatus: Maybe<Scalars['Int']['output']>;
  /** The change's position in that domain's feed. */
  position: Scalars['Int']['output'];
  /** The changed record, as Type:key. */
  recordKey: Scalars['String']['output'];
  /** DELIVERED, DEAD_LETTERED, REDELIVERED or REDELIVERY_FAILED. */
  status: Scalars['String']['output'];
  /** The subscription. */
  subscriptionId: Scalars['ID']['output'];
  /** The event type. */
  type: Scalars['String']['output'];
};

/** The caller's own access to the fields of one type. */
export type TypeAccess = {
  __typename?: 'TypeAccess';
  /** Per catalogued field, the decision and why. */
  fields: Array<FieldAccess>;
  /** The GraphQL type name. */
  type: Scalars['String']['output'];
};

/** One department and role's access to a field, and the grants that widen it. */
export type WhoCanSeeEntry = {
  __typename?: 'WhoCanSeeEntry';
  /** The row conditions in words; null when there are none. */
  condition: Maybe<Scalars['String']['output']>;
  /** The decision (for the record, when a key was given; else the one that holds for every record). */
  decision: MatrixDecision;
  /** The decision on records where the row conditions hold; with a key, the same as decision. */
  decisionInScope: MatrixDecision;
  /** True when the answer differs between records (a rule has row conditions). */
  dependsOnRecord: Scalars['Boolean']['output'];
  /** Department code. */
  dept: Scalars['String']['output'];
  /** Grants in force to this department covering the field, each with the decision under its purpose. */
  grants: Array<GrantAccess>;
  /** The rule, grant or catalogue default that decided. */
  reason: Scalars['String']['output'];
  /** Role. */
  role: Scalars['String']['output'];
  /** catalogue, policy or grant; null when nothing allowed the field. */
  source: Maybe<Scalars['String']['output']>;
  /** The policy or grant ID, or Type.field for a catalogue default. */
  sourceId: Maybe<Scalars['String']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessChange: ResolverTypeWrapper<AccessChange>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccessDecision: AccessDecision;
  AccessMatrix: ResolverTypeWrapper<AccessMatrix>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditAnomaly: ResolverTypeWrapper<AuditAnomaly>;
  AuditFieldUse: ResolverTypeWrapper<AuditFieldUse>;
  AuditFilter: AuditFilter;
  AuditRecord: ResolverTypeWrapper<AuditRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditRecordConnection: ResolverTypeWrapper<AuditRecordConnection>;
  AuditRecordEdge: ResolverTypeWrapper<AuditRecordEdge>;
  Caller: ResolverTypeWrapper<Caller>;
  CallerInput: CallerInput;
  CatalogueField: ResolverTypeWrapper<CatalogueField>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CatalogueType: ResolverTypeWrapper<CatalogueType>;
  Change: ResolverTypeWrapper<Change>;
  ChangeConnection: ResolverTypeWrapper<ChangeConnection>;
  ChangeEdge: ResolverTypeWrapper<ChangeEdge>;
  ChangeSubscription: ResolverTypeWrapper<ChangeSubscriptionRow>;
  ChangeSubscriptionConnection: ResolverTypeWrapper<Connection<ChangeSubscriptionRow>>;
  ChangeSubscriptionEdge: ResolverTypeWrapper<Omit<ChangeSubscriptionEdge, 'node'> & { node: ResolversTypes['ChangeSubscription'] }>;
  ChangeSubscriptionState: ChangeSubscriptionState;
  ChangedField: ResolverTypeWrapper<ChangedField>;
  ConditionDescription: ResolverTypeWrapper<ConditionDescription>;
  ConditionField: ResolverTypeWrapper<ConditionField>;
  Cosignature: ResolverTypeWrapper<Cosignature>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DeadLetter: ResolverTypeWrapper<DeadLetterRow>;
  DeadLetterConnection: ResolverTypeWrapper<Connection<DeadLetterRow>>;
  DeadLetterEdge: ResolverTypeWrapper<Omit<DeadLetterEdge, 'node'> & { node: ResolversTypes['DeadLetter'] }>;
  DeadLetterState: DeadLetterState;
  DepartmentBacklog: ResolverTypeWrapper<DepartmentBacklog>;
  DraftPolicyInput: DraftPolicyInput;
  ExplainedField: ResolverTypeWrapper<ExplainedField>;
  Explanation: ResolverTypeWrapper<Explanation>;
  FieldAccess: ResolverTypeWrapper<FieldAccess>;
  GrantAccess: ResolverTypeWrapper<GrantAccess>;
  GrantDeadlineCount: ResolverTypeWrapper<GrantDeadlineCount>;
  GrantRequest: ResolverTypeWrapper<GrantRequestRow>;
  GrantRequestConnection: ResolverTypeWrapper<Omit<GrantRequestConnection, 'edges'> & { edges: Array<ResolversTypes['GrantRequestEdge']> }>;
  GrantRequestEdge: ResolverTypeWrapper<Omit<GrantRequestEdge, 'node'> & { node: ResolversTypes['GrantRequest'] }>;
  GrantRequestInput: GrantRequestInput;
  GrantRequestState: GrantRequestState;
  GrantScope: ResolverTypeWrapper<GrantScope>;
  GrantScopeInput: GrantScopeInput;
  MatrixCell: ResolverTypeWrapper<MatrixCell>;
  MatrixColumn: ResolverTypeWrapper<MatrixColumn>;
  MatrixDecision: MatrixDecision;
  MatrixRow: ResolverTypeWrapper<MatrixRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Objection: ResolverTypeWrapper<ObjectionRow>;
  ObjectionConnection: ResolverTypeWrapper<Omit<ObjectionConnection, 'edges'> & { edges: Array<ResolversTypes['ObjectionEdge']> }>;
  ObjectionDeadlineCount: ResolverTypeWrapper<ObjectionDeadlineCount>;
  ObjectionEdge: ResolverTypeWrapper<Omit<ObjectionEdge, 'node'> & { node: ResolversTypes['Objection'] }>;
  ObjectionFilter: ObjectionFilter;
  ObjectionInput: ObjectionInput;
  ObjectionOutcome: ObjectionOutcome;
  ObjectionState: ObjectionState;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PolicyCellOption: ResolverTypeWrapper<PolicyCellOption>;
  PolicyChange: ResolverTypeWrapper<PolicyChange>;
  PolicyDiff: ResolverTypeWrapper<PolicyDiff>;
  PolicyEditInput: PolicyEditInput;
  PolicyEditKind: PolicyEditKind;
  PolicyEditPreview: ResolverTypeWrapper<PolicyEditPreview>;
  PolicyEditProblem: ResolverTypeWrapper<PolicyEditProblem>;
  PolicyEvent: ResolverTypeWrapper<PolicyEventRow>;
  PolicyImpact: ResolverTypeWrapper<PolicyImpact>;
  PolicyLanguage: ResolverTypeWrapper<PolicyLanguage>;
  PolicyProblem: ResolverTypeWrapper<PolicyProblem>;
  PolicyState: PolicyState;
  PolicyTest: ResolverTypeWrapper<StoredPolicyTest>;
  PolicyTestResult: ResolverTypeWrapper<PolicyTestResult>;
  PolicyTestRun: ResolverTypeWrapper<PolicyTestRun>;
  PolicyValidation: ResolverTypeWrapper<PolicyValidation>;
  PolicyVersion: ResolverTypeWrapper<PolicyVersionRow>;
  PolicyVersionConnection: ResolverTypeWrapper<Omit<PolicyVersionConnection, 'edges'> & { edges: Array<ResolversTypes['PolicyVersionEdge']> }>;
  PolicyVersionEdge: ResolverTypeWrapper<Omit<PolicyVersionEdge, 'node'> & { node: ResolversTypes['PolicyVersion'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RedeliveryResult: ResolverTypeWrapper<Omit<RedeliveryResult, 'deadLetters' | 'subscription'> & { deadLetters: Array<ResolversTypes['DeadLetter']>, subscription: ResolversTypes['ChangeSubscription'] }>;
  RolePolicy: ResolverTypeWrapper<StoredRolePolicy>;
  Sensitivity: Sensitivity;
  SharingType: SharingType;
  SubscribeInput: SubscribeInput;
  SubscribeResult: ResolverTypeWrapper<Omit<SubscribeResult, 'subscription'> & { subscription: ResolversTypes['ChangeSubscription'] }>;
  SubscriptionDelivery: ResolverTypeWrapper<SubscriptionDeliveryRow>;
  TypeAccess: ResolverTypeWrapper<TypeAccess>;
  WhoCanSeeEntry: ResolverTypeWrapper<WhoCanSeeEntry>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AccessChange: AccessChange;
  String: Scalars['String']['output'];
  AccessMatrix: AccessMatrix;
  Int: Scalars['Int']['output'];
  AuditAnomaly: AuditAnomaly;
  AuditFieldUse: AuditFieldUse;
  AuditFilter: AuditFilter;
  AuditRecord: AuditRecord;
  ID: Scalars['ID']['output'];
  AuditRecordConnection: AuditRecordConnection;
  AuditRecordEdge: AuditRecordEdge;
  Caller: Caller;
  CallerInput: CallerInput;
  CatalogueField: CatalogueField;
  Boolean: Scalars['Boolean']['output'];
  CatalogueType: CatalogueType;
  Change: Change;
  ChangeConnection: ChangeConnection;
  ChangeEdge: ChangeEdge;
  ChangeSubscription: ChangeSubscriptionRow;
  ChangeSubscriptionConnection: Connection<ChangeSubscriptionRow>;
  ChangeSubscriptionEdge: Omit<ChangeSubscriptionEdge, 'node'> & { node: ResolversParentTypes['ChangeSubscription'] };
  ChangedField: ChangedField;
  ConditionDescription: ConditionDescription;
  ConditionField: ConditionField;
  Cosignature: Cosignature;
  Date: Scalars['Date']['output'];
  DeadLetter: DeadLetterRow;
  DeadLetterConnection: Connection<DeadLetterRow>;
  DeadLetterEdge: Omit<DeadLetterEdge, 'node'> & { node: ResolversParentTypes['DeadLetter'] };
  DepartmentBacklog: DepartmentBacklog;
  DraftPolicyInput: DraftPolicyInput;
  ExplainedField: ExplainedField;
  Explanation: Explanation;
  FieldAccess: FieldAccess;
  GrantAccess: GrantAccess;
  GrantDeadlineCount: GrantDeadlineCount;
  GrantRequest: GrantRequestRow;
  GrantRequestConnection: Omit<GrantRequestConnection, 'edges'> & { edges: Array<ResolversParentTypes['GrantRequestEdge']> };
  GrantRequestEdge: Omit<GrantRequestEdge, 'node'> & { node: ResolversParentTypes['GrantRequest'] };
  GrantRequestInput: GrantRequestInput;
  GrantScope: GrantScope;
  GrantScopeInput: GrantScopeInput;
  MatrixCell: MatrixCell;
  MatrixColumn: MatrixColumn;
  MatrixRow: MatrixRow;
  Mutation: Record<PropertyKey, never>;
  Objection: ObjectionRow;
  ObjectionConnection: Omit<ObjectionConnection, 'edges'> & { edges: Array<ResolversParentTypes['ObjectionEdge']> };
  ObjectionDeadlineCount: ObjectionDeadlineCount;
  ObjectionEdge: Omit<ObjectionEdge, 'node'> & { node: ResolversParentTypes['Objection'] };
  ObjectionFilter: ObjectionFilter;
  ObjectionInput: ObjectionInput;
  PageInfo: PageInfo;
  PolicyCellOption: PolicyCellOption;
  PolicyChange: PolicyChange;
  PolicyDiff: PolicyDiff;
  PolicyEditInput: PolicyEditInput;
  PolicyEditPreview: PolicyEditPreview;
  PolicyEditProblem: PolicyEditProblem;
  PolicyEvent: PolicyEventRow;
  PolicyImpact: PolicyImpact;
  PolicyLanguage: PolicyLanguage;
  PolicyProblem: PolicyProblem;
  PolicyTest: StoredPolicyTest;
  PolicyTestResult: PolicyTestResult;
  PolicyTestRun: PolicyTestRun;
  PolicyValidation: PolicyValidation;
  PolicyVersion: PolicyVersionRow;
  PolicyVersionConnection: Omit<PolicyVersionConnection, 'edges'> & { edges: Array<ResolversParentTypes['PolicyVersionEdge']> };
  PolicyVersionEdge: Omit<PolicyVersionEdge, 'node'> & { node: ResolversParentTypes['PolicyVersion'] };
  Query: Record<PropertyKey, never>;
  RedeliveryResult: Omit<RedeliveryResult, 'deadLetters' | 'subscription'> & { deadLetters: Array<ResolversParentTypes['DeadLetter']>, subscription: ResolversParentTypes['ChangeSubscription'] };
  RolePolicy: StoredRolePolicy;
  SubscribeInput: SubscribeInput;
  SubscribeResult: Omit<SubscribeResult, 'subscription'> & { subscription: ResolversParentTypes['ChangeSubscription'] };
  SubscriptionDelivery: SubscriptionDeliveryRow;
  TypeAccess: TypeAccess;
  WhoCanSeeEntry: WhoCanSeeEntry;
}>;

export type AccessChangeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AccessChange'] = ResolversParentTypes['AccessChange']> = ResolversObject<{
  after?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  before?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  coveredBy?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AccessMatrixResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AccessMatrix'] = ResolversParentTypes['AccessMatrix']> = ResolversObject<{
  columns?: Resolver<Array<ResolversTypes['MatrixColumn']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['MatrixRow']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditAnomalyResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AuditAnomaly'] = ResolversParentTypes['AuditAnomaly']> = ResolversObject<{
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  dept?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  records?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sub?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AuditFieldUseResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AuditFieldUse'] = ResolversParentTypes['AuditFieldUse']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditRecordResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = ResolversObject<{
  client?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dept?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documentHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<Array<ResolversTypes['AuditFieldUse']>>, ParentType, ContextType>;
  grantIds?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  hash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outOfRegion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  prevHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordKeys?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  seq?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sub?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  writer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AuditRecordConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AuditRecordConnection'] = ResolversParentTypes['AuditRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AuditRecordEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['AuditRecordEdge'] = ResolversParentTypes['AuditRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditRecord'], ParentType, ContextType>;
}>;

export type CallerResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Caller'] = ResolversParentTypes['Caller']> = ResolversObject<{
  dept?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CatalogueFieldResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['CatalogueField'] = ResolversParentTypes['CatalogueField']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mask?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sensitivity?: Resolver<ResolversTypes['Sensitivity'], ParentType, ContextType>;
  sharing?: Resolver<ResolversTypes['SharingType'], ParentType, ContextType>;
}>;

export type CatalogueTypeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['CatalogueType'] = ResolversParentTypes['CatalogueType']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['CatalogueField']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionField?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ChangeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Change'] = ResolversParentTypes['Change']> = ResolversObject<{
  domain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['ChangedField']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  writerDept?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ChangeConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ChangeConnection'] = ResolversParentTypes['ChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChangeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChangeEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ChangeEdge'] = ResolversParentTypes['ChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Change'], ParentType, ContextType>;
}>;

export type ChangeSubscriptionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ChangeSubscription'] = ResolversParentTypes['ChangeSubscription']> = ResolversObject<{
  caughtUp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deadLetterCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['SubscriptionDelivery']>, ParentType, ContextType, RequireFields<ChangeSubscriptionDeliveriesArgs, 'first'>>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastDeliveredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ChangeSubscriptionState'], ParentType, ContextType>;
  subscriberRegion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriberRoles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  types?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  webhookUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withoutConditionalFields?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ChangeSubscriptionConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ChangeSubscriptionConnection'] = ResolversParentTypes['ChangeSubscriptionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChangeSubscriptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ChangeSubscriptionEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ChangeSubscriptionEdge'] = ResolversParentTypes['ChangeSubscriptionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType>;
}>;

export type ChangedFieldResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ChangedField'] = ResolversParentTypes['ChangedField']> = ResolversObject<{
  masked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ConditionDescriptionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ConditionDescription'] = ResolversParentTypes['ConditionDescription']> = ResolversObject<{
  problems?: Resolver<Array<ResolversTypes['PolicyProblem']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConditionFieldResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ConditionField'] = ResolversParentTypes['ConditionField']> = ResolversObject<{
  attributes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operators?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CosignatureResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Cosignature'] = ResolversParentTypes['Cosignature']> = ResolversObject<{
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DeadLetterResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['DeadLetter'] = ResolversParentTypes['DeadLetter']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveryId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  redeliveredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DeadLetterState'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DeadLetterConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['DeadLetterConnection'] = ResolversParentTypes['DeadLetterConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DeadLetterEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DeadLetterEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['DeadLetterEdge'] = ResolversParentTypes['DeadLetterEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DeadLetter'], ParentType, ContextType>;
}>;

export type DepartmentBacklogResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['DepartmentBacklog'] = ResolversParentTypes['DepartmentBacklog']> = ResolversObject<{
  grantRequestsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grantRequestsPending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objectionsOpen?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objectionsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ownerDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ExplainedFieldResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ExplainedField'] = ResolversParentTypes['ExplainedField']> = ResolversObject<{
  decision?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  dependsOnRecord?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ExplanationResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Explanation'] = ResolversParentTypes['Explanation']> = ResolversObject<{
  fields?: Resolver<Array<ResolversTypes['ExplainedField']>, ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FieldAccessResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['FieldAccess'] = ResolversParentTypes['FieldAccess']> = ResolversObject<{
  decision?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  dependsOnRecord?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type GrantAccessResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['GrantAccess'] = ResolversParentTypes['GrantAccess']> = ResolversObject<{
  decision?: Resolver<ResolversTypes['MatrixDecision'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grantId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requesterDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GrantDeadlineCountResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['GrantDeadlineCount'] = ResolversParentTypes['GrantDeadlineCount']> = ResolversObject<{
  dueToday?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ownerDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type GrantRequestResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['GrantRequest'] = ResolversParentTypes['GrantRequest']> = ResolversObject<{
  ageSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  expiresOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['PolicyEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ownerDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requesterDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<Array<ResolversTypes['GrantScope']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['GrantRequestState'], ParentType, ContextType>;
  workingDaysLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type GrantRequestConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['GrantRequestConnection'] = ResolversParentTypes['GrantRequestConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GrantRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type GrantRequestEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['GrantRequestEdge'] = ResolversParentTypes['GrantRequestEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GrantRequest'], ParentType, ContextType>;
}>;

export type GrantScopeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['GrantScope'] = ResolversParentTypes['GrantScope']> = ResolversObject<{
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MatrixCellResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['MatrixCell'] = ResolversParentTypes['MatrixCell']> = ResolversObject<{
  condition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['MatrixDecision'], ParentType, ContextType>;
  decisionInScope?: Resolver<ResolversTypes['MatrixDecision'], ParentType, ContextType>;
  dependsOnRecord?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MatrixColumnResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['MatrixColumn'] = ResolversParentTypes['MatrixColumn']> = ResolversObject<{
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MatrixRowResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['MatrixRow'] = ResolversParentTypes['MatrixRow']> = ResolversObject<{
  cells?: Resolver<Array<ResolversTypes['MatrixCell']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mask?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sensitivity?: Resolver<ResolversTypes['Sensitivity'], ParentType, ContextType>;
  sharing?: Resolver<ResolversTypes['SharingType'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acknowledge?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType, RequireFields<MutationAcknowledgeArgs, 'cursor' | 'id'>>;
  activatePolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationActivatePolicyVersionArgs, 'number'>>;
  approveGrantRequest?: Resolver<ResolversTypes['GrantRequest'], ParentType, ContextType, RequireFields<MutationApproveGrantRequestArgs, 'id' | 'reason'>>;
  approvePolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationApprovePolicyVersionArgs, 'number'>>;
  cosignPolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationCosignPolicyVersionArgs, 'number' | 'reason'>>;
  draftPolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationDraftPolicyVersionArgs, 'input'>>;
  pauseSubscription?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType, RequireFields<MutationPauseSubscriptionArgs, 'id' | 'reason'>>;
  raiseObjection?: Resolver<ResolversTypes['Objection'], ParentType, ContextType, RequireFields<MutationRaiseObjectionArgs, 'input'>>;
  redeliver?: Resolver<ResolversTypes['RedeliveryResult'], ParentType, ContextType, RequireFields<MutationRedeliverArgs, 'deadLetterIds' | 'id'>>;
  rejectGrantRequest?: Resolver<ResolversTypes['GrantRequest'], ParentType, ContextType, RequireFields<MutationRejectGrantRequestArgs, 'id' | 'reason'>>;
  rejectPolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationRejectPolicyVersionArgs, 'number' | 'reason'>>;
  requestGrant?: Resolver<ResolversTypes['GrantRequest'], ParentType, ContextType, RequireFields<MutationRequestGrantArgs, 'input'>>;
  resolveObjection?: Resolver<ResolversTypes['Objection'], ParentType, ContextType, RequireFields<MutationResolveObjectionArgs, 'expectedVersion' | 'id' | 'outcome'>>;
  restorePolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationRestorePolicyVersionArgs, 'number' | 'reason'>>;
  resumeSubscription?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType, RequireFields<MutationResumeSubscriptionArgs, 'id' | 'reason'>>;
  revokeGrant?: Resolver<ResolversTypes['GrantRequest'], ParentType, ContextType, RequireFields<MutationRevokeGrantArgs, 'id' | 'reason'>>;
  submitPolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType, RequireFields<MutationSubmitPolicyVersionArgs, 'number'>>;
  subscribe?: Resolver<ResolversTypes['SubscribeResult'], ParentType, ContextType, RequireFields<MutationSubscribeArgs, 'input'>>;
  unsubscribe?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType, RequireFields<MutationUnsubscribeArgs, 'id' | 'reason'>>;
}>;

export type ObjectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Objection'] = ResolversParentTypes['Objection']> = ResolversObject<{
  correctedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  correctionVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  objector?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objectorDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ownerDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  proposedValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolutionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ObjectionState'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workingDaysLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ObjectionConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ObjectionConnection'] = ResolversParentTypes['ObjectionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ObjectionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ObjectionDeadlineCountResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ObjectionDeadlineCount'] = ResolversParentTypes['ObjectionDeadlineCount']> = ResolversObject<{
  dueToday?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ownerDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ObjectionEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['ObjectionEdge'] = ResolversParentTypes['ObjectionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Objection'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PolicyCellOptionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyCellOption'] = ResolversParentTypes['PolicyCellOption']> = ResolversObject<{
  decision?: Resolver<ResolversTypes['MatrixDecision'], ParentType, ContextType>;
  needsCosignatureOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PolicyChangeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyChange'] = ResolversParentTypes['PolicyChange']> = ResolversObject<{
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rule?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PolicyDiffResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyDiff'] = ResolversParentTypes['PolicyDiff']> = ResolversObject<{
  changes?: Resolver<Array<ResolversTypes['PolicyChange']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PolicyEditPreviewResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyEditPreview'] = ResolversParentTypes['PolicyEditPreview']> = ResolversObject<{
  basedOn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cosignaturesRequired?: Resolver<Array<ResolversTypes['Cosignature']>, ParentType, ContextType>;
  editProblems?: Resolver<Array<ResolversTypes['PolicyEditProblem']>, ParentType, ContextType>;
  failingTests?: Resolver<Array<ResolversTypes['PolicyTestResult']>, ParentType, ContextType>;
  impact?: Resolver<Array<ResolversTypes['AccessChange']>, ParentType, ContextType>;
  matrix?: Resolver<Maybe<ResolversTypes['AccessMatrix']>, ParentType, ContextType>;
  policies?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['PolicyProblem']>, ParentType, ContextType>;
  tests?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PolicyEditProblemResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyEditProblem'] = ResolversParentTypes['PolicyEditProblem']> = ResolversObject<{
  edit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PolicyEventResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyEvent'] = ResolversParentTypes['PolicyEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toState?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PolicyImpactResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyImpact'] = ResolversParentTypes['PolicyImpact']> = ResolversObject<{
  changes?: Resolver<Array<ResolversTypes['AccessChange']>, ParentType, ContextType>;
  comparedWith?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PolicyLanguageResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyLanguage'] = ResolversParentTypes['PolicyLanguage']> = ResolversObject<{
  actions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  departments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  fieldSelectorKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ruleKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sensitivities?: Resolver<Array<ResolversTypes['Sensitivity']>, ParentType, ContextType>;
  sharingTypes?: Resolver<Array<ResolversTypes['SharingType']>, ParentType, ContextType>;
  subjectSelectorKeys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  testActions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  testExpectations?: Resolver<Array<ResolversTypes['AccessDecision']>, ParentType, ContextType>;
}>;

export type PolicyProblemResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyProblem'] = ResolversParentTypes['PolicyProblem']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rule?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PolicyTestResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyTest'] = ResolversParentTypes['PolicyTest']> = ResolversObject<{
  action?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  caller?: Resolver<ResolversTypes['Caller'], ParentType, ContextType>;
  expect?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  record?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PolicyTestResultResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyTestResult'] = ResolversParentTypes['PolicyTestResult']> = ResolversObject<{
  actual?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PolicyTestRunResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyTestRun'] = ResolversParentTypes['PolicyTestRun']> = ResolversObject<{
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['PolicyTestResult']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PolicyValidationResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyValidation'] = ResolversParentTypes['PolicyValidation']> = ResolversObject<{
  cosignaturesRequired?: Resolver<Array<ResolversTypes['Cosignature']>, ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['PolicyProblem']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PolicyVersionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyVersion'] = ResolversParentTypes['PolicyVersion']> = ResolversObject<{
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  authorDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  basedOn?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  cosignatures?: Resolver<Array<ResolversTypes['Cosignature']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['PolicyEvent']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['RolePolicy']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['PolicyState'], ParentType, ContextType>;
  tests?: Resolver<Array<ResolversTypes['PolicyTest']>, ParentType, ContextType>;
  testsDocument?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PolicyVersionConnectionResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyVersionConnection'] = ResolversParentTypes['PolicyVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PolicyVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PolicyVersionEdgeResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PolicyVersionEdge'] = ResolversParentTypes['PolicyVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accessMatrix?: Resolver<ResolversTypes['AccessMatrix'], ParentType, ContextType, RequireFields<QueryAccessMatrixArgs, 'type'>>;
  activePolicyVersion?: Resolver<ResolversTypes['PolicyVersion'], ParentType, ContextType>;
  auditAnomalies?: Resolver<Array<ResolversTypes['AuditAnomaly']>, ParentType, ContextType, RequireFields<QueryAuditAnomaliesArgs, 'from' | 'to'>>;
  auditRecords?: Resolver<ResolversTypes['AuditRecordConnection'], ParentType, ContextType, Partial<QueryAuditRecordsArgs>>;
  catalogue?: Resolver<Array<ResolversTypes['CatalogueType']>, ParentType, ContextType>;
  catalogueType?: Resolver<Maybe<ResolversTypes['CatalogueType']>, ParentType, ContextType, RequireFields<QueryCatalogueTypeArgs, 'name'>>;
  changes?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, RequireFields<QueryChangesArgs, 'first'>>;
  deadLetters?: Resolver<ResolversTypes['DeadLetterConnection'], ParentType, ContextType, RequireFields<QueryDeadLettersArgs, 'first' | 'subscriptionId'>>;
  describePolicyCondition?: Resolver<ResolversTypes['ConditionDescription'], ParentType, ContextType, RequireFields<QueryDescribePolicyConditionArgs, 'conditions' | 'type'>>;
  explain?: Resolver<ResolversTypes['Explanation'], ParentType, ContextType, RequireFields<QueryExplainArgs, 'caller' | 'query'>>;
  grantRequest?: Resolver<Maybe<ResolversTypes['GrantRequest']>, ParentType, ContextType, RequireFields<QueryGrantRequestArgs, 'id'>>;
  grantRequestDeadlines?: Resolver<Array<ResolversTypes['GrantDeadlineCount']>, ParentType, ContextType>;
  grantRequests?: Resolver<ResolversTypes['GrantRequestConnection'], ParentType, ContextType, RequireFields<QueryGrantRequestsArgs, 'first'>>;
  myAccess?: Resolver<Array<ResolversTypes['TypeAccess']>, ParentType, ContextType, Partial<QueryMyAccessArgs>>;
  objection?: Resolver<Maybe<ResolversTypes['Objection']>, ParentType, ContextType, RequireFields<QueryObjectionArgs, 'id'>>;
  objectionDeadlines?: Resolver<Array<ResolversTypes['ObjectionDeadlineCount']>, ParentType, ContextType>;
  objections?: Resolver<ResolversTypes['ObjectionConnection'], ParentType, ContextType, RequireFields<QueryObjectionsArgs, 'first'>>;
  policies?: Resolver<Array<ResolversTypes['RolePolicy']>, ParentType, ContextType>;
  policyCellOptions?: Resolver<Array<ResolversTypes['PolicyCellOption']>, ParentType, ContextType, RequireFields<QueryPolicyCellOptionsArgs, 'dept' | 'field' | 'policies' | 'role' | 'type'>>;
  policyConditionVocabulary?: Resolver<Array<ResolversTypes['ConditionField']>, ParentType, ContextType, RequireFields<QueryPolicyConditionVocabularyArgs, 'type'>>;
  policyDiff?: Resolver<ResolversTypes['PolicyDiff'], ParentType, ContextType, RequireFields<QueryPolicyDiffArgs, 'from' | 'to'>>;
  policyImpact?: Resolver<ResolversTypes['PolicyImpact'], ParentType, ContextType, RequireFields<QueryPolicyImpactArgs, 'number'>>;
  policyLanguage?: Resolver<ResolversTypes['PolicyLanguage'], ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['PolicyVersion']>, ParentType, ContextType, RequireFields<QueryPolicyVersionArgs, 'number'>>;
  policyVersions?: Resolver<ResolversTypes['PolicyVersionConnection'], ParentType, ContextType, RequireFields<QueryPolicyVersionsArgs, 'first'>>;
  previewPolicyEdit?: Resolver<ResolversTypes['PolicyEditPreview'], ParentType, ContextType, RequireFields<QueryPreviewPolicyEditArgs, 'basedOn' | 'edits'>>;
  runPolicyTests?: Resolver<ResolversTypes['PolicyTestRun'], ParentType, ContextType, Partial<QueryRunPolicyTestsArgs>>;
  sharingBacklog?: Resolver<Array<ResolversTypes['DepartmentBacklog']>, ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['ChangeSubscription']>, ParentType, ContextType, RequireFields<QuerySubscriptionArgs, 'id'>>;
  subscriptionChanges?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, RequireFields<QuerySubscriptionChangesArgs, 'first' | 'id'>>;
  subscriptions?: Resolver<ResolversTypes['ChangeSubscriptionConnection'], ParentType, ContextType, RequireFields<QuerySubscriptionsArgs, 'first'>>;
  validatePolicies?: Resolver<ResolversTypes['PolicyValidation'], ParentType, ContextType, RequireFields<QueryValidatePoliciesArgs, 'policies'>>;
  whoCanSee?: Resolver<Array<ResolversTypes['WhoCanSeeEntry']>, ParentType, ContextType, RequireFields<QueryWhoCanSeeArgs, 'field' | 'type'>>;
}>;

export type RedeliveryResultResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['RedeliveryResult'] = ResolversParentTypes['RedeliveryResult']> = ResolversObject<{
  deadLetters?: Resolver<Array<ResolversTypes['DeadLetter']>, ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType>;
}>;

export type RolePolicyResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['RolePolicy'] = ResolversParentTypes['RolePolicy']> = ResolversObject<{
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscribeResultResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['SubscribeResult'] = ResolversParentTypes['SubscribeResult']> = ResolversObject<{
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['ChangeSubscription'], ParentType, ContextType>;
}>;

export type SubscriptionDeliveryResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['SubscriptionDelivery'] = ResolversParentTypes['SubscriptionDelivery']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveryId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  httpStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TypeAccessResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['TypeAccess'] = ResolversParentTypes['TypeAccess']> = ResolversObject<{
  fields?: Resolver<Array<ResolversTypes['FieldAccess']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WhoCanSeeEntryResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['WhoCanSeeEntry'] = ResolversParentTypes['WhoCanSeeEntry']> = ResolversObject<{
  condition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['MatrixDecision'], ParentType, ContextType>;
  decisionInScope?: Resolver<ResolversTypes['MatrixDecision'], ParentType, ContextType>;
  dependsOnRecord?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grants?: Resolver<Array<ResolversTypes['GrantAccess']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GovernanceContext> = ResolversObject<{
  AccessChange?: AccessChangeResolvers<ContextType>;
  AccessMatrix?: AccessMatrixResolvers<ContextType>;
  AuditAnomaly?: AuditAnomalyResolvers<ContextType>;
  AuditFieldUse?: AuditFieldUseResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditRecordConnection?: AuditRecordConnectionResolvers<ContextType>;
  AuditRecordEdge?: AuditRecordEdgeResolvers<ContextType>;
  Caller?: CallerResolvers<ContextType>;
  CatalogueField?: CatalogueFieldResolvers<ContextType>;
  CatalogueType?: CatalogueTypeResolvers<ContextType>;
  Change?: ChangeResolvers<ContextType>;
  ChangeConnection?: ChangeConnectionResolvers<ContextType>;
  ChangeEdge?: ChangeEdgeResolvers<ContextType>;
  ChangeSubscription?: ChangeSubscriptionResolvers<ContextType>;
  ChangeSubscriptionConnection?: ChangeSubscriptionConnectionResolvers<ContextType>;
  ChangeSubscriptionEdge?: ChangeSubscriptionEdgeResolvers<ContextType>;
  ChangedField?: ChangedFieldResolvers<ContextType>;
  ConditionDescription?: ConditionDescriptionResolvers<ContextType>;
  ConditionField?: ConditionFieldResolvers<ContextType>;
  Cosignature?: CosignatureResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  DeadLetterConnection?: DeadLetterConnectionResolvers<ContextType>;
  DeadLetterEdge?: DeadLetterEdgeResolvers<ContextType>;
  DepartmentBacklog?: DepartmentBacklogResolvers<ContextType>;
  ExplainedField?: ExplainedFieldResolvers<ContextType>;
  Explanation?: ExplanationResolvers<ContextType>;
  FieldAccess?: FieldAccessResolvers<ContextType>;
  GrantAccess?: GrantAccessResolvers<ContextType>;
  GrantDeadlineCount?: GrantDeadlineCountResolvers<ContextType>;
  GrantRequest?: GrantRequestResolvers<ContextType>;
  GrantRequestConnection?: GrantRequestConnectionResolvers<ContextType>;
  GrantRequestEdge?: GrantRequestEdgeResolvers<ContextType>;
  GrantScope?: GrantScopeResolvers<ContextType>;
  MatrixCell?: MatrixCellResolvers<ContextType>;
  MatrixColumn?: MatrixColumnResolvers<ContextType>;
  MatrixRow?: MatrixRowResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Objection?: ObjectionResolvers<ContextType>;
  ObjectionConnection?: ObjectionConnectionResolvers<ContextType>;
  ObjectionDeadlineCount?: ObjectionDeadlineCountResolvers<ContextType>;
  ObjectionEdge?: ObjectionEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PolicyCellOption?: PolicyCellOptionResolvers<ContextType>;
  PolicyChange?: PolicyChangeResolvers<ContextType>;
  PolicyDiff?: PolicyDiffResolvers<ContextType>;
  PolicyEditPreview?: PolicyEditPreviewResolvers<ContextType>;
  PolicyEditProblem?: PolicyEditProblemResolvers<ContextType>;
  PolicyEvent?: PolicyEventResolvers<ContextType>;
  PolicyImpact?: PolicyImpactResolvers<ContextType>;
  PolicyLanguage?: PolicyLanguageResolvers<ContextType>;
  PolicyProblem?: PolicyProblemResolvers<ContextType>;
  PolicyTest?: PolicyTestResolvers<ContextType>;
  PolicyTestResult?: PolicyTestResultResolvers<ContextType>;
  PolicyTestRun?: PolicyTestRunResolvers<ContextType>;
  PolicyValidation?: PolicyValidationResolvers<ContextType>;
  PolicyVersion?: PolicyVersionResolvers<ContextType>;
  PolicyVersionConnection?: PolicyVersionConnectionResolvers<ContextType>;
  PolicyVersionEdge?: PolicyVersionEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RedeliveryResult?: RedeliveryResultResolvers<ContextType>;
  RolePolicy?: RolePolicyResolvers<ContextType>;
  SubscribeResult?: SubscribeResultResolvers<ContextType>;
  SubscriptionDelivery?: SubscriptionDeliveryResolvers<ContextType>;
  TypeAccess?: TypeAccessResolvers<ContextType>;
  WhoCanSeeEntry?: WhoCanSeeEntryResolvers<ContextType>;
}>;

