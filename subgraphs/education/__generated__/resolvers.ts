import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRef } from '../../kit/statistics/graphql';
import { SchoolRow, EnrolmentRow, StaffMemberRow, DegreeRow } from '../entities';
import { Connection } from '../../kit/pagination';
import { EducationContext } from '../loaders';
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

/** The highest level of education a person has completed, and when. */
export type Degree = {
  __typename?: 'Degree';
  /** The highest level of education completed. */
  level: Maybe<DegreeLevel>;
  /** The year it was completed; null for NONE. */
  year: Maybe<Scalars['Int']['output']>;
};

/** The highest level of education a person has completed. */
export type DegreeLevel =
  /** Bachelor's degree (学士). */
  | 'BACHELOR'
  /** Doctorate (博士). */
  | 'DOCTORATE'
  /** Junior secondary school (初中). */
  | 'JUNIOR_SECONDARY'
  /** Master's degree (硕士). */
  | 'MASTER'
  /** No completed level of schooling. */
  | 'NONE'
  /** Primary school (小学). */
  | 'PRIMARY'
  /** Senior secondary school (高中). */
  | 'SENIOR_SECONDARY'
  /** Secondary or higher vocational education (中职, 高职/专科). */
  | 'VOCATIONAL';

/** What enrolments can be counted by. */
export type EducationDimension =
  /** Prefecture-level city of the school, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** true for primary to senior secondary and vocational schools (the enrolment rate's numerator), false otherwise. */
  | 'COMPULSORY_AND_SECONDARY'
  /** County or district of the school (GB/T 2260 code). */
  | 'COUNTY'
  /** Province of the school (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** The school's level: a SchoolLevel value. */
  | 'SCHOOL_LEVEL'
  /** Year the enrolment started, YYYY. */
  | 'START_YEAR'
  /** ENROLLED, GRADUATED or LEFT. */
  | 'STATUS';

/** Only enrolments whose value on the dimension is this, in the dimension's format. */
export type EducationStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: EducationDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/** A pupil or student to enrol at a school. */
export type EnrolStudentInput = {
  /** A grade the school's level teaches (see SchoolLevel). */
  grade: Scalars['Int']['input'];
  /** The person's opaque person ID in the population register. */
  personId: Scalars['ID']['input'];
  /** The 10-digit code of the school. */
  schoolCode: Scalars['ID']['input'];
  /** The calendar year of the school year the enrolment starts in: from 1950 to next year. */
  startYear: Scalars['Int']['input'];
};

/**
 * A person's enrolment at a school: one per school attended. Enrolments are personal data and, for minors,
 * sensitive personal information under the PIPL: shared with other departments only on request.
 */
export type Enrolment = {
  __typename?: 'Enrolment';
  /** The calendar year in which the person graduated or left; null while enrolled. */
  endYear: Maybe<Scalars['Int']['output']>;
  /** The grade (year of study at the school's level; see SchoolLevel): the current one while enrolled, else the last. */
  grade: Maybe<Scalars['Int']['output']>;
  /** Opaque enrolment ID; reveals nothing by itself. */
  id: Scalars['ID']['output'];
  /** The pupil or student. */
  person: Maybe<Person>;
  /** The GB/T 2260 code of the school's county or district. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** The school. */
  school: Maybe<School>;
  /** The school's 10-digit code. */
  schoolCode: Maybe<Scalars['ID']['output']>;
  /** The calendar year of the school year in which the enrolment started (a school year starts in September). */
  startYear: Maybe<Scalars['Int']['output']>;
  /** Enrolled, graduated or left. */
  status: Maybe<EnrolmentStatus>;
  /** The record's version, for optimistic locking: pass it as expectedVersion when changing the enrolment. */
  version: Maybe<Scalars['Int']['output']>;
};

/** A page of Enrolment records in the list's order, with where the page ends. */
export type EnrolmentConnection = {
  __typename?: 'EnrolmentConnection';
  /** The Enrolment records of this page, each with its cursor. */
  edges: Array<EnrolmentEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many enrolments match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One Enrolment of a page, with its cursor. */
export type EnrolmentEdge = {
  __typename?: 'EnrolmentEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Enrolment. */
  node: Enrolment;
};

/** Which enrolments to list; every given condition must hold. */
export type EnrolmentFilter = {
  /** Enrolments at this school (10-digit school code). */
  schoolCode?: InputMaybe<Scalars['ID']['input']>;
  /** Enrolments that started in the school year beginning in this calendar year. */
  startYear?: InputMaybe<Scalars['Int']['input']>;
  /** Only enrolments in this status. */
  status?: InputMaybe<EnrolmentStatus>;
};

/** Where an enrolment stands. */
export type EnrolmentStatus =
  /** At the school now. */
  | 'ENROLLED'
  /** Completed the school's course (endYear is the year). */
  | 'GRADUATED'
  /** Left before completing the school's course (moved away, dropped out). */
  | 'LEFT';

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Enrols a known person at a school, in a grade the school's level teaches, from a school year's start. Refused
   * while the person is already enrolled at that school. Repeating a call with the same idempotencyKey returns the
   * first result and writes nothing.
   */
  enrolStudent: Maybe<Enrolment>;
  /**
   * Records that an enrolled student graduated in `endYear` (at least the start year, at most this year). Pass the
   * version you last read as expectedVersion: a stale one is refused with CONFLICT and the current version.
   */
  graduateStudent: Maybe<Enrolment>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationEnrolStudentArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: EnrolStudentInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationGraduateStudentArgs = {
  endYear: Scalars['Int']['input'];
  enrolmentId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
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
  /** Every enrolment of the person known to the education department, oldest first. */
  enrolments: Maybe<Array<Enrolment>>;
  /** The highest level of education the person has completed; null if the education department has no record. */
  highestDegree: Maybe<Degree>;
  /** Opaque, stable person ID assigned by public security's population register; reveals nothing. */
  id: Scalars['ID']['output'];
};

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Counts of enrolments by region of the school and the other dimensions, after disclosure control (docs/statistics.md); needs the `aggregate` permission on the
   * fields the dimensions read.
   */
  educationStatistics: Maybe<StatisticsTable>;
  /** An enrolment by its ID; null if there is no such enrolment or you may not see it. */
  enrolment: Maybe<Enrolment>;
  /** Enrolments matching the filter, ordered by enrolment ID; `first` is at most 500. */
  enrolments: EnrolmentConnection;
  /** A school by its 10-digit school code; null if there is no such school. The code is validated first. */
  school: Maybe<School>;
  /** Schools matching the filter, ordered by school code; `first` is at most 500. */
  schools: SchoolConnection;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryEducationStatisticsArgs = {
  filter?: InputMaybe<Array<EducationStatisticsFilter>>;
  groupBy: Array<EducationDimension>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryEnrolmentArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryEnrolmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EnrolmentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QuerySchoolArgs = {
  code: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QuerySchoolsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SchoolFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Students enrolled at primary, secondary and vocational schools in the region, after disclosure control. */
  enrolledStudents: Maybe<StatisticsValue>;
  /** Enrolled students per person aged 6 to 17 (0-1, approximately: students are counted where their school is). */
  enrolmentRate: Maybe<StatisticsValue>;
  /** Living persons aged 6 to 17 registered in the region, from the population subgraph. */
  schoolAgeChildren: Maybe<StatisticsValue>;
  /** Schools in this region or any region below it (a city's districts, the whole province), ordered by code. */
  schools: Maybe<SchoolConnection>;
};


/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type RegionSchoolsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<SchoolLevel>;
};

/**
 * A school. Codes are 10 digits in the style of the national 学校标识码: a level digit (1 kindergarten, 2 primary,
 * 3 junior secondary, 4 senior secondary, 5 vocational, 6 university), the 6-digit GB/T 2260 code of the school's
 * county or district, and a 3-digit sequence number. Schools are open data.
 */
export type School = {
  __typename?: 'School';
  /** The 10-digit school code: level digit, GB/T 2260 county code, 3-digit sequence number. */
  code: Scalars['ID']['output'];
  /** The school's enrolments, past and present, ordered by enrolment ID; `first` is at most 500. */
  enrolments: Maybe<EnrolmentConnection>;
  /** The school's level (the first digit of its code). */
  level: Maybe<SchoolLevel>;
  /** The school's main gate as a GeoJSON Point. */
  location: Maybe<Scalars['GeoJSON']['output']>;
  /** The school's registered name. */
  name: Maybe<Scalars['String']['output']>;
  /** The county or district the school is in. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the county or district the school is in. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Teachers and staff, teachers first, longest-serving first. */
  staff: Maybe<Array<StaffMember>>;
  /** Public or private. */
  type: Maybe<SchoolType>;
};


/**
 * A school. Codes are 10 digits in the style of the national 学校标识码: a level digit (1 kindergarten, 2 primary,
 * 3 junior secondary, 4 senior secondary, 5 vocational, 6 university), the 6-digit GB/T 2260 code of the school's
 * county or district, and a 3-digit sequence number. Schools are open data.
 */
export type SchoolEnrolmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of School records in the list's order, with where the page ends. */
export type SchoolConnection = {
  __typename?: 'SchoolConnection';
  /** The School records of this page, each with its cursor. */
  edges: Array<SchoolEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many schools match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One School of a page, with its cursor. */
export type SchoolEdge = {
  __typename?: 'SchoolEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The School. */
  node: School;
};

/** Which schools to list; every given condition must hold. */
export type SchoolFilter = {
  /** Only schools of this level. */
  level?: InputMaybe<SchoolLevel>;
  /** Schools whose name starts with this text, e.g. 海口市. */
  namePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Schools in this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only public or only private schools. */
  type?: InputMaybe<SchoolType>;
};

/** The level of a school, as the first digit of its code. */
export type SchoolLevel =
  /** 初级中学: grades 1-3 (初一 to 初三). */
  | 'JUNIOR_SECONDARY'
  /** 幼儿园: three years, grades 1-3 (小班, 中班, 大班). */
  | 'KINDERGARTEN'
  /** 小学: grades 1-6. */
  | 'PRIMARY'
  /** 普通高级中学: grades 1-3 (高一 to 高三). */
  | 'SENIOR_SECONDARY'
  /** 普通高等学校 (universities, colleges and vocational colleges): years 1-5. */
  | 'UNIVERSITY'
  /** 中等职业学校: grades 1-3. */
  | 'VOCATIONAL';

/** Who runs a school. */
export type SchoolType =
  /** 民办: run privately under licence. */
  | 'PRIVATE'
  /** 公办: run by the state. */
  | 'PUBLIC';

/** A teacher or member of staff of a school. */
export type StaffMember = {
  __typename?: 'StaffMember';
  /** The teacher or member of staff. */
  person: Maybe<Person>;
  /** The GB/T 2260 code of the school's county or district. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Teacher or other staff. */
  role: Maybe<StaffRole>;
  /** The date they joined the school. */
  since: Maybe<Scalars['Date']['output']>;
};

/** A school employee's role. */
export type StaffRole =
  /** Other staff (administration, support). */
  | 'STAFF'
  /** Teacher (教师). */
  | 'TEACHER';

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
  Enrolment: Enrolment;
  Person: Person;
  Region: Region;
  School: School;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Enrolment:
    ( { __typename: 'Enrolment' }
    & GraphQLRecursivePick<FederationTypes['Enrolment'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Region'], {"schoolAgeChildren":{"value":true,"suppressed":true,"suppression":true,"asOf":true}}> ) );
  School:
    ( { __typename: 'School' }
    & GraphQLRecursivePick<FederationTypes['School'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Degree: ResolverTypeWrapper<DegreeRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DegreeLevel: DegreeLevel;
  EducationDimension: EducationDimension;
  EducationStatisticsFilter: EducationStatisticsFilter;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  EnrolStudentInput: EnrolStudentInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Enrolment: ResolverTypeWrapper<EnrolmentRow>;
  EnrolmentConnection: ResolverTypeWrapper<Connection<EnrolmentRow>>;
  EnrolmentEdge: ResolverTypeWrapper<Omit<EnrolmentEdge, 'node'> & { node: ResolversTypes['Enrolment'] }>;
  EnrolmentFilter: EnrolmentFilter;
  EnrolmentStatus: EnrolmentStatus;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<Omit<Person, 'enrolments' | 'highestDegree'> & { enrolments?: Maybe<Array<ResolversTypes['Enrolment']>>, highestDegree?: Maybe<ResolversTypes['Degree']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: ResolverTypeWrapper<RegionRef>;
  School: ResolverTypeWrapper<SchoolRow>;
  SchoolConnection: ResolverTypeWrapper<Connection<SchoolRow>>;
  SchoolEdge: ResolverTypeWrapper<Omit<SchoolEdge, 'node'> & { node: ResolversTypes['School'] }>;
  SchoolFilter: SchoolFilter;
  SchoolLevel: SchoolLevel;
  SchoolType: SchoolType;
  StaffMember: ResolverTypeWrapper<StaffMemberRow>;
  StaffRole: StaffRole;
  StatisticsCell: ResolverTypeWrapper<StatisticsCell>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  StatisticsTable: ResolverTypeWrapper<StatisticsTable>;
  StatisticsValue: ResolverTypeWrapper<StatisticsValue>;
  Suppression: Suppression;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Date: Scalars['Date']['output'];
  Degree: DegreeRow;
  Int: Scalars['Int']['output'];
  EducationStatisticsFilter: EducationStatisticsFilter;
  String: Scalars['String']['output'];
  EnrolStudentInput: EnrolStudentInput;
  ID: Scalars['ID']['output'];
  Enrolment: EnrolmentRow;
  EnrolmentConnection: Connection<EnrolmentRow>;
  EnrolmentEdge: Omit<EnrolmentEdge, 'node'> & { node: ResolversParentTypes['Enrolment'] };
  EnrolmentFilter: EnrolmentFilter;
  GeoJSON: Scalars['GeoJSON']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Person: Omit<Person, 'enrolments' | 'highestDegree'> & { enrolments?: Maybe<Array<ResolversParentTypes['Enrolment']>>, highestDegree?: Maybe<ResolversParentTypes['Degree']> } | FederationReferenceTypes['Person'];
  Query: Record<PropertyKey, never>;
  Region: RegionRef;
  School: SchoolRow;
  SchoolConnection: Connection<SchoolRow>;
  SchoolEdge: Omit<SchoolEdge, 'node'> & { node: ResolversParentTypes['School'] };
  SchoolFilter: SchoolFilter;
  StaffMember: StaffMemberRow;
  StatisticsCell: StatisticsCell;
  Float: Scalars['Float']['output'];
  StatisticsTable: StatisticsTable;
  StatisticsValue: StatisticsValue;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DegreeResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['Degree'] = ResolversParentTypes['Degree']> = ResolversObject<{
  level?: Resolver<Maybe<ResolversTypes['DegreeLevel']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type EnrolmentResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['Enrolment'] = ResolversParentTypes['Enrolment'], FederationReferenceType extends FederationReferenceTypes['Enrolment'] = FederationReferenceTypes['Enrolment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enrolment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  endYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  grade?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  school?: Resolver<Maybe<ResolversTypes['School']>, ParentType, ContextType>;
  schoolCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  startYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['EnrolmentStatus']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type EnrolmentConnectionResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['EnrolmentConnection'] = ResolversParentTypes['EnrolmentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EnrolmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EnrolmentEdgeResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['EnrolmentEdge'] = ResolversParentTypes['EnrolmentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Enrolment'], ParentType, ContextType>;
}>;

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type MutationResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  enrolStudent?: Resolver<Maybe<ResolversTypes['Enrolment']>, ParentType, ContextType, RequireFields<MutationEnrolStudentArgs, 'input'>>;
  graduateStudent?: Resolver<Maybe<ResolversTypes['Enrolment']>, ParentType, ContextType, RequireFields<MutationGraduateStudentArgs, 'endYear' | 'enrolmentId' | 'expectedVersion'>>;
}>;

export type PageInfoResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  enrolments?: Resolver<Maybe<Array<ResolversTypes['Enrolment']>>, ParentType, ContextType>;
  highestDegree?: Resolver<Maybe<ResolversTypes['Degree']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  educationStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryEducationStatisticsArgs, 'groupBy'>>;
  enrolment?: Resolver<Maybe<ResolversTypes['Enrolment']>, ParentType, ContextType, RequireFields<QueryEnrolmentArgs, 'id'>>;
  enrolments?: Resolver<ResolversTypes['EnrolmentConnection'], ParentType, ContextType, RequireFields<QueryEnrolmentsArgs, 'first'>>;
  school?: Resolver<Maybe<ResolversTypes['School']>, ParentType, ContextType, RequireFields<QuerySchoolArgs, 'code'>>;
  schools?: Resolver<ResolversTypes['SchoolConnection'], ParentType, ContextType, RequireFields<QuerySchoolsArgs, 'first'>>;
}>;

export type RegionResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  enrolledStudents?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  enrolmentRate?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  schools?: Resolver<Maybe<ResolversTypes['SchoolConnection']>, ParentType, ContextType, Partial<RegionSchoolsArgs>>;
}>;

export type SchoolResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['School'] = ResolversParentTypes['School'], FederationReferenceType extends FederationReferenceTypes['School'] = FederationReferenceTypes['School']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['School']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  enrolments?: Resolver<Maybe<ResolversTypes['EnrolmentConnection']>, ParentType, ContextType, RequireFields<SchoolEnrolmentsArgs, 'first'>>;
  level?: Resolver<Maybe<ResolversTypes['SchoolLevel']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoJSON']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  staff?: Resolver<Maybe<Array<ResolversTypes['StaffMember']>>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['SchoolType']>, ParentType, ContextType>;
}>;

export type SchoolConnectionResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['SchoolConnection'] = ResolversParentTypes['SchoolConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SchoolEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SchoolEdgeResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['SchoolEdge'] = ResolversParentTypes['SchoolEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['School'], ParentType, ContextType>;
}>;

export type StaffMemberResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['StaffMember'] = ResolversParentTypes['StaffMember']> = ResolversObject<{
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['StaffRole']>, ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  keys?: Resolver<Array<Maybe<ResolversTypes['String']>>, ParentType, ContextType>;
  measures?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsValueResolvers<ContextType = EducationContext, ParentType extends ResolversParentTypes['StatisticsValue'] = ResolversParentTypes['StatisticsValue']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = EducationContext> = ResolversObject<{
  Date?: GraphQLScalarType;
  Degree?: DegreeResolvers<ContextType>;
  Enrolment?: EnrolmentResolvers<ContextType>;
  EnrolmentConnection?: EnrolmentConnectionResolvers<ContextType>;
  EnrolmentEdge?: EnrolmentEdgeResolvers<ContextType>;
  GeoJSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  School?: SchoolResolvers<ContextType>;
  SchoolConnection?: SchoolConnectionResolvers<ContextType>;
  SchoolEdge?: SchoolEdgeResolvers<ContextType>;
  StaffMember?: StaffMemberResolvers<ContextType>;
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsValue?: StatisticsValueResolvers<ContextType>;
}>;

