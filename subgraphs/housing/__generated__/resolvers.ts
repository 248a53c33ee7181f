import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRef } from '../../kit/statistics/graphql';
import { PropertyRow, PropertyOwnerRow, PropertyTransferRow, PropertyMortgageRow } from '../entities';
import { Connection } from '../../kit/pagination';
import { HousingContext } from '../loaders';
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
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** A GeoJSON geometry object (RFC 7946): longitude before latitude, WGS 84. */
  GeoJSON: { input: Record<string, unknown>; output: Record<string, unknown>; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Enterprise = {
  __typename?: 'Enterprise';
  /** Properties the enterprise owns (in whole or in part), ordered by property ID. */
  properties: Maybe<Array<Property>>;
  uscc: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * First registration (首次登记) of a property with its owners. Housing officers only. With an `idempotencyKey`,
   * repeating the request returns the first result and registers nothing more.
   */
  registerProperty: Maybe<Property>;
  /**
   * Registers a transfer of ownership (转移登记): the new owners replace the current ones and the transfer is recorded.
   * Refused with CONFLICT (and the current version) unless `expectedVersion` is the property's current version.
   */
  registerPropertyTransfer: Maybe<Property>;
};


export type MutationRegisterPropertyArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PropertyRegistrationInput;
};


export type MutationRegisterPropertyTransferArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PropertyTransferInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /** Properties the person owns (in whole or in part), ordered by property ID. */
  properties: Maybe<Array<Property>>;
};

/**
 * A registered property (不动产). The ID is opaque and stable; the real-estate certificate number is an ordinary field.
 * Fields other than the key are nullable: where a caller may not see a value, it is null with a FORBIDDEN error.
 */
export type Property = {
  __typename?: 'Property';
  address: Maybe<Scalars['String']['output']>;
  /** The real-estate certificate number, e.g. 琼(2021)海口市不动产权第0012345号. */
  certificateNumber: Maybe<Scalars['String']['output']>;
  /** Building area in square metres. */
  floorArea: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  /** Where the property lies, as a GeoJSON Point. */
  location: Maybe<Scalars['GeoJSON']['output']>;
  /** Mortgages registered on the property, oldest first, released ones included. */
  mortgages: Maybe<Array<PropertyMortgage>>;
  /** Current owners and their shares (adding up to 1). */
  owners: Maybe<Array<PropertyOwner>>;
  region: Maybe<Region>;
  /** The GB/T 2260 code of the county or district where the property lies. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Date of the first registration. */
  registeredOn: Maybe<Scalars['Date']['output']>;
  /** Transfers of ownership, oldest first. */
  transfers: Maybe<Array<PropertyTransfer>>;
  usage: Maybe<PropertyUsage>;
  /** The record's version, for `expectedVersion` when registering a transfer. */
  version: Maybe<Scalars['Int']['output']>;
};

export type PropertyConnection = {
  __typename?: 'PropertyConnection';
  edges: Array<PropertyEdge>;
  pageInfo: PageInfo;
  /** How many properties match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

export type PropertyEdge = {
  __typename?: 'PropertyEdge';
  cursor: Scalars['String']['output'];
  node: Property;
};

export type PropertyFilter = {
  /** At most this many square metres. */
  maxFloorArea?: InputMaybe<Scalars['Float']['input']>;
  /** At least this many square metres. */
  minFloorArea?: InputMaybe<Scalars['Float']['input']>;
  /** Properties owned (in whole or in part) by this person ID or unified social credit code. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Properties in this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  usage?: InputMaybe<PropertyUsage>;
};

/** A mortgage registered on a property. */
export type PropertyMortgage = {
  __typename?: 'PropertyMortgage';
  /** Secured amount in yuan. */
  amount: Maybe<Scalars['Float']['output']>;
  /** The lending bank (mortgagee). */
  bank: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The GB/T 2260 code of the property's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  registeredOn: Maybe<Scalars['Date']['output']>;
  /** When the mortgage was released; null while it is in force. */
  releasedOn: Maybe<Scalars['Date']['output']>;
};

/** An owner of a property: a person or an enterprise, with a share of it. */
export type PropertyOwner = {
  __typename?: 'PropertyOwner';
  /** The owner, when an enterprise. */
  enterprise: Maybe<Enterprise>;
  kind: Maybe<PropertyOwnerKind>;
  /** The owner, when a person. */
  person: Maybe<Person>;
  /** The GB/T 2260 code of the property's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Share of the property, above 0 and at most 1. */
  share: Maybe<Scalars['Float']['output']>;
};

/** A new owner: exactly one of personId and uscc, with a share. */
export type PropertyOwnerInput = {
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Share of the property, above 0 and at most 1; the shares of all owners add up to 1. */
  share: Scalars['Float']['input'];
  /** The enterprise's unified social credit code (GB 32100). */
  uscc?: InputMaybe<Scalars['ID']['input']>;
};

export type PropertyOwnerKind =
  | 'ENTERPRISE'
  | 'PERSON';

export type PropertyRegistrationInput = {
  /** The full address, starting with the region's name, e.g. 海南省海口市龙华区滨海大道1号1栋1单元101. */
  address: Scalars['String']['input'];
  /** The real-estate certificate number, e.g. 琼(2021)海口市不动产权第0012345号, issued by the property's city or county. */
  certificateNumber: Scalars['String']['input'];
  /** Building area in square metres. */
  floorArea: Scalars['Float']['input'];
  /** A GeoJSON Point inside that region. */
  location: Scalars['GeoJSON']['input'];
  owners: Array<PropertyOwnerInput>;
  /** The GB/T 2260 code of the county or district where the property lies. */
  regionCode: Scalars['ID']['input'];
  /** Date of the first registration; not in the future. */
  registeredOn: Scalars['Date']['input'];
  usage: PropertyUsage;
};

/** A registered transfer of ownership. */
export type PropertyTransfer = {
  __typename?: 'PropertyTransfer';
  date: Maybe<Scalars['Date']['output']>;
  /** The owners before the transfer (empty for a sale by the first registrant with no recorded owners). */
  from: Maybe<Array<PropertyOwner>>;
  id: Scalars['ID']['output'];
  /** Price in yuan. */
  price: Maybe<Scalars['Float']['output']>;
  /** The GB/T 2260 code of the property's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** The owners after the transfer. */
  to: Maybe<Array<PropertyOwner>>;
};

export type PropertyTransferInput = {
  /** Date of the transfer: not in the future, nor before the last transfer. */
  date: Scalars['Date']['input'];
  /** The property's version as last read. */
  expectedVersion: Scalars['Int']['input'];
  newOwners: Array<PropertyOwnerInput>;
  /** Price in yuan, above 0. */
  price: Scalars['Float']['input'];
  propertyId: Scalars['ID']['input'];
};

/** What a property is registered for. */
export type PropertyUsage =
  | 'COMMERCIAL'
  | 'INDUSTRIAL'
  | 'OFFICE'
  | 'RESIDENTIAL';

/**
 * The individual housing information system of the housing department, built on real-estate (property) registration:
 * registered properties, their owners and shares, transfers of ownership and mortgages.
 */
export type Query = {
  __typename?: 'Query';
  /** Properties matching the filter, ordered by property ID; `first` is at most 500. */
  properties: PropertyConnection;
  /** A property by its opaque property ID; null if there is no such property. */
  property: Maybe<Property>;
};


/**
 * The individual housing information system of the housing department, built on real-estate (property) registration:
 * registered properties, their owners and shares, transfers of ownership and mortgages.
 */
export type QueryPropertiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PropertyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The individual housing information system of the housing department, built on real-estate (property) registration:
 * registered properties, their owners and shares, transfers of ownership and mortgages.
 */
export type QueryPropertyArgs = {
  id: Scalars['ID']['input'];
};

/** An administrative region, resolved by the geospatial subgraph. */
export type Region = {
  __typename?: 'Region';
  code: Scalars['ID']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

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

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Enterprise: Enterprise;
  Person: Person;
  Property: Property;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Enterprise:
    ( { __typename: 'Enterprise' }
    & GraphQLRecursivePick<FederationTypes['Enterprise'], {"uscc":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Property:
    ( { __typename: 'Property' }
    & GraphQLRecursivePick<FederationTypes['Property'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Enterprise: ResolverTypeWrapper<Omit<Enterprise, 'properties'> & { properties?: Maybe<Array<ResolversTypes['Property']>> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<Omit<Person, 'properties'> & { properties?: Maybe<Array<ResolversTypes['Property']>> }>;
  Property: ResolverTypeWrapper<PropertyRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PropertyConnection: ResolverTypeWrapper<Connection<PropertyRow>>;
  PropertyEdge: ResolverTypeWrapper<Omit<PropertyEdge, 'node'> & { node: ResolversTypes['Property'] }>;
  PropertyFilter: PropertyFilter;
  PropertyMortgage: ResolverTypeWrapper<PropertyMortgageRow>;
  PropertyOwner: ResolverTypeWrapper<PropertyOwnerRow>;
  PropertyOwnerInput: PropertyOwnerInput;
  PropertyOwnerKind: PropertyOwnerKind;
  PropertyRegistrationInput: PropertyRegistrationInput;
  PropertyTransfer: ResolverTypeWrapper<PropertyTransferRow>;
  PropertyTransferInput: PropertyTransferInput;
  PropertyUsage: PropertyUsage;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: ResolverTypeWrapper<RegionRef>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Date: Scalars['Date']['output'];
  Enterprise: Omit<Enterprise, 'properties'> & { properties?: Maybe<Array<ResolversParentTypes['Property']>> } | FederationReferenceTypes['Enterprise'];
  ID: Scalars['ID']['output'];
  GeoJSON: Scalars['GeoJSON']['output'];
  Mutation: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Person: Omit<Person, 'properties'> & { properties?: Maybe<Array<ResolversParentTypes['Property']>> } | FederationReferenceTypes['Person'];
  Property: PropertyRow;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  PropertyConnection: Connection<PropertyRow>;
  PropertyEdge: Omit<PropertyEdge, 'node'> & { node: ResolversParentTypes['Property'] };
  PropertyFilter: PropertyFilter;
  PropertyMortgage: PropertyMortgageRow;
  PropertyOwner: PropertyOwnerRow;
  PropertyOwnerInput: PropertyOwnerInput;
  PropertyRegistrationInput: PropertyRegistrationInput;
  PropertyTransfer: PropertyTransferRow;
  PropertyTransferInput: PropertyTransferInput;
  Query: Record<PropertyKey, never>;
  Region: RegionRef;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EnterpriseResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  properties?: Resolver<Maybe<Array<ResolversTypes['Property']>>, ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type MutationResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  registerProperty?: Resolver<Maybe<ResolversTypes['Property']>, ParentType, ContextType, RequireFields<MutationRegisterPropertyArgs, 'input'>>;
  registerPropertyTransfer?: Resolver<Maybe<ResolversTypes['Property']>, ParentType, ContextType, RequireFields<MutationRegisterPropertyTransferArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  properties?: Resolver<Maybe<Array<ResolversTypes['Property']>>, ParentType, ContextType>;
}>;

export type PropertyResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Property'] = ResolversParentTypes['Property'], FederationReferenceType extends FederationReferenceTypes['Property'] = FederationReferenceTypes['Property']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Property']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  certificateNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  floorArea?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoJSON']>, ParentType, ContextType>;
  mortgages?: Resolver<Maybe<Array<ResolversTypes['PropertyMortgage']>>, ParentType, ContextType>;
  owners?: Resolver<Maybe<Array<ResolversTypes['PropertyOwner']>>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  registeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  transfers?: Resolver<Maybe<Array<ResolversTypes['PropertyTransfer']>>, ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['PropertyUsage']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PropertyConnectionResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['PropertyConnection'] = ResolversParentTypes['PropertyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PropertyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PropertyEdgeResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['PropertyEdge'] = ResolversParentTypes['PropertyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Property'], ParentType, ContextType>;
}>;

export type PropertyMortgageResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['PropertyMortgage'] = ResolversParentTypes['PropertyMortgage']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bank?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  registeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  releasedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type PropertyOwnerResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['PropertyOwner'] = ResolversParentTypes['PropertyOwner']> = ResolversObject<{
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['PropertyOwnerKind']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  share?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PropertyTransferResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['PropertyTransfer'] = ResolversParentTypes['PropertyTransfer']> = ResolversObject<{
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  from?: Resolver<Maybe<Array<ResolversTypes['PropertyOwner']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  to?: Resolver<Maybe<Array<ResolversTypes['PropertyOwner']>>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  properties?: Resolver<ResolversTypes['PropertyConnection'], ParentType, ContextType, RequireFields<QueryPropertiesArgs, 'first'>>;
  property?: Resolver<Maybe<ResolversTypes['Property']>, ParentType, ContextType, RequireFields<QueryPropertyArgs, 'id'>>;
}>;

export type RegionResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = HousingContext> = ResolversObject<{
  Date?: GraphQLScalarType;
  Enterprise?: EnterpriseResolvers<ContextType>;
  GeoJSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Property?: PropertyResolvers<ContextType>;
  PropertyConnection?: PropertyConnectionResolvers<ContextType>;
  PropertyEdge?: PropertyEdgeResolvers<ContextType>;
  PropertyMortgage?: PropertyMortgageResolvers<ContextType>;
  PropertyOwner?: PropertyOwnerResolvers<ContextType>;
  PropertyTransfer?: PropertyTransferResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
}>;

