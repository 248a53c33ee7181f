import { GraphQLResolveInfo } from 'graphql';
import { GovernanceContext } from '../loaders';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AccessDecision =
  | 'DENIED'
  | 'FULL'
  | 'MASKED';

export type AuditAnomaly = {
  __typename?: 'AuditAnomaly';
  count: Maybe<Scalars['Int']['output']>;
  dept: Maybe<Scalars['String']['output']>;
  description: Maybe<Scalars['String']['output']>;
  /** The records that make the case (writer#seq, at most 20). */
  records: Maybe<Array<Scalars['String']['output']>>;
  /** volume-own-baseline, volume-peers, off-hours, out-of-region, grant-purpose or denial-burst. */
  rule: Scalars['String']['output'];
  sub: Maybe<Scalars['String']['output']>;
};

export type AuditFieldUse = {
  __typename?: 'AuditFieldUse';
  count: Scalars['Int']['output'];
  /** FULL, MASKED, DENIED or WRITTEN. */
  decision: Scalars['String']['output'];
  /** Type.field */
  field: Scalars['String']['output'];
};

export type AuditFilter = {
  dept?: InputMaybe<Scalars['String']['input']>;
  /** A subgraph: population, health, ... */
  domain?: InputMaybe<Scalars['String']['input']>;
  /** A type (HealthRecord) or a field (HealthRecord.chronicConditions). */
  field?: InputMaybe<Scalars['String']['input']>;
  /** ISO 8601 instants: from inclusive, to exclusive. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** read, denial, aggregate, write or policy. */
  kind?: InputMaybe<Scalars['String']['input']>;
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** A record key, e.g. Person:<id> or HealthRecord:<id>: who looked at this record? */
  recordKey?: InputMaybe<Scalars['String']['input']>;
  sub?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

/** One audited request (or write) as the subgraph that served it recorded it, chained to its previous record. */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  client: Maybe<Scalars['String']['output']>;
  dept: Maybe<Scalars['String']['output']>;
  /** sha256 of the GraphQL document. */
  documentHash: Maybe<Scalars['String']['output']>;
  /** The fields read, masked, refused or written, with counts. */
  fields: Maybe<Array<AuditFieldUse>>;
  grantIds: Maybe<Array<Scalars['String']['output']>>;
  hash: Maybe<Scalars['String']['output']>;
  /** writer#seq */
  id: Scalars['ID']['output'];
  /** read, denial, aggregate, write or policy. */
  kind: Maybe<Scalars['String']['output']>;
  operationName: Maybe<Scalars['String']['output']>;
  /** Records read whose region lies outside the caller's. */
  outOfRegion: Maybe<Scalars['Int']['output']>;
  prevHash: Maybe<Scalars['String']['output']>;
  purpose: Maybe<Scalars['String']['output']>;
  /** The records returned, written or refused (Type:key); a last '+N more' says how many were left out. */
  recordKeys: Maybe<Array<Scalars['String']['output']>>;
  region: Maybe<Scalars['String']['output']>;
  requestId: Maybe<Scalars['String']['output']>;
  roles: Maybe<Array<Scalars['String']['output']>>;
  seq: Maybe<Scalars['Int']['output']>;
  sub: Maybe<Scalars['String']['output']>;
  /** ISO 8601 instant. */
  time: Maybe<Scalars['String']['output']>;
  /** The subgraph (and chain) that wrote it. */
  writer: Maybe<Scalars['String']['output']>;
};

export type AuditRecordConnection = {
  __typename?: 'AuditRecordConnection';
  edges: Array<AuditRecordEdge>;
  pageInfo: PageInfo;
};

export type AuditRecordEdge = {
  __typename?: 'AuditRecordEdge';
  cursor: Scalars['String']['output'];
  node: AuditRecord;
};

export type CatalogueField = {
  __typename?: 'CatalogueField';
  description: Maybe<Scalars['String']['output']>;
  /** How the value is masked where a caller may see it masked only. */
  mask: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Open data: readable by anyone, signed in or not. */
  open: Scalars['Boolean']['output'];
  owner: Scalars['String']['output'];
  sensitivity: Sensitivity;
  sharing: SharingType;
};

/** A catalogued information resource: one GraphQL type. */
export type CatalogueType = {
  __typename?: 'CatalogueType';
  description: Maybe<Scalars['String']['output']>;
  fields: Array<CatalogueField>;
  name: Scalars['String']['output'];
  owner: Scalars['String']['output'];
  /** The field holding the record's administrative code, used by region-limited grants. */
  regionField: Maybe<Scalars['String']['output']>;
};

export type FieldAccess = {
  __typename?: 'FieldAccess';
  decision: AccessDecision;
  /** True when the answer differs between records (a rule has conditions, e.g. on the region). */
  dependsOnRecord: Scalars['Boolean']['output'];
  field: Scalars['String']['output'];
  /** The rule, grant or catalogue default that decided. */
  reason: Scalars['String']['output'];
  /** catalogue, policy or grant; null when nothing allowed the field. */
  source: Maybe<Scalars['String']['output']>;
  /** The policy or grant ID, or Type.field for a catalogue default. */
  sourceId: Maybe<Scalars['String']['output']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/**
 * The governance service of the data-sharing platform: the information resource catalogue, the role policies that
 * security officers maintain, and what each caller may see.
 */
export type Query = {
  __typename?: 'Query';
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
  /** For the caller: per type and field, whether they get the value in full, masked or not at all, and why. */
  myAccess: Array<TypeAccess>;
  /** The role policies in force (CASL rules in JSON). */
  policies: Array<RolePolicy>;
};


/**
 * The governance service of the data-sharing platform: the information resource catalogue, the role policies that
 * security officers maintain, and what each caller may see.
 */
export type QueryAuditAnomaliesArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/**
 * The governance service of the data-sharing platform: the information resource catalogue, the role policies that
 * security officers maintain, and what each caller may see.
 */
export type QueryAuditRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The governance service of the data-sharing platform: the information resource catalogue, the role policies that
 * security officers maintain, and what each caller may see.
 */
export type QueryCatalogueTypeArgs = {
  name: Scalars['String']['input'];
};


/**
 * The governance service of the data-sharing platform: the information resource catalogue, the role policies that
 * security officers maintain, and what each caller may see.
 */
export type QueryMyAccessArgs = {
  type?: InputMaybe<Scalars['String']['input']>;
};

export type RolePolicy = {
  __typename?: 'RolePolicy';
  /** Department code, or * for every department. */
  dept: Scalars['String']['output'];
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  role: Scalars['String']['output'];
  /** The CASL rules as JSON text. */
  rules: Scalars['String']['output'];
};

/** Personal-information sensitivity under the Personal Information Protection Law. */
export type Sensitivity =
  | 'NONE'
  | 'PERSONAL'
  | 'SENSITIVE';

/** The three sharing types of the national rules on government data sharing. */
export type SharingType =
  | 'CONDITIONAL'
  | 'NOT_SHARED'
  | 'UNCONDITIONAL';

export type TypeAccess = {
  __typename?: 'TypeAccess';
  fields: Array<FieldAccess>;
  type: Scalars['String']['output'];
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
  AccessDecision: AccessDecision;
  AuditAnomaly: ResolverTypeWrapper<AuditAnomaly>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditFieldUse: ResolverTypeWrapper<AuditFieldUse>;
  AuditFilter: AuditFilter;
  AuditRecord: ResolverTypeWrapper<AuditRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditRecordConnection: ResolverTypeWrapper<AuditRecordConnection>;
  AuditRecordEdge: ResolverTypeWrapper<AuditRecordEdge>;
  CatalogueField: ResolverTypeWrapper<CatalogueField>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CatalogueType: ResolverTypeWrapper<CatalogueType>;
  FieldAccess: ResolverTypeWrapper<FieldAccess>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RolePolicy: ResolverTypeWrapper<RolePolicy>;
  Sensitivity: Sensitivity;
  SharingType: SharingType;
  TypeAccess: ResolverTypeWrapper<TypeAccess>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditAnomaly: AuditAnomaly;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  AuditFieldUse: AuditFieldUse;
  AuditFilter: AuditFilter;
  AuditRecord: AuditRecord;
  ID: Scalars['ID']['output'];
  AuditRecordConnection: AuditRecordConnection;
  AuditRecordEdge: AuditRecordEdge;
  CatalogueField: CatalogueField;
  Boolean: Scalars['Boolean']['output'];
  CatalogueType: CatalogueType;
  FieldAccess: FieldAccess;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RolePolicy: RolePolicy;
  TypeAccess: TypeAccess;
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

export type FieldAccessResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['FieldAccess'] = ResolversParentTypes['FieldAccess']> = ResolversObject<{
  decision?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  dependsOnRecord?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditAnomalies?: Resolver<Array<ResolversTypes['AuditAnomaly']>, ParentType, ContextType, RequireFields<QueryAuditAnomaliesArgs, 'from' | 'to'>>;
  auditRecords?: Resolver<ResolversTypes['AuditRecordConnection'], ParentType, ContextType, Partial<QueryAuditRecordsArgs>>;
  catalogue?: Resolver<Array<ResolversTypes['CatalogueType']>, ParentType, ContextType>;
  catalogueType?: Resolver<Maybe<ResolversTypes['CatalogueType']>, ParentType, ContextType, RequireFields<QueryCatalogueTypeArgs, 'name'>>;
  myAccess?: Resolver<Array<ResolversTypes['TypeAccess']>, ParentType, ContextType, Partial<QueryMyAccessArgs>>;
  policies?: Resolver<Array<ResolversTypes['RolePolicy']>, ParentType, ContextType>;
}>;

export type RolePolicyResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['RolePolicy'] = ResolversParentTypes['RolePolicy']> = ResolversObject<{
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TypeAccessResolvers<ContextType = GovernanceContext, ParentType extends ResolversParentTypes['TypeAccess'] = ResolversParentTypes['TypeAccess']> = ResolversObject<{
  fields?: Resolver<Array<ResolversTypes['FieldAccess']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GovernanceContext> = ResolversObject<{
  AuditAnomaly?: AuditAnomalyResolvers<ContextType>;
  AuditFieldUse?: AuditFieldUseResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditRecordConnection?: AuditRecordConnectionResolvers<ContextType>;
  AuditRecordEdge?: AuditRecordEdgeResolvers<ContextType>;
  CatalogueField?: CatalogueFieldResolvers<ContextType>;
  CatalogueType?: CatalogueTypeResolvers<ContextType>;
  FieldAccess?: FieldAccessResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RolePolicy?: RolePolicyResolvers<ContextType>;
  TypeAccess?: TypeAccessResolvers<ContextType>;
}>;

