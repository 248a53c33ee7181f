import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRef } from '../../kit/statistics/graphql';
import { CreditProfileRow, LoanRow, AdministrativePenaltyRow, QualityViolationRow } from '../entities';
import { RatedFactor } from '../rating';
import { Connection } from '../../kit/pagination';
import { CreditContext } from '../loaders';
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

/**
 * An administrative penalty imposed on the subject, published by law; kept by the credit information centre (open
 * data).
 */
export type AdministrativePenalty = {
  __typename?: 'AdministrativePenalty';
  /** The fine in yuan; null for a penalty without a fine (a warning). */
  amount: Maybe<Scalars['Float']['output']>;
  /** The authority that imposed the penalty. */
  authority: Maybe<Scalars['String']['output']>;
  /** Date of the penalty decision (YYYY-MM-DD). */
  date: Maybe<Scalars['Date']['output']>;
  /** What the penalty was for, as published. */
  reason: Maybe<Scalars['String']['output']>;
  /** The GB/T 2260 code of the subject's profile region. */
  regionCode: Maybe<Scalars['ID']['output']>;
};

/** Contracts on the subject's record and how many were performed on time; CONDITIONAL (through a sharing grant). */
export type ContractPerformance = {
  __typename?: 'ContractPerformance';
  /** Contracts on record. */
  contracts: Maybe<Scalars['Int']['output']>;
  /** Of those, performed on time. */
  onTime: Maybe<Scalars['Int']['output']>;
  /** onTime / contracts; null without contracts. */
  onTimeRatio: Maybe<Scalars['Float']['output']>;
  /** The GB/T 2260 code of the subject's profile region. */
  regionCode: Maybe<Scalars['ID']['output']>;
};

/** What credit profiles (persons and enterprises) can be counted by. */
export type CreditDimension =
  /** Prefecture-level city of the profile, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** County or district of the profile (GB/T 2260 code). */
  | 'COUNTY'
  /** true while the subject is on the dishonest judgment-debtor list, false otherwise. */
  | 'DISHONEST'
  /** true when the subject has an overdue loan, false otherwise. */
  | 'OVERDUE_LOANS'
  /** Province of the profile (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** The credit rating: AAA, AA, A, BBB, BB, B or C. */
  | 'RATING'
  /** PERSON or ENTERPRISE. */
  | 'SUBJECT_KIND'
  /** The tax credit grade (A, B, M, C, D), or NONE for persons and enterprises without one. */
  | 'TAX_GRADE';

/**
 * A credit event. Name the profile by exactly one of profileId and subject. Which other fields a type needs is
 * stated on CreditEventType; fields a type does not use are refused rather than ignored.
 */
export type CreditEventInput = {
  /** Yuan, above 0, at most two decimals: the principal (LOAN_OPENED), the repayment (LOAN_REPAID) or the fine (PENALTY). */
  amount?: InputMaybe<Scalars['Float']['input']>;
  /** The authority that imposed a penalty. */
  authority?: InputMaybe<Scalars['String']['input']>;
  /** Court case number, e.g. （2024）琼0106执1234号: for DISHONEST_LISTED, and optionally DISHONEST_REMOVED. */
  caseNumber?: InputMaybe<Scalars['String']['input']>;
  /** The court, for DISHONEST_LISTED (and optionally DISHONEST_REMOVED), at most 64 characters. */
  court?: InputMaybe<Scalars['String']['input']>;
  /** When it happened; not in the future. */
  date: Scalars['Date']['input'];
  /**
   * The lender, at most 64 characters: for LOAN_OPENED; for other loan events, names the loan when loanId is not
   * given.
   */
  lender?: InputMaybe<Scalars['String']['input']>;
  /** The loan, for LOAN_OVERDUE, LOAN_REPAID and LOAN_DEFAULTED. */
  loanId?: InputMaybe<Scalars['ID']['input']>;
  /** The credit profile's ID; or give subject instead. */
  profileId?: InputMaybe<Scalars['ID']['input']>;
  /** What a PENALTY is for (required), or the ground of a DISHONEST_LISTED listing (optional). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The person or enterprise whose profile it is; or give profileId instead. */
  subject?: InputMaybe<CreditSubjectInput>;
  /** What happened; it decides which other fields are needed. */
  type: CreditEventType;
};

/** A kind of credit event, with the input fields it needs. */
export type CreditEventType =
  /** A court put the subject on the dishonest judgment-debtor list: needs court and caseNumber. */
  | 'DISHONEST_LISTED'
  /** The court took the subject off the list. */
  | 'DISHONEST_REMOVED'
  /** The lender declared the loan in default. */
  | 'LOAN_DEFAULTED'
  /** A new loan: needs lender and amount; date is the day it was opened. */
  | 'LOAN_OPENED'
  /** A repayment of a loan is overdue: names the loan by loanId (or by lender, if the subject has one loan from it). */
  | 'LOAN_OVERDUE'
  /** A repayment of amount (the whole balance if omitted): settles arrears; a loan in DEFAULT only when repaid in full. */
  | 'LOAN_REPAID'
  /** An administrative penalty: needs authority and reason; amount is the fine, if any. */
  | 'PENALTY';

/**
 * The credit profile of one person or one enterprise. The ID is opaque. Fields other than the key are nullable:
 * where a caller may not see a value, it is null with a FORBIDDEN error.
 */
export type CreditProfile = {
  __typename?: 'CreditProfile';
  /** Administrative penalties, oldest first. */
  administrativePenalties: Maybe<Array<AdministrativePenalty>>;
  /** How the subject has performed its contracts. */
  contractPerformance: Maybe<ContractPerformance>;
  /** The listing, while the subject is on the list. */
  dishonestListing: Maybe<DishonestListing>;
  /** The enterprise, for an enterprise profile. */
  enterprise: Maybe<Enterprise>;
  /**
   * The factors that produced the rating, one field each: a factor is computed from one kind of record (loans, contract
   * performance, penalties, ...) and is shown only to callers who may read that record, so a field may be FORBIDDEN
   * while the rating itself is not.
   */
  factors: Maybe<RatingFactors>;
  /** Opaque credit profile ID; reveals nothing. */
  id: Scalars['ID']['output'];
  /** Loans from banks and other lenders, oldest first. */
  loans: Maybe<Array<Loan>>;
  /** True while a court lists the subject as a dishonest judgment debtor. */
  onDishonestList: Maybe<Scalars['Boolean']['output']>;
  /** The person, for a personal profile. */
  person: Maybe<Person>;
  /** Product-quality violations found by market regulation; null for persons. */
  qualityViolations: Maybe<Array<QualityViolation>>;
  /** When the rating was last computed (every credit event recomputes it). */
  ratedOn: Maybe<Scalars['Date']['output']>;
  /** Credit rating from the score (AAA best, C worst); C whatever the score while on the dishonest list. */
  rating: Maybe<CreditRating>;
  /** The GB/T 2260 code of the county or district where the person lives or the enterprise is registered. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** The rating score, 0-100: 75 plus the effects of the factors, bounded. */
  score: Maybe<Scalars['Float']['output']>;
  /** Whether the profile is a person's or an enterprise's. */
  subjectKind: Maybe<SubjectKind>;
  /** The enterprise's tax credit grade; null for persons. */
  taxGrade: Maybe<TaxGrade>;
  /** Incremented by every credit event; pass it as expectedVersion. */
  version: Maybe<Scalars['Int']['output']>;
};

/** A page of CreditProfile records in the list's order, with where the page ends. */
export type CreditProfileConnection = {
  __typename?: 'CreditProfileConnection';
  /** The CreditProfile records of this page, each with its cursor. */
  edges: Array<CreditProfileEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many profiles match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One CreditProfile of a page, with its cursor. */
export type CreditProfileEdge = {
  __typename?: 'CreditProfileEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The CreditProfile. */
  node: CreditProfile;
};

/** Which credit profiles to list; every given condition must hold. */
export type CreditProfileFilter = {
  /** True: at least one loan is OVERDUE or in DEFAULT; false: none is. */
  hasOverdueLoans?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only profiles with this rating. */
  rating?: InputMaybe<CreditRating>;
  /** Profiles of this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only profiles of persons, or only of enterprises. */
  subjectKind?: InputMaybe<SubjectKind>;
};

/** Credit rating, best first; computed from the profile's factors (see `factors`). */
export type CreditRating =
  /** Score from 75 (good). */
  | 'A'
  /** Score from 82. */
  | 'AA'
  /** Score from 90 (best). */
  | 'AAA'
  /** Score from 40. */
  | 'B'
  /** Score from 55. */
  | 'BB'
  /** Score from 65. */
  | 'BBB'
  /** Score below 40, or on the dishonest judgment-debtor list. */
  | 'C';

/** Only profiles whose value on the dimension is this, in the dimension's format. */
export type CreditStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: CreditDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/** The subject of a credit event: exactly one of personId and uscc. */
export type CreditSubjectInput = {
  /** A person's opaque person ID; give this or uscc. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** An enterprise's unified social credit code (GB 32100); give this or personId. */
  uscc?: InputMaybe<Scalars['ID']['input']>;
};

/** Which listed subjects to return; every given condition must hold. */
export type DishonestListFilter = {
  /** Listed subjects of this region or any region below it (GB/T 2260 code). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only persons, or only enterprises. */
  subjectKind?: InputMaybe<SubjectKind>;
};

/** A court's listing of the subject as a dishonest judgment debtor (失信被执行人), published by law (open data). */
export type DishonestListing = {
  __typename?: 'DishonestListing';
  /** The court case number, e.g. （2024）琼0106执1234号. */
  caseNumber: Maybe<Scalars['String']['output']>;
  /** The court that listed the subject. */
  court: Maybe<Scalars['String']['output']>;
  /** Date of listing (YYYY-MM-DD). */
  listedOn: Maybe<Scalars['Date']['output']>;
  /** The ground for listing, as published; null if none was given. */
  reason: Maybe<Scalars['String']['output']>;
};

export type Enterprise = {
  __typename?: 'Enterprise';
  /** The enterprise's credit profile. */
  credit: Maybe<CreditProfile>;
  /** The 18-character unified social credit code (GB 32100-2015). */
  uscc: Scalars['ID']['output'];
};

/** A loan on a credit profile: a financial account, SENSITIVE under the PIPL and CONDITIONAL (through a sharing grant). */
export type Loan = {
  __typename?: 'Loan';
  /** The principal lent, in yuan. */
  amount: Maybe<Scalars['Float']['output']>;
  /** What is still owed, in yuan. */
  balance: Maybe<Scalars['Float']['output']>;
  /** Opaque loan ID; names the loan in LOAN_OVERDUE, LOAN_REPAID and LOAN_DEFAULTED events. */
  id: Scalars['ID']['output'];
  /** The bank or other lender. */
  lender: Maybe<Scalars['String']['output']>;
  /** Date the loan was opened (YYYY-MM-DD). */
  openedOn: Maybe<Scalars['Date']['output']>;
  /** The GB/T 2260 code of the borrower's profile region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Current, overdue or in default. */
  status: Maybe<LoanStatus>;
};

/** Where repayment of a loan stands. */
export type LoanStatus =
  /** Repaid as agreed so far (also a loan repaid in full). */
  | 'CURRENT'
  /** The lender has declared the loan in default. */
  | 'DEFAULT'
  /** A repayment is overdue. */
  | 'OVERDUE';

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records a credit event on one profile (named by `profileId`, or by its subject) and recomputes its rating.
   * `expectedVersion` is the profile version you last read: a stale one is refused with CONFLICT and the current
   * version. Repeating a call with the same `idempotencyKey` returns the first result and writes nothing.
   */
  recordCreditEvent: Maybe<CreditProfile>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRecordCreditEventArgs = {
  expectedVersion: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreditEventInput;
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
  /** The person's credit profile; null for minors and persons without one. */
  credit: Maybe<CreditProfile>;
  /** Opaque, stable person ID assigned by public security's population register; reveals nothing. */
  id: Scalars['ID']['output'];
};

/** A product-quality violation of an enterprise found by market regulation's checks, kept on its credit profile. */
export type QualityViolation = {
  __typename?: 'QualityViolation';
  /** The authority that found it. */
  authority: Maybe<Scalars['String']['output']>;
  /** Date of the finding (YYYY-MM-DD). */
  date: Maybe<Scalars['Date']['output']>;
  /** What was wrong, in words. */
  description: Maybe<Scalars['String']['output']>;
  /** The product concerned. */
  product: Maybe<Scalars['String']['output']>;
  /** The GB/T 2260 code of the enterprise's profile region. */
  regionCode: Maybe<Scalars['ID']['output']>;
};

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /** A credit profile by its opaque ID; null if there is no such profile. */
  creditProfile: Maybe<CreditProfile>;
  /** Credit profiles matching the filter, ordered by profile ID; `first` is at most 500. */
  creditProfiles: CreditProfileConnection;
  /**
   * Counts of credit profiles (persons and enterprises) by region and the other dimensions, after disclosure control (docs/statistics.md); needs the `aggregate` permission on the
   * fields the dimensions read.
   */
  creditStatistics: Maybe<StatisticsTable>;
  /** The courts' list of dishonest judgment debtors (open data): profiles on the list, ordered by profile ID; `first` is at most 500. */
  dishonestList: CreditProfileConnection;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryCreditProfileArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryCreditProfilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CreditProfileFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryCreditStatisticsArgs = {
  filter?: InputMaybe<Array<CreditStatisticsFilter>>;
  groupBy: Array<CreditDimension>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryDishonestListArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DishonestListFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One factor of a rating: its observed value and how many points it moved the score. */
export type RatingFactor = {
  __typename?: 'RatingFactor';
  /** Points this factor added to the score (negative: taken away). */
  effect: Maybe<Scalars['Float']['output']>;
  /** How the value moved the score, in words. */
  explanation: Maybe<Scalars['String']['output']>;
  /** Which factor. */
  factor: Maybe<RatingFactorKind>;
  /** The observed value, e.g. a count, a ratio or a grade. */
  value: Maybe<Scalars['String']['output']>;
  /** The most points this factor can move the score, up or down. */
  weight: Maybe<Scalars['Float']['output']>;
};

/** What went into a rating. */
export type RatingFactorKind =
  /** Administrative penalties: -8 points each. */
  | 'ADMINISTRATIVE_PENALTIES'
  /**
   * Share of contracts performed on time, from 3 contracts on: 90% is neutral, each point above or below moves the
   * score 0.6.
   */
  | 'CONTRACT_PERFORMANCE'
  /** Loans in default: -30 points each. */
  | 'DEFAULTED_LOANS'
  /** On the dishonest judgment-debtor list: -50 points, and the rating is C. */
  | 'DISHONEST_LIST'
  /** Loans on record and all repaid as agreed. */
  | 'LOAN_HISTORY'
  /** Overdue loans: -12 points each. */
  | 'OVERDUE_LOANS'
  /** Product-quality violations (enterprises): -10 points each. */
  | 'QUALITY_VIOLATIONS'
  /** The tax credit grade (enterprises): A +15, B +8, M +3, C -10, D -30. */
  | 'TAX_GRADE';

/** The factors of a rating, each shown to callers who may read what it is computed from. */
export type RatingFactors = {
  __typename?: 'RatingFactors';
  /** From the administrative penalties (open data). */
  administrativePenalties: Maybe<RatingFactor>;
  /** From the contract performance: the share of contracts performed on time. */
  contractPerformance: Maybe<RatingFactor>;
  /** From the loans: how many are in default. */
  defaultedLoans: Maybe<RatingFactor>;
  /** From the dishonest judgment-debtor list (open data). */
  dishonestList: Maybe<RatingFactor>;
  /** From the loans: credit for loans all repaid as agreed. */
  loanHistory: Maybe<RatingFactor>;
  /** From the loans: how many are overdue. */
  overdueLoans: Maybe<RatingFactor>;
  /** From the product-quality violations; null for persons. */
  qualityViolations: Maybe<RatingFactor>;
  /** From the enterprise's tax credit grade; null for persons. */
  taxGrade: Maybe<RatingFactor>;
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Share (0-1) of persons with a credit profile who have an overdue loan, after disclosure control. */
  overdueLoanShare: Maybe<StatisticsValue>;
  /** Share (0-1) of enterprises with a tax grade whose grade is A, after disclosure control. */
  taxGradeAShare: Maybe<StatisticsValue>;
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

/** Whether a credit profile is a natural person's or an enterprise's. */
export type SubjectKind =
  /** An enterprise, by its unified social credit code. */
  | 'ENTERPRISE'
  /** A natural person (adult resident). */
  | 'PERSON';

/** Why a statistics cell is withheld (docs/statistics.md). */
export type Suppression =
  /** It differs by fewer than k units from the same cell with one of the filters left out. */
  | 'DIFFERENCING'
  /** It counts fewer than k units. */
  | 'PRIMARY'
  /** It would let a withheld cell be recomputed from a total. */
  | 'SECONDARY';

/** The tax authority's annual taxpayer credit grade (A best, D worst; M for new or small enterprises). */
export type TaxGrade =
  /** Grade A: the best. */
  | 'A'
  /** Grade B. */
  | 'B'
  /** Grade C. */
  | 'C'
  /** Grade D: the worst. */
  | 'D'
  /** Grade M: new or small enterprises. */
  | 'M';

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
  CreditProfile: CreditProfile;
  Enterprise: Enterprise;
  Person: Person;
  Region: Region;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CreditProfile:
    ( { __typename: 'CreditProfile' }
    & GraphQLRecursivePick<FederationTypes['CreditProfile'], {"id":true}> );
  Enterprise:
    ( { __typename: 'Enterprise' }
    & GraphQLRecursivePick<FederationTypes['Enterprise'], {"uscc":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdministrativePenalty: ResolverTypeWrapper<AdministrativePenaltyRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ContractPerformance: ResolverTypeWrapper<CreditProfileRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CreditDimension: CreditDimension;
  CreditEventInput: CreditEventInput;
  CreditEventType: CreditEventType;
  CreditProfile: ResolverTypeWrapper<CreditProfileRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreditProfileConnection: ResolverTypeWrapper<Connection<CreditProfileRow>>;
  CreditProfileEdge: ResolverTypeWrapper<Omit<CreditProfileEdge, 'node'> & { node: ResolversTypes['CreditProfile'] }>;
  CreditProfileFilter: CreditProfileFilter;
  CreditRating: CreditRating;
  CreditStatisticsFilter: CreditStatisticsFilter;
  CreditSubjectInput: CreditSubjectInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DishonestListFilter: DishonestListFilter;
  DishonestListing: ResolverTypeWrapper<CreditProfileRow>;
  Enterprise: ResolverTypeWrapper<Omit<Enterprise, 'credit'> & { credit?: Maybe<ResolversTypes['CreditProfile']> }>;
  Loan: ResolverTypeWrapper<LoanRow>;
  LoanStatus: LoanStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Person: ResolverTypeWrapper<Omit<Person, 'credit'> & { credit?: Maybe<ResolversTypes['CreditProfile']> }>;
  QualityViolation: ResolverTypeWrapper<QualityViolationRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RatingFactor: ResolverTypeWrapper<RatedFactor>;
  RatingFactorKind: RatingFactorKind;
  RatingFactors: ResolverTypeWrapper<CreditProfileRow>;
  Region: ResolverTypeWrapper<RegionRef>;
  StatisticsCell: ResolverTypeWrapper<StatisticsCell>;
  StatisticsTable: ResolverTypeWrapper<StatisticsTable>;
  StatisticsValue: ResolverTypeWrapper<StatisticsValue>;
  SubjectKind: SubjectKind;
  Suppression: Suppression;
  TaxGrade: TaxGrade;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdministrativePenalty: AdministrativePenaltyRow;
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ContractPerformance: CreditProfileRow;
  Int: Scalars['Int']['output'];
  CreditEventInput: CreditEventInput;
  CreditProfile: CreditProfileRow;
  Boolean: Scalars['Boolean']['output'];
  CreditProfileConnection: Connection<CreditProfileRow>;
  CreditProfileEdge: Omit<CreditProfileEdge, 'node'> & { node: ResolversParentTypes['CreditProfile'] };
  CreditProfileFilter: CreditProfileFilter;
  CreditStatisticsFilter: CreditStatisticsFilter;
  CreditSubjectInput: CreditSubjectInput;
  Date: Scalars['Date']['output'];
  DishonestListFilter: DishonestListFilter;
  DishonestListing: CreditProfileRow;
  Enterprise: Omit<Enterprise, 'credit'> & { credit?: Maybe<ResolversParentTypes['CreditProfile']> } | FederationReferenceTypes['Enterprise'];
  Loan: LoanRow;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Person: Omit<Person, 'credit'> & { credit?: Maybe<ResolversParentTypes['CreditProfile']> } | FederationReferenceTypes['Person'];
  QualityViolation: QualityViolationRow;
  Query: Record<PropertyKey, never>;
  RatingFactor: RatedFactor;
  RatingFactors: CreditProfileRow;
  Region: RegionRef;
  StatisticsCell: StatisticsCell;
  StatisticsTable: StatisticsTable;
  StatisticsValue: StatisticsValue;
}>;

export type AdministrativePenaltyResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['AdministrativePenalty'] = ResolversParentTypes['AdministrativePenalty']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  authority?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type ContractPerformanceResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['ContractPerformance'] = ResolversParentTypes['ContractPerformance']> = ResolversObject<{
  contracts?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  onTime?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  onTimeRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type CreditProfileResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['CreditProfile'] = ResolversParentTypes['CreditProfile'], FederationReferenceType extends FederationReferenceTypes['CreditProfile'] = FederationReferenceTypes['CreditProfile']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CreditProfile']> | FederationReferenceType, FederationReferenceType, ContextType>;
  administrativePenalties?: Resolver<Maybe<Array<ResolversTypes['AdministrativePenalty']>>, ParentType, ContextType>;
  contractPerformance?: Resolver<Maybe<ResolversTypes['ContractPerformance']>, ParentType, ContextType>;
  dishonestListing?: Resolver<Maybe<ResolversTypes['DishonestListing']>, ParentType, ContextType>;
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  factors?: Resolver<Maybe<ResolversTypes['RatingFactors']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  loans?: Resolver<Maybe<Array<ResolversTypes['Loan']>>, ParentType, ContextType>;
  onDishonestList?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  qualityViolations?: Resolver<Maybe<Array<ResolversTypes['QualityViolation']>>, ParentType, ContextType>;
  ratedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['CreditRating']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  subjectKind?: Resolver<Maybe<ResolversTypes['SubjectKind']>, ParentType, ContextType>;
  taxGrade?: Resolver<Maybe<ResolversTypes['TaxGrade']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type CreditProfileConnectionResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['CreditProfileConnection'] = ResolversParentTypes['CreditProfileConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CreditProfileEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CreditProfileEdgeResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['CreditProfileEdge'] = ResolversParentTypes['CreditProfileEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CreditProfile'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DishonestListingResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['DishonestListing'] = ResolversParentTypes['DishonestListing']> = ResolversObject<{
  caseNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  court?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  listedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EnterpriseResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  credit?: Resolver<Maybe<ResolversTypes['CreditProfile']>, ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type LoanResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['Loan'] = ResolversParentTypes['Loan']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  balance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lender?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  openedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['LoanStatus']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  recordCreditEvent?: Resolver<Maybe<ResolversTypes['CreditProfile']>, ParentType, ContextType, RequireFields<MutationRecordCreditEventArgs, 'expectedVersion' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  credit?: Resolver<Maybe<ResolversTypes['CreditProfile']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QualityViolationResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['QualityViolation'] = ResolversParentTypes['QualityViolation']> = ResolversObject<{
  authority?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  creditProfile?: Resolver<Maybe<ResolversTypes['CreditProfile']>, ParentType, ContextType, RequireFields<QueryCreditProfileArgs, 'id'>>;
  creditProfiles?: Resolver<ResolversTypes['CreditProfileConnection'], ParentType, ContextType, RequireFields<QueryCreditProfilesArgs, 'first'>>;
  creditStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryCreditStatisticsArgs, 'groupBy'>>;
  dishonestList?: Resolver<ResolversTypes['CreditProfileConnection'], ParentType, ContextType, RequireFields<QueryDishonestListArgs, 'first'>>;
}>;

export type RatingFactorResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['RatingFactor'] = ResolversParentTypes['RatingFactor']> = ResolversObject<{
  effect?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  factor?: Resolver<Maybe<ResolversTypes['RatingFactorKind']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type RatingFactorsResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['RatingFactors'] = ResolversParentTypes['RatingFactors']> = ResolversObject<{
  administrativePenalties?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  contractPerformance?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  defaultedLoans?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  dishonestList?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  loanHistory?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  overdueLoans?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  qualityViolations?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
  taxGrade?: Resolver<Maybe<ResolversTypes['RatingFactor']>, ParentType, ContextType>;
}>;

export type RegionResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdueLoanShare?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  taxGradeAShare?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  keys?: Resolver<Array<Maybe<ResolversTypes['String']>>, ParentType, ContextType>;
  measures?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsValueResolvers<ContextType = CreditContext, ParentType extends ResolversParentTypes['StatisticsValue'] = ResolversParentTypes['StatisticsValue']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CreditContext> = ResolversObject<{
  AdministrativePenalty?: AdministrativePenaltyResolvers<ContextType>;
  ContractPerformance?: ContractPerformanceResolvers<ContextType>;
  CreditProfile?: CreditProfileResolvers<ContextType>;
  CreditProfileConnection?: CreditProfileConnectionResolvers<ContextType>;
  CreditProfileEdge?: CreditProfileEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DishonestListing?: DishonestListingResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  Loan?: LoanResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  QualityViolation?: QualityViolationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RatingFactor?: RatingFactorResolvers<ContextType>;
  RatingFactors?: RatingFactorsResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsValue?: StatisticsValueResolvers<ContextType>;
}>;

