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
  /** The 18-character unified social credit code (GB 32100-2015). */
  uscc: Scalars['ID']['output'];
};

/** What properties can be counted by. */
export type HousingDimension =
  /** Prefecture-level city of the property, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** County or district of the property (GB/T 2260 code). */
  | 'COUNTY'
  /** Floor area in m²: <60, 60-90, 90-120, 120-180 or 180+. */
  | 'FLOOR_AREA_BAND'
  /** Province of the property (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** Year of first registration, YYYY. */
  | 'REGISTERED_YEAR'
  /** The registered usage: a PropertyUsage value. */
  | 'USAGE';

/** What can be summed over the properties of each cell. */
export type HousingMeasure =
  /** Floor area, in m². */
  | 'FLOOR_AREA';

/** Only properties whose value on the dimension is this, in the dimension's format. */
export type HousingStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: HousingDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/** What registered transfers of ownership can be counted by. */
export type HousingTransferDimension =
  /** Prefecture-level city of the property, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** County or district of the property (GB/T 2260 code). */
  | 'COUNTY'
  /** Month of the transfer, YYYY-MM. */
  | 'MONTH'
  /** Province of the property (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** Year of the transfer, YYYY. */
  | 'YEAR';

/** What can be summed over the transfers of each cell. */
export type HousingTransferMeasure =
  /** Transfer price, in yuan (CNY); SENSITIVE, so the stricter minimum cell size applies. */
  | 'PRICE';

/** Only transfers whose value on the dimension is this, in the dimension's format. */
export type HousingTransferStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: HousingTransferDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
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


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRegisterPropertyArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PropertyRegistrationInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRegisterPropertyTransferArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PropertyTransferInput;
};

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

export type Person = {
  __typename?: 'Person';
  /** Opaque, stable person ID assigned by public security's population register; reveals nothing. */
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
  /** Full address, starting with the region's full name; masked to the district. */
  address: Maybe<Scalars['String']['output']>;
  /** The real-estate certificate number, e.g. 琼(2021)海口市不动产权第0012345号. */
  certificateNumber: Maybe<Scalars['String']['output']>;
  /** Building area in square metres. */
  floorArea: Maybe<Scalars['Float']['output']>;
  /** Opaque, stable property ID; reveals nothing. */
  id: Scalars['ID']['output'];
  /** Where the property lies, as a GeoJSON Point. */
  location: Maybe<Scalars['GeoJSON']['output']>;
  /** Mortgages registered on the property, oldest first, released ones included. */
  mortgages: Maybe<Array<PropertyMortgage>>;
  /** Current owners and their shares (adding up to 1). */
  owners: Maybe<Array<PropertyOwner>>;
  /** The county or district the property lies in. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the county or district where the property lies. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Date of the first registration. */
  registeredOn: Maybe<Scalars['Date']['output']>;
  /** Transfers of ownership, oldest first. */
  transfers: Maybe<Array<PropertyTransfer>>;
  /** The registered usage. */
  usage: Maybe<PropertyUsage>;
  /** The record's version, for `expectedVersion` when registering a transfer. */
  version: Maybe<Scalars['Int']['output']>;
};

/** A page of Property records in the list's order, with where the page ends. */
export type PropertyConnection = {
  __typename?: 'PropertyConnection';
  /** The Property records of this page, each with its cursor. */
  edges: Array<PropertyEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many properties match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** One Property of a page, with its cursor. */
export type PropertyEdge = {
  __typename?: 'PropertyEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Property. */
  node: Property;
};

/** Which properties to list; every given condition must hold. */
export type PropertyFilter = {
  /** At most this many square metres. */
  maxFloorArea?: InputMaybe<Scalars['Float']['input']>;
  /** At least this many square metres. */
  minFloorArea?: InputMaybe<Scalars['Float']['input']>;
  /** Properties owned (in whole or in part) by this person ID or unified social credit code. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Properties in this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only properties of this usage. */
  usage?: InputMaybe<PropertyUsage>;
};

/** A mortgage registered on a property. */
export type PropertyMortgage = {
  __typename?: 'PropertyMortgage';
  /** Secured amount in yuan. */
  amount: Maybe<Scalars['Float']['output']>;
  /** The lending bank (mortgagee). */
  bank: Maybe<Scalars['String']['output']>;
  /** Opaque mortgage ID. */
  id: Scalars['ID']['output'];
  /** The GB/T 2260 code of the property's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Date the mortgage was registered (YYYY-MM-DD). */
  registeredOn: Maybe<Scalars['Date']['output']>;
  /** When the mortgage was released; null while it is in force. */
  releasedOn: Maybe<Scalars['Date']['output']>;
};

/** An owner of a property: a person or an enterprise, with a share of it. */
export type PropertyOwner = {
  __typename?: 'PropertyOwner';
  /** The owner, when an enterprise. */
  enterprise: Maybe<Enterprise>;
  /** Whether the owner is a natural person or an enterprise. */
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
  /** A natural person owner's opaque person ID; give this or uscc. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Share of the property, above 0 and at most 1; the shares of all owners add up to 1. */
  share: Scalars['Float']['input'];
  /** The enterprise's unified social credit code (GB 32100). */
  uscc?: InputMaybe<Scalars['ID']['input']>;
};

/** Whether a property owner is a natural person or an enterprise. */
export type PropertyOwnerKind =
  /** An enterprise (see enterprise). */
  | 'ENTERPRISE'
  /** A natural person (see person). */
  | 'PERSON';

/** A property's first registration (首次登记). */
export type PropertyRegistrationInput = {
  /** The full address, starting with the region's name, e.g. 海南省海口市龙华区滨海大道1号1栋1单元101. */
  address: Scalars['String']['input'];
  /** The real-estate certificate number, e.g. 琼(2021)海口市不动产权第0012345号, issued by the property's city or county. */
  certificateNumber: Scalars['String']['input'];
  /** Building area in square metres. */
  floorArea: Scalars['Float']['input'];
  /** A GeoJSON Point inside that region. */
  location: Scalars['GeoJSON']['input'];
  /** The owners, 1 to 50, each once, with shares above 0 adding up to 1. */
  owners: Array<PropertyOwnerInput>;
  /** The GB/T 2260 code of the county or district where the property lies. */
  regionCode: Scalars['ID']['input'];
  /** Date of the first registration; not in the future. */
  registeredOn: Scalars['Date']['input'];
  /** The registered usage. */
  usage: PropertyUsage;
};

/** A registered transfer of ownership. */
export type PropertyTransfer = {
  __typename?: 'PropertyTransfer';
  /** Date of the transfer (YYYY-MM-DD). */
  date: Maybe<Scalars['Date']['output']>;
  /** The owners before the transfer (empty for a sale by the first registrant with no recorded owners). */
  from: Maybe<Array<PropertyOwner>>;
  /** Opaque transfer ID. */
  id: Scalars['ID']['output'];
  /** Price in yuan. */
  price: Maybe<Scalars['Float']['output']>;
  /** The GB/T 2260 code of the property's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** The owners after the transfer. */
  to: Maybe<Array<PropertyOwner>>;
};

/** A transfer of ownership (转移登记) to register. */
export type PropertyTransferInput = {
  /** Date of the transfer: not in the future, nor before the last transfer. */
  date: Scalars['Date']['input'];
  /** The property's version as last read. */
  expectedVersion: Scalars['Int']['input'];
  /** The new owners, 1 to 50, each once, with shares above 0 adding up to 1; they replace the current ones. */
  newOwners: Array<PropertyOwnerInput>;
  /** Price in yuan, above 0. */
  price: Scalars['Float']['input'];
  /** The property's opaque ID. */
  propertyId: Scalars['ID']['input'];
};

/** What a property is registered for. */
export type PropertyUsage =
  /** Shops and other commercial premises (商业). */
  | 'COMMERCIAL'
  /** Industrial buildings (工业). */
  | 'INDUSTRIAL'
  /** Offices (办公). */
  | 'OFFICE'
  /** Homes (住宅). */
  | 'RESIDENTIAL';

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Counts of properties by region and the other dimensions, after disclosure control (docs/statistics.md); needs the `aggregate` permission on the
   * fields the dimensions read.
   */
  housingStatistics: Maybe<StatisticsTable>;
  /**
   * Counts of registered transfers (with the sum of their prices in yuan when PRICE is asked for) by region and time,
   * after disclosure control; prices are SENSITIVE, so the stricter minimum cell size applies to them.
   */
  housingTransferStatistics: Maybe<StatisticsTable>;
  /** Properties matching the filter, ordered by property ID; `first` is at most 500. */
  properties: PropertyConnection;
  /** A property by its opaque property ID; null if there is no such property. */
  property: Maybe<Property>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHousingStatisticsArgs = {
  filter?: InputMaybe<Array<HousingStatisticsFilter>>;
  groupBy: Array<HousingDimension>;
  measures?: InputMaybe<Array<HousingMeasure>>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHousingTransferStatisticsArgs = {
  filter?: InputMaybe<Array<HousingTransferStatisticsFilter>>;
  groupBy: Array<HousingTransferDimension>;
  measures?: InputMaybe<Array<HousingTransferMeasure>>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPropertiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PropertyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPropertyArgs = {
  id: Scalars['ID']['input'];
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Square metres of residential floor area per living resident. */
  floorAreaPerResident: Maybe<StatisticsValue>;
  /** Square metres of residential floor area in the region, after disclosure control. */
  residentialFloorArea: Maybe<StatisticsValue>;
  /** Living residents of the region, from the population subgraph. */
  residents: Maybe<StatisticsValue>;
};

/** One cell of a statistics table: a combination of dimension values with its count, published (perturbed) or withheld. */
export type StatisticsCell = {
  __typename?: 'StatisticsCell';
  /** One value per dimension; null is the total over that dimension. */
  keys: Array<Maybe<Scalars['String']['output']>>;
  /** Sums of the requested measures; null when withheld. */
  measures: Array<Maybe<Scalars['Float']['output']>>;
  /** True when the cell is withheld; value and measures are then null. */
  suppressed: Scalars['Boolean']['output'];
  /** Why the cell is withheld; null when published. */
  suppression: Maybe<Suppression>;
  /** The count, perturbed by the cell-key method (at most ±2); null when withheld. */
  value: Maybe<Scalars['Float']['output']>;
};

/**
 * A table of counts after disclosure control: every combination of the grouped dimensions' values, with the totals
 * over each dimension (a null key), so that a dashboard draws distributions and maps without adding anything up.
 */
export type StatisticsTable = {
  __typename?: 'StatisticsTable';
  /** When the numbers were computed (ISO 8601). */
  asOf: Scalars['String']['output'];
  /** Every combination of the dimensions' values, totals included. */
  cells: Array<StatisticsCell>;
  /** The grouped dimensions, in the order of each cell's keys. */
  dimensions: Array<Scalars['String']['output']>;
  /** Cells counting fewer than k units (and cells that would reveal them) are withheld. */
  k: Scalars['Int']['output'];
  /** The measures summed, in the order of each cell's measures. */
  measures: Array<Scalars['String']['output']>;
  /** The statistic counted, e.g. population. */
  statistic: Scalars['String']['output'];
  /** What one counted record is: PERSONS, ENTERPRISES, ENROLMENTS, PROPERTIES, TRANSFERS or SUBJECTS. */
  unit: Scalars['String']['output'];
};

/** One indicator of a region after disclosure control. */
export type StatisticsValue = {
  __typename?: 'StatisticsValue';
  /** When the numbers were computed (ISO 8601). */
  asOf: Maybe<Scalars['String']['output']>;
  /** True when the value is withheld. */
  suppressed: Scalars['Boolean']['output'];
  /** Why the value is withheld; null when published. */
  suppression: Maybe<Suppression>;
  /** Null when withheld. */
  value: Maybe<Scalars['Float']['output']>;
};

/** Why a statistics cell is withheld (docs/statistics.md). */
export type Suppression =
  /** It differs by fewer than k units from the same cell with one of the filters left out. */
  | 'DIFFERENCING'
  /** It counts fewer than k units. */
  | 'PRIMARY'
  /** It would let a withheld cell be recomputed from a total. */
  | 'SECONDARY';

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
  Region: Region;
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
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Region'], {"residents":{"value":true,"suppressed":true,"suppression":true,"asOf":true}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Enterprise: ResolverTypeWrapper<Omit<Enterprise, 'properties'> & { properties?: Maybe<Array<ResolversTypes['Property']>> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  HousingDimension: HousingDimension;
  HousingMeasure: HousingMeasure;
  HousingStatisticsFilter: HousingStatisticsFilter;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  HousingTransferDimension: HousingTransferDimension;
  HousingTransferMeasure: HousingTransferMeasure;
  HousingTransferStatisticsFilter: HousingTransferStatisticsFilter;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  StatisticsCell: ResolverTypeWrapper<StatisticsCell>;
  StatisticsTable: ResolverTypeWrapper<StatisticsTable>;
  StatisticsValue: ResolverTypeWrapper<StatisticsValue>;
  Suppression: Suppression;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Date: Scalars['Date']['output'];
  Enterprise: Omit<Enterprise, 'properties'> & { properties?: Maybe<Array<ResolversParentTypes['Property']>> } | FederationReferenceTypes['Enterprise'];
  ID: Scalars['ID']['output'];
  GeoJSON: Scalars['GeoJSON']['output'];
  HousingStatisticsFilter: HousingStatisticsFilter;
  String: Scalars['String']['output'];
  HousingTransferStatisticsFilter: HousingTransferStatisticsFilter;
  Mutation: Record<PropertyKey, never>;
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
  StatisticsCell: StatisticsCell;
  StatisticsTable: StatisticsTable;
  StatisticsValue: StatisticsValue;
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
  housingStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryHousingStatisticsArgs, 'groupBy'>>;
  housingTransferStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryHousingTransferStatisticsArgs, 'groupBy'>>;
  properties?: Resolver<ResolversTypes['PropertyConnection'], ParentType, ContextType, RequireFields<QueryPropertiesArgs, 'first'>>;
  property?: Resolver<Maybe<ResolversTypes['Property']>, ParentType, ContextType, RequireFields<QueryPropertyArgs, 'id'>>;
}>;

export type RegionResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  floorAreaPerResident?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  residentialFloorArea?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  keys?: Resolver<Array<Maybe<ResolversTypes['String']>>, ParentType, ContextType>;
  measures?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsValueResolvers<ContextType = HousingContext, ParentType extends ResolversParentTypes['StatisticsValue'] = ResolversParentTypes['StatisticsValue']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsValue?: StatisticsValueResolvers<ContextType>;
}>;

