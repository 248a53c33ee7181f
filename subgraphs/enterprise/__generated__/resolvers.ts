import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRef } from '../../kit/statistics/graphql';
import { EnterpriseRow, ShareholderRow, AnnualReportRow, QualityInspectionRow } from '../entities';
import { IndustryDivision } from '../industries';
import { Connection } from '../../kit/pagination';
import { EnterpriseContext } from '../loaders';
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

/** An annual report (年度报告) filed with market regulation for one business year. */
export type AnnualReport = {
  __typename?: 'AnnualReport';
  /** Number of employees at the end of the year. */
  employees: Maybe<Scalars['Int']['output']>;
  /** The GB/T 2260 code of the region where the enterprise is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Revenue of the year in yuan. */
  revenue: Maybe<Scalars['Float']['output']>;
  /** Date the report was filed (YYYY-MM-DD). */
  submittedOn: Maybe<Scalars['Date']['output']>;
  /** The year reported on, YYYY. */
  year: Maybe<Scalars['Int']['output']>;
};

/**
 * An enterprise or individual business registered by market regulation, keyed by its unified social credit code.
 * Fields other than the key are nullable: where a caller may not see a value, it is null with a FORBIDDEN error.
 */
export type Enterprise = {
  __typename?: 'Enterprise';
  /** The registered address (住所). */
  address: Maybe<Scalars['String']['output']>;
  /** Annual reports of the last years, the latest first. */
  annualReports: Maybe<Array<AnnualReport>>;
  /** Date of establishment on the business licence (YYYY-MM-DD). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** The industry (GB/T 4754-2017 division). */
  industry: Maybe<Industry>;
  /** Employees covered by social insurance, as last reported. */
  insuredHeadcount: Maybe<Scalars['Int']['output']>;
  /** Enterprises this enterprise holds shares in. */
  investments: Maybe<Array<Shareholding>>;
  /** The legal representative (法定代表人), or the operator of an individual business. */
  legalRepresentative: Maybe<Person>;
  /** The registered address as a GeoJSON Point; null if it was not geocoded. */
  location: Maybe<Scalars['GeoJSON']['output']>;
  /** Registered name, as on the business licence. */
  name: Maybe<Scalars['String']['output']>;
  /** Product quality spot checks (产品质量监督抽查) of the enterprise's products, the latest first. */
  qualityInspections: Maybe<Array<QualityInspection>>;
  /** The region where the enterprise is registered. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the county or district where the enterprise is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Registered capital in yuan (for an individual business, the capital it declared). */
  registeredCapital: Maybe<Scalars['Float']['output']>;
  /** Investors and their shares of the registered capital, the largest first. */
  shareholders: Maybe<Array<Shareholder>>;
  /** Registration status: active, licence revoked, or cancelled. */
  status: Maybe<EnterpriseStatus>;
  /** Date of revocation or cancellation; null while active. */
  statusDate: Maybe<Scalars['Date']['output']>;
  /** The tax registration (the business licence serves as it: the taxpayer number is the credit code). */
  taxRegistration: Maybe<TaxRegistration>;
  /** Legal form of the enterprise. */
  type: Maybe<EnterpriseType>;
  /** The 18-character unified social credit code (GB 32100-2015). */
  uscc: Scalars['ID']['output'];
  /** The record's version: pass it as changeEnterprise's expectedVersion. */
  version: Maybe<Scalars['Int']['output']>;
};

/** The registration items to change; give at least one. statusDate goes with status. */
export type EnterpriseChangeInput = {
  /** The new address, starting with the region's full name; the old point goes with the old address unless location is given. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** New GB/T 4754-2017 division: section letter and 2 digits, e.g. I65. */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  /** The address as a GeoJSON Point inside the region. */
  location?: InputMaybe<Scalars['GeoJSON']['input']>;
  /** New registered name, 4 to 60 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New registered capital in yuan (CNY), above 0, at most two decimals. */
  registeredCapital?: InputMaybe<Scalars['Float']['input']>;
  /** REVOKED or CANCELLED (an enterprise revoked or cancelled never becomes ACTIVE again). */
  status?: InputMaybe<EnterpriseStatus>;
  /** The date of the status change; required with status, not in the future. */
  statusDate?: InputMaybe<Scalars['Date']['input']>;
};

/** A page of Enterprise records in the list's order, with where the page ends. */
export type EnterpriseConnection = {
  __typename?: 'EnterpriseConnection';
  /** The Enterprise records of this page, each with its cursor. */
  edges: Array<EnterpriseEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many enterprises match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** What enterprises can be counted by. */
export type EnterpriseDimension =
  /** Registered capital in yuan (CNY): <1M, 1M-5M, 5M-10M, 10M-50M or 50M+. */
  | 'CAPITAL_BAND'
  /** Prefecture-level city of registration, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** County or district of registration (GB/T 2260 code). */
  | 'COUNTY'
  /** Month of establishment, YYYY-MM. */
  | 'ESTABLISHED_MONTH'
  /** Year of establishment, YYYY. */
  | 'ESTABLISHED_YEAR'
  /** GB/T 4754-2017 division: section letter and 2 digits, e.g. I65. */
  | 'INDUSTRY_DIVISION'
  /** GB/T 4754-2017 section letter, A to T. */
  | 'INDUSTRY_SECTION'
  /** Province of registration (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** ACTIVE, REVOKED or CANCELLED. */
  | 'STATUS'
  /** The legal form: an EnterpriseType value. */
  | 'TYPE';

/** One Enterprise of a page, with its cursor. */
export type EnterpriseEdge = {
  __typename?: 'EnterpriseEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Enterprise. */
  node: Enterprise;
};

/** Which enterprises to list; every given condition must hold. */
export type EnterpriseFilter = {
  /** Established on or after this date. */
  establishedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Established on or before this date. */
  establishedTo?: InputMaybe<Scalars['Date']['input']>;
  /** A GB/T 4754-2017 division (I65) or a whole section (I). */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  /** Enterprises with at least this many employees covered by social insurance (a CONDITIONAL field: shared on request). */
  insuredHeadcountFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Enterprises whose legal representative is this person (person ID). */
  legalRepresentativeId?: InputMaybe<Scalars['ID']['input']>;
  /** Enterprises whose name starts with this text. */
  namePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Enterprises registered in this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only enterprises in this registration status. */
  status?: InputMaybe<EnterpriseStatus>;
  /** Only enterprises of this legal form. */
  type?: InputMaybe<EnterpriseType>;
};

/** What can be summed over the enterprises of each cell. */
export type EnterpriseMeasure =
  /** Registered capital, in yuan (CNY). */
  | 'REGISTERED_CAPITAL';

/** Only enterprises whose value on the dimension is this, in the dimension's format. */
export type EnterpriseStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: EnterpriseDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/** Registration status of an enterprise. */
export type EnterpriseStatus =
  /** In business (存续). */
  | 'ACTIVE'
  /** Cancelled (注销): the enterprise no longer exists. */
  | 'CANCELLED'
  /** Business licence revoked (吊销): the enterprise may only liquidate and then be cancelled. */
  | 'REVOKED';

/** Legal form of an enterprise or individual business. */
export type EnterpriseType =
  /** 个体工商户 */
  | 'INDIVIDUAL_BUSINESS'
  /** 股份有限公司 */
  | 'JOINT_STOCK'
  /** 有限责任公司 */
  | 'LIMITED_LIABILITY'
  /** 合伙企业 */
  | 'PARTNERSHIP'
  /** 个人独资企业 */
  | 'SOLE_PROPRIETORSHIP';

/** An industry: a GB/T 4754-2017 division. */
export type Industry = {
  __typename?: 'Industry';
  /** The division code with its section letter, e.g. I65. */
  code: Maybe<Scalars['String']['output']>;
  /** The division name, e.g. 软件和信息技术服务业. */
  name: Maybe<Scalars['String']['output']>;
};

/** The outcome of a quality spot check. */
export type InspectionResult =
  /** The product failed (不合格). */
  | 'FAIL'
  /** The product passed (合格). */
  | 'PASS';

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records a change of registration: name, address, capital, industry, or status (revocation, cancellation).
   * `expectedVersion` is the version last read; a stale one is refused with CONFLICT and the current version.
   */
  changeEnterprise: Maybe<Enterprise>;
  /**
   * Registers a new enterprise and assigns it a unified social credit code for its region. Only officers and apps of
   * market regulation register enterprises. Retrying with the same idempotencyKey returns the first result.
   */
  registerEnterprise: Maybe<Enterprise>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationChangeEnterpriseArgs = {
  changes: EnterpriseChangeInput;
  expectedVersion: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  uscc: Scalars['ID']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRegisterEnterpriseArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RegisterEnterpriseInput;
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
  /** Enterprises the person represents legally (or operates, for individual businesses). */
  enterprises: Maybe<Array<Enterprise>>;
  /** Opaque, stable person ID assigned by public security's population register; reveals nothing. */
  id: Scalars['ID']['output'];
  /** Shares the person holds in enterprises. */
  shareholdings: Maybe<Array<Shareholding>>;
};

/** A product quality spot check of an enterprise's product. */
export type QualityInspection = {
  __typename?: 'QualityInspection';
  /** The market regulation bureau that ran the check. */
  authority: Maybe<Scalars['String']['output']>;
  /** Date of the spot check (YYYY-MM-DD). */
  date: Maybe<Scalars['Date']['output']>;
  /** The product checked, e.g. 饮料. */
  product: Maybe<Scalars['String']['output']>;
  /** The GB/T 2260 code of the region where the enterprise is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Pass or fail. */
  result: Maybe<InspectionResult>;
};

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /** An enterprise by its 18-character unified social credit code (GB 32100), validated first; null if there is none. */
  enterprise: Maybe<Enterprise>;
  /**
   * Counts of enterprises by region of registration and the other dimensions, after disclosure control (docs/statistics.md); needs the `aggregate` permission on the
   * fields the dimensions read.
   */
  enterpriseStatistics: Maybe<StatisticsTable>;
  /** Enterprises matching the filter, ordered by unified social credit code; `first` is at most 500. */
  enterprises: EnterpriseConnection;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryEnterpriseArgs = {
  uscc: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryEnterpriseStatisticsArgs = {
  filter?: InputMaybe<Array<EnterpriseStatisticsFilter>>;
  groupBy: Array<EnterpriseDimension>;
  measures?: InputMaybe<Array<EnterpriseMeasure>>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryEnterprisesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EnterpriseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** Active enterprises registered in the region, after disclosure control. */
  activeEnterprises: Maybe<StatisticsValue>;
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Active enterprises per 1,000 living residents (both after disclosure control). */
  enterprisesPerThousandResidents: Maybe<StatisticsValue>;
  /** Living residents of the region, from the population subgraph. */
  residents: Maybe<StatisticsValue>;
};

/** An enterprise to register with market regulation. */
export type RegisterEnterpriseInput = {
  /** The registered address, starting with the region's name, e.g. 海南省海口市龙华区滨海大道1号. */
  address: Scalars['String']['input'];
  /** Not in the future. */
  establishedOn: Scalars['Date']['input'];
  /** A GB/T 4754-2017 division code, e.g. I65. */
  industryCode: Scalars['String']['input'];
  /** The person ID of the legal representative. */
  legalRepresentativeId: Scalars['ID']['input'];
  /** The address as a GeoJSON Point inside the region; optional. */
  location?: InputMaybe<Scalars['GeoJSON']['input']>;
  /** The registered name; its ending must suit the type (有限公司, 股份有限公司, 合伙 ...). */
  name: Scalars['String']['input'];
  /** The county or district of registration (6-digit GB/T 2260 code of Hainan). */
  regionCode: Scalars['ID']['input'];
  /** Registered capital in yuan, above 0. */
  registeredCapital: Scalars['Float']['input'];
  /** Its investors, whose shares add up to 1; as many as its legal form allows. */
  shareholders: Array<ShareholderInput>;
  /** Legal form of the enterprise. */
  type: EnterpriseType;
};

/** An investor in an enterprise: a person or another enterprise, and the share it holds. */
export type Shareholder = {
  __typename?: 'Shareholder';
  /** The investor, when an enterprise. */
  enterprise: Maybe<Enterprise>;
  /** Whether the investor is a natural person or an enterprise. */
  kind: Maybe<ShareholderKind>;
  /** The investor, when a person. */
  person: Maybe<Person>;
  /** The GB/T 2260 code of the region where the invested enterprise is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Share of the registered capital, from 0 to 1; the shares of an enterprise add up to 1. */
  share: Maybe<Scalars['Float']['output']>;
};

/** An investor of a new enterprise: exactly one of personId and uscc, and its share. */
export type ShareholderInput = {
  /** A natural person investor's opaque person ID; give this or uscc. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Share of the registered capital, above 0 and at most 1; the shares add up to 1. */
  share: Scalars['Float']['input'];
  /** An enterprise investor's unified social credit code; give this or personId. */
  uscc?: InputMaybe<Scalars['ID']['input']>;
};

/** Whether an investor is a natural person or an enterprise. */
export type ShareholderKind =
  /** An enterprise (see enterprise). */
  | 'ENTERPRISE'
  /** A natural person (see person). */
  | 'PERSON';

/** A share held in an enterprise, seen from the investor. */
export type Shareholding = {
  __typename?: 'Shareholding';
  /** The enterprise invested in. */
  enterprise: Maybe<Enterprise>;
  /** The GB/T 2260 code of the region where the invested enterprise is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Share of the enterprise's registered capital, from 0 to 1. */
  share: Maybe<Scalars['Float']['output']>;
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

/** The tax registration of an enterprise. */
export type TaxRegistration = {
  __typename?: 'TaxRegistration';
  /** The GB/T 2260 code of the region whose tax bureau is in charge. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Date of tax registration (YYYY-MM-DD). */
  registeredOn: Maybe<Scalars['Date']['output']>;
  /** The tax bureau in charge, e.g. 国家税务总局海口市龙华区税务局. */
  taxAuthority: Maybe<Scalars['String']['output']>;
  /** The taxpayer identification number: the unified social credit code. */
  taxpayerNumber: Maybe<Scalars['String']['output']>;
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
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Region'], {"residents":{"value":true,"suppressed":true,"suppression":true,"asOf":true}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AnnualReport: ResolverTypeWrapper<AnnualReportRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Enterprise: ResolverTypeWrapper<EnterpriseRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  EnterpriseChangeInput: EnterpriseChangeInput;
  EnterpriseConnection: ResolverTypeWrapper<Connection<EnterpriseRow>>;
  EnterpriseDimension: EnterpriseDimension;
  EnterpriseEdge: ResolverTypeWrapper<Omit<EnterpriseEdge, 'node'> & { node: ResolversTypes['Enterprise'] }>;
  EnterpriseFilter: EnterpriseFilter;
  EnterpriseMeasure: EnterpriseMeasure;
  EnterpriseStatisticsFilter: EnterpriseStatisticsFilter;
  EnterpriseStatus: EnterpriseStatus;
  EnterpriseType: EnterpriseType;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  Industry: ResolverTypeWrapper<IndustryDivision>;
  InspectionResult: InspectionResult;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<Omit<Person, 'enterprises' | 'shareholdings'> & { enterprises?: Maybe<Array<ResolversTypes['Enterprise']>>, shareholdings?: Maybe<Array<ResolversTypes['Shareholding']>> }>;
  QualityInspection: ResolverTypeWrapper<QualityInspectionRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: ResolverTypeWrapper<RegionRef>;
  RegisterEnterpriseInput: RegisterEnterpriseInput;
  Shareholder: ResolverTypeWrapper<ShareholderRow>;
  ShareholderInput: ShareholderInput;
  ShareholderKind: ShareholderKind;
  Shareholding: ResolverTypeWrapper<ShareholderRow>;
  StatisticsCell: ResolverTypeWrapper<StatisticsCell>;
  StatisticsTable: ResolverTypeWrapper<StatisticsTable>;
  StatisticsValue: ResolverTypeWrapper<StatisticsValue>;
  Suppression: Suppression;
  TaxRegistration: ResolverTypeWrapper<EnterpriseRow>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AnnualReport: AnnualReportRow;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  Date: Scalars['Date']['output'];
  Enterprise: EnterpriseRow;
  String: Scalars['String']['output'];
  EnterpriseChangeInput: EnterpriseChangeInput;
  EnterpriseConnection: Connection<EnterpriseRow>;
  EnterpriseEdge: Omit<EnterpriseEdge, 'node'> & { node: ResolversParentTypes['Enterprise'] };
  EnterpriseFilter: EnterpriseFilter;
  EnterpriseStatisticsFilter: EnterpriseStatisticsFilter;
  GeoJSON: Scalars['GeoJSON']['output'];
  Industry: IndustryDivision;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Person: Omit<Person, 'enterprises' | 'shareholdings'> & { enterprises?: Maybe<Array<ResolversParentTypes['Enterprise']>>, shareholdings?: Maybe<Array<ResolversParentTypes['Shareholding']>> } | FederationReferenceTypes['Person'];
  QualityInspection: QualityInspectionRow;
  Query: Record<PropertyKey, never>;
  Region: RegionRef;
  RegisterEnterpriseInput: RegisterEnterpriseInput;
  Shareholder: ShareholderRow;
  ShareholderInput: ShareholderInput;
  Shareholding: ShareholderRow;
  StatisticsCell: StatisticsCell;
  StatisticsTable: StatisticsTable;
  StatisticsValue: StatisticsValue;
  TaxRegistration: EnterpriseRow;
}>;

export type AnnualReportResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['AnnualReport'] = ResolversParentTypes['AnnualReport']> = ResolversObject<{
  employees?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  revenue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  submittedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EnterpriseResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  annualReports?: Resolver<Maybe<Array<ResolversTypes['AnnualReport']>>, ParentType, ContextType>;
  establishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['Industry']>, ParentType, ContextType>;
  insuredHeadcount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  investments?: Resolver<Maybe<Array<ResolversTypes['Shareholding']>>, ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoJSON']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  qualityInspections?: Resolver<Maybe<Array<ResolversTypes['QualityInspection']>>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  registeredCapital?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  shareholders?: Resolver<Maybe<Array<ResolversTypes['Shareholder']>>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['EnterpriseStatus']>, ParentType, ContextType>;
  statusDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  taxRegistration?: Resolver<Maybe<ResolversTypes['TaxRegistration']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['EnterpriseType']>, ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type EnterpriseConnectionResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['EnterpriseConnection'] = ResolversParentTypes['EnterpriseConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EnterpriseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EnterpriseEdgeResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['EnterpriseEdge'] = ResolversParentTypes['EnterpriseEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Enterprise'], ParentType, ContextType>;
}>;

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type IndustryResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Industry'] = ResolversParentTypes['Industry']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changeEnterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType, RequireFields<MutationChangeEnterpriseArgs, 'changes' | 'expectedVersion' | 'uscc'>>;
  registerEnterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType, RequireFields<MutationRegisterEnterpriseArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  enterprises?: Resolver<Maybe<Array<ResolversTypes['Enterprise']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shareholdings?: Resolver<Maybe<Array<ResolversTypes['Shareholding']>>, ParentType, ContextType>;
}>;

export type QualityInspectionResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['QualityInspection'] = ResolversParentTypes['QualityInspection']> = ResolversObject<{
  authority?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['InspectionResult']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType, RequireFields<QueryEnterpriseArgs, 'uscc'>>;
  enterpriseStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryEnterpriseStatisticsArgs, 'groupBy'>>;
  enterprises?: Resolver<ResolversTypes['EnterpriseConnection'], ParentType, ContextType, RequireFields<QueryEnterprisesArgs, 'first'>>;
}>;

export type RegionResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activeEnterprises?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  enterprisesPerThousandResidents?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
}>;

export type ShareholderResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Shareholder'] = ResolversParentTypes['Shareholder']> = ResolversObject<{
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['ShareholderKind']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  share?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type ShareholdingResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['Shareholding'] = ResolversParentTypes['Shareholding']> = ResolversObject<{
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  share?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  keys?: Resolver<Array<Maybe<ResolversTypes['String']>>, ParentType, ContextType>;
  measures?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsValueResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['StatisticsValue'] = ResolversParentTypes['StatisticsValue']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type TaxRegistrationResolvers<ContextType = EnterpriseContext, ParentType extends ResolversParentTypes['TaxRegistration'] = ResolversParentTypes['TaxRegistration']> = ResolversObject<{
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  registeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  taxAuthority?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  taxpayerNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = EnterpriseContext> = ResolversObject<{
  AnnualReport?: AnnualReportResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Enterprise?: EnterpriseResolvers<ContextType>;
  EnterpriseConnection?: EnterpriseConnectionResolvers<ContextType>;
  EnterpriseEdge?: EnterpriseEdgeResolvers<ContextType>;
  GeoJSON?: GraphQLScalarType;
  Industry?: IndustryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  QualityInspection?: QualityInspectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  Shareholder?: ShareholderResolvers<ContextType>;
  Shareholding?: ShareholdingResolvers<ContextType>;
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsValue?: StatisticsValueResolvers<ContextType>;
  TaxRegistration?: TaxRegistrationResolvers<ContextType>;
}>;

