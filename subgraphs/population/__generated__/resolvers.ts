import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRef } from '../../kit/statistics/graphql';
import { PersonRow, HouseholdRow } from '../entities';
import { Connection } from '../../kit/pagination';
import { PopulationContext } from '../loaders';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** Sex as registered in the hukou register: male or female. */
export type Gender =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE';

/** A hukou household. */
export type Household = {
  __typename?: 'Household';
  /** The household's registered address, in full (public security's register). */
  address: Maybe<Scalars['String']['output']>;
  /** The head of the household. */
  head: Maybe<Person>;
  /** Opaque household ID in public security's register. */
  id: Scalars['ID']['output'];
  /** Members, the head first. */
  members: Maybe<Array<HouseholdMember>>;
  /** The region (GB/T 2260 code) of the household's registration. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the region where the household is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Date the household was registered (YYYY-MM-DD). */
  registeredOn: Maybe<Scalars['Date']['output']>;
};

/** A member of a hukou household and their relationship to its head. */
export type HouseholdMember = {
  __typename?: 'HouseholdMember';
  /** The member. */
  person: Maybe<Person>;
  /** The member's relationship to the head of the household. */
  relationship: Maybe<Relationship>;
};

/** Whether a registered person is living, deceased or emigrated (hukou cancelled). */
export type LifeStatus =
  /** Died; statusDate is the date of death. */
  | 'DECEASED'
  /** Emigrated, hukou cancelled; statusDate is the date. */
  | 'EMIGRATED'
  /** Living and registered. */
  | 'LIVING';

/** Marital status as registered. */
export type MaritalStatus =
  /** Divorced. */
  | 'DIVORCED'
  /** Married. */
  | 'MARRIED'
  /** Never married. */
  | 'SINGLE'
  /** Widowed. */
  | 'WIDOWED';

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Registers a newborn into an existing hukou household; the citizen ID number is assigned here. */
  registerBirth: Maybe<Person>;
  /** Records a death. */
  registerDeath: Maybe<Person>;
  /** Moves a person into another hukou household (and so to its address). */
  registerMove: Maybe<Person>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRegisterBirthArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RegisterBirthInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRegisterDeathArgs = {
  date: Scalars['Date']['input'];
  expectedVersion: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  personId: Scalars['ID']['input'];
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRegisterMoveArgs = {
  expectedVersion: Scalars['Int']['input'];
  householdId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  personId: Scalars['ID']['input'];
  relationshipToHead: Relationship;
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

/**
 * A resident registered in Hainan. The ID is opaque and stable; the citizen ID number is an ordinary field.
 * Fields other than the key are nullable: where a caller may not see a value, it is null with a FORBIDDEN error.
 */
export type Person = {
  __typename?: 'Person';
  /** Current address as registered. */
  address: Maybe<Scalars['String']['output']>;
  /** The GB/T 2260 code of the county or district of the current address (for floating population, not the hukou region). */
  addressRegionCode: Maybe<Scalars['ID']['output']>;
  /** Age in whole years today. */
  age: Maybe<Scalars['Int']['output']>;
  /** Date of birth (YYYY-MM-DD); masked to the year. */
  birthDate: Maybe<Scalars['Date']['output']>;
  /** Ethnic group name (GB 3304), e.g. 汉族, 黎族. */
  ethnicity: Maybe<Scalars['String']['output']>;
  /** Ethnic group code (GB 3304), e.g. 01, 19. */
  ethnicityCode: Maybe<Scalars['String']['output']>;
  /** True for floating population: living here with hukou registered elsewhere. */
  floating: Maybe<Scalars['Boolean']['output']>;
  /** Sex as registered. */
  gender: Maybe<Gender>;
  /** The person's hukou household; null if not a member of any. */
  household: Maybe<Household>;
  /** The region where the person's hukou is registered. */
  hukouRegion: Maybe<Region>;
  /** The GB/T 2260 code of the region where the person's hukou is registered. */
  hukouRegionCode: Maybe<Scalars['ID']['output']>;
  /** Opaque, stable person ID assigned by public security's population register; reveals nothing. */
  id: Scalars['ID']['output'];
  /** The 18-character citizen identity number (GB 11643-1999). */
  idNumber: Maybe<Scalars['String']['output']>;
  /** Marital status as registered. */
  maritalStatus: Maybe<MaritalStatus>;
  /** Full name in Chinese characters, as registered; masked to the surname, e.g. 张**. */
  name: Maybe<Scalars['String']['output']>;
  /** For floating population, the GB/T 2260 code of the region of origin (may lie outside Hainan). */
  originRegionCode: Maybe<Scalars['String']['output']>;
  /** Contact mobile number (11 digits, starting with 1); null if none; masked as 138****5678. */
  phone: Maybe<Scalars['String']['output']>;
  /** Relationship to the head of the household. */
  relationshipToHead: Maybe<Relationship>;
  /** Living, deceased or emigrated. */
  status: Maybe<LifeStatus>;
  /** Date of death or emigration; null while living. */
  statusDate: Maybe<Scalars['Date']['output']>;
  /** Increases with every change; send it back as expectedVersion when changing the record. */
  version: Maybe<Scalars['Int']['output']>;
};

/** A page of Person records in the list's order, with where the page ends. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** The Person records of this page, each with its cursor. */
  edges: Array<PersonEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many persons match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** One Person of a page, with its cursor. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Person. */
  node: Person;
};

/** Which persons to list; every given condition must hold. */
export type PersonFilter = {
  /** Born on or after this date. */
  bornFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Born on or before this date. */
  bornTo?: InputMaybe<Scalars['Date']['input']>;
  /** Ethnic group, by GB 3304 name (黎族) or code (19). */
  ethnicity?: InputMaybe<Scalars['String']['input']>;
  /** true: only floating population (hukou elsewhere); false: only residents registered here. */
  floating?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only persons of this sex. */
  gender?: InputMaybe<Gender>;
  /** Exactly this citizen identity number (validated). */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** Persons whose name starts with this text. */
  namePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Persons whose hukou is registered in this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only persons in this life status. */
  status?: InputMaybe<LifeStatus>;
};

/** What persons can be counted by. */
export type PopulationDimension =
  /** 0-5, 6-14, 15-24, ..., 65-79, 80+ (age today). */
  | 'AGE_BAND'
  /** Month of birth, YYYY-MM. */
  | 'BIRTH_MONTH'
  /** Year of birth, YYYY. */
  | 'BIRTH_YEAR'
  /** Prefecture-level city of hukou registration, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** County or district of hukou registration (GB/T 2260 code). */
  | 'COUNTY'
  /** GB 3304 code. */
  | 'ETHNICITY'
  /** true for floating population (hukou registered elsewhere), false otherwise. */
  | 'FLOATING'
  /** MALE or FEMALE. */
  | 'GENDER'
  /** Province of hukou registration (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** true for ages 6 to 17. */
  | 'SCHOOL_AGE'
  /** LIVING, DECEASED or EMIGRATED. */
  | 'STATUS';

/** Only persons whose value on the dimension is this (a region code for PROVINCE, CITY, COUNTY; true or false). */
export type PopulationStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: PopulationDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /** A hukou household by its ID; null if there is no such household. */
  household: Maybe<Household>;
  /** A person by their opaque person ID; null if there is no such person. */
  person: Maybe<Person>;
  /** A person by their 18-character citizen identity number (GB 11643); the number is validated first. */
  personByIdNumber: Maybe<Person>;
  /** Persons matching the filter, ordered by person ID; `first` is at most 500. */
  persons: PersonConnection;
  /**
   * Counts of persons by region of hukou registration and the other dimensions, after disclosure control
   * (docs/statistics.md); needs the `aggregate` permission on the fields the dimensions read.
   */
  populationStatistics: Maybe<StatisticsTable>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHouseholdArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPersonByIdNumberArgs = {
  idNumber: Scalars['String']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPersonsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPopulationStatisticsArgs = {
  filter?: InputMaybe<Array<PopulationStatisticsFilter>>;
  groupBy: Array<PopulationDimension>;
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Living persons registered in the region (hukou), after disclosure control. */
  residents: Maybe<StatisticsValue>;
  /** Living persons aged 6 to 17 registered in the region: the denominator of the enrolment rate. */
  schoolAgeChildren: Maybe<StatisticsValue>;
};

/** A newborn to register into an existing hukou household. */
export type RegisterBirthInput = {
  /** Not in the future, at most one year ago (later registrations go through the late-registration procedure). */
  birthDate: Scalars['Date']['input'];
  /** GB 3304 code, e.g. 01 (汉族), 19 (黎族). */
  ethnicityCode: Scalars['String']['input'];
  /** The newborn's sex. */
  gender: Gender;
  /** The hukou household the newborn joins; its region becomes the hukou region. */
  householdId: Scalars['ID']['input'];
  /** 2 to 20 characters. */
  name: Scalars['String']['input'];
  /** Relationship to the household's head; CHILD by default. */
  relationshipToHead?: InputMaybe<Relationship>;
};

/** A member's relationship to the head of their hukou household. */
export type Relationship =
  /** Son or daughter of the head. */
  | 'CHILD'
  /** Grandchild of the head. */
  | 'GRANDCHILD'
  /** The head of the household (户主). */
  | 'HEAD'
  /** Any other relationship. */
  | 'OTHER'
  /** Father or mother of the head. */
  | 'PARENT'
  /** Brother or sister of the head. */
  | 'SIBLING'
  /** Husband or wife of the head. */
  | 'SPOUSE';

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
  Household: Household;
  Person: Person;
  Region: Region;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Household:
    ( { __typename: 'Household' }
    & GraphQLRecursivePick<FederationTypes['Household'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Gender: Gender;
  Household: ResolverTypeWrapper<HouseholdRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  HouseholdMember: ResolverTypeWrapper<PersonRow>;
  LifeStatus: LifeStatus;
  MaritalStatus: MaritalStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<PersonRow>;
  PersonConnection: ResolverTypeWrapper<Connection<PersonRow>>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  PersonFilter: PersonFilter;
  PopulationDimension: PopulationDimension;
  PopulationStatisticsFilter: PopulationStatisticsFilter;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: ResolverTypeWrapper<RegionRef>;
  RegisterBirthInput: RegisterBirthInput;
  Relationship: Relationship;
  StatisticsCell: ResolverTypeWrapper<StatisticsCell>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  StatisticsTable: ResolverTypeWrapper<StatisticsTable>;
  StatisticsValue: ResolverTypeWrapper<StatisticsValue>;
  Suppression: Suppression;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Date: Scalars['Date']['output'];
  Household: HouseholdRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  HouseholdMember: PersonRow;
  Mutation: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Person: PersonRow;
  PersonConnection: Connection<PersonRow>;
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  PersonFilter: PersonFilter;
  PopulationStatisticsFilter: PopulationStatisticsFilter;
  Query: Record<PropertyKey, never>;
  Region: RegionRef;
  RegisterBirthInput: RegisterBirthInput;
  StatisticsCell: StatisticsCell;
  Float: Scalars['Float']['output'];
  StatisticsTable: StatisticsTable;
  StatisticsValue: StatisticsValue;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type HouseholdResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household'], FederationReferenceType extends FederationReferenceTypes['Household'] = FederationReferenceTypes['Household']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Household']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  head?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['HouseholdMember']>>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  registeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type HouseholdMemberResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['HouseholdMember'] = ResolversParentTypes['HouseholdMember']> = ResolversObject<{
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  registerBirth?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationRegisterBirthArgs, 'input'>>;
  registerDeath?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationRegisterDeathArgs, 'date' | 'expectedVersion' | 'personId'>>;
  registerMove?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationRegisterMoveArgs, 'expectedVersion' | 'householdId' | 'personId' | 'relationshipToHead'>>;
}>;

export type PageInfoResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  addressRegionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  age?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  ethnicity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ethnicityCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  floating?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType>;
  hukouRegion?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  hukouRegionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  maritalStatus?: Resolver<Maybe<ResolversTypes['MaritalStatus']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  originRegionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relationshipToHead?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['LifeStatus']>, ParentType, ContextType>;
  statusDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PersonConnectionResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersonEdgeResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType, RequireFields<QueryHouseholdArgs, 'id'>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
  personByIdNumber?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonByIdNumberArgs, 'idNumber'>>;
  persons?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<QueryPersonsArgs, 'first'>>;
  populationStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryPopulationStatisticsArgs, 'groupBy'>>;
}>;

export type RegionResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  residents?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  schoolAgeChildren?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  keys?: Resolver<Array<Maybe<ResolversTypes['String']>>, ParentType, ContextType>;
  measures?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsValueResolvers<ContextType = PopulationContext, ParentType extends ResolversParentTypes['StatisticsValue'] = ResolversParentTypes['StatisticsValue']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PopulationContext> = ResolversObject<{
  Date?: GraphQLScalarType;
  Household?: HouseholdResolvers<ContextType>;
  HouseholdMember?: HouseholdMemberResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsValue?: StatisticsValueResolvers<ContextType>;
}>;

