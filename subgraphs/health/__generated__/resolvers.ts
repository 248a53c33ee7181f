import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRef } from '../../kit/statistics/graphql';
import { HealthRecordRow, ChronicConditionRow, VaccinationRow, EncounterRow, HealthFacilityRow } from '../entities';
import { Connection } from '../../kit/pagination';
import { HealthContext } from '../loaders';
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

/**
 * A chronic condition followed on a health record (ICD-10 category), kept by the health commission; clinical,
 * NOT_SHARED.
 */
export type ChronicCondition = {
  __typename?: 'ChronicCondition';
  /** ICD-10 category, e.g. I10, E11, J44, I25, N18. */
  code: Maybe<Scalars['String']['output']>;
  /** Date of diagnosis (YYYY-MM-DD). */
  diagnosedOn: Maybe<Scalars['Date']['output']>;
  /** The ICD-10 category's Chinese name, e.g. 2型糖尿病. */
  name: Maybe<Scalars['String']['output']>;
  /** The GB/T 2260 code of the record's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
};

/** What chronic conditions can be counted by. */
export type ChronicConditionDimension =
  /** Prefecture-level city of the record's region, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** ICD-10 category, e.g. E11. */
  | 'CONDITION'
  /** County or district of the record's region (GB/T 2260 code). */
  | 'COUNTY'
  /** Year of diagnosis, YYYY. */
  | 'DIAGNOSED_YEAR'
  /** Province of the record's region (GB/T 2260 code, 460000). */
  | 'PROVINCE';

/** Only conditions whose value on the dimension is this, in the dimension's format. */
export type ChronicConditionStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: ChronicConditionDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/** An ICD-10 diagnosis of an encounter, kept by the health commission; clinical, NOT_SHARED. */
export type Diagnosis = {
  __typename?: 'Diagnosis';
  /** ICD-10 code, e.g. J18 or E11.9. */
  code: Maybe<Scalars['String']['output']>;
  /** The ICD-10 category's Chinese name, e.g. 感染性胃肠炎和结肠炎. */
  name: Maybe<Scalars['String']['output']>;
};

/**
 * A visit to a health facility (outpatient, inpatient or emergency) with its diagnoses, kept by the health commission;
 * clinical, NOT_SHARED.
 */
export type Encounter = {
  __typename?: 'Encounter';
  /** Day of the visit (admission for inpatients), YYYY-MM-DD. */
  date: Maybe<Scalars['Date']['output']>;
  /** ICD-10 diagnoses, the principal one first. */
  diagnoses: Maybe<Array<Diagnosis>>;
  /** The facility visited. */
  facility: Maybe<HealthFacility>;
  /** Opaque encounter ID; reveals nothing. */
  id: Scalars['ID']['output'];
  /** The GB/T 2260 code of the record's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Outpatient, inpatient or emergency. */
  type: Maybe<EncounterType>;
};

/** The kind of a visit to a health facility. */
export type EncounterType =
  /** Emergency department visit (急诊). */
  | 'EMERGENCY'
  /** Hospital admission (住院). */
  | 'INPATIENT'
  /** Outpatient visit (门诊). */
  | 'OUTPATIENT';

/** What health records (persons) can be counted by. */
export type HealthDimension =
  /** Prefecture-level city of the record's region, or county-level unit under the province (GB/T 2260 code). */
  | 'CITY'
  /** County or district of the record's region (GB/T 2260 code). */
  | 'COUNTY'
  /** The medical insurance scheme: URBAN_EMPLOYEE, URBAN_RURAL_RESIDENT, or NONE when not enrolled. */
  | 'INSURANCE_SCHEME'
  /** true when enrolled in basic medical insurance that is in force, false otherwise. */
  | 'INSURED'
  /** Province of the record's region (GB/T 2260 code, 460000). */
  | 'PROVINCE'
  /** true when at least one vaccination is recorded, false otherwise. */
  | 'VACCINATED';

/**
 * A health facility of the province (hospital, community or township health centre, clinic), registered by the health
 * commission; open data.
 */
export type HealthFacility = {
  __typename?: 'HealthFacility';
  /** Region code, kind letter (H hospital, C community centre, T township centre, Z clinic) and number, e.g. 460106H01. */
  code: Scalars['ID']['output'];
  /** Grade under the hospital grading system (一级, 二级, 三级). */
  level: Maybe<HealthFacilityLevel>;
  /** The facility's location as a GeoJSON Point. */
  location: Maybe<Scalars['GeoJSON']['output']>;
  /** The facility's registered name, e.g. 海南省人民医院. */
  name: Maybe<Scalars['String']['output']>;
  /** The county or district the facility is in. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the county or district the facility is in. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** The kind of facility. */
  type: Maybe<HealthFacilityType>;
};

/** A page of HealthFacility records in the list's order, with where the page ends. */
export type HealthFacilityConnection = {
  __typename?: 'HealthFacilityConnection';
  /** The HealthFacility records of this page, each with its cursor. */
  edges: Array<HealthFacilityEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many facilities match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** One HealthFacility of a page, with its cursor. */
export type HealthFacilityEdge = {
  __typename?: 'HealthFacilityEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The HealthFacility. */
  node: HealthFacility;
};

/** Which facilities to list; every given condition must hold. */
export type HealthFacilityFilter = {
  /** Only facilities of this grade. */
  level?: InputMaybe<HealthFacilityLevel>;
  /** Facilities in this region or any region below it (GB/T 2260 code). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Only facilities of this kind. */
  type?: InputMaybe<HealthFacilityType>;
};

/** Facility grade under the hospital grading system: 一级, 二级, 三级. */
export type HealthFacilityLevel =
  /** 一级 */
  | 'PRIMARY'
  /** 二级 */
  | 'SECONDARY'
  /** 三级 */
  | 'TERTIARY';

/** The kind of a health facility; its letter in the facility code in brackets. */
export type HealthFacilityType =
  /** Clinic (诊所, Z). */
  | 'CLINIC'
  /** Community health service centre (社区卫生服务中心, C). */
  | 'COMMUNITY_HEALTH_CENTRE'
  /** Hospital (医院, H). */
  | 'HOSPITAL'
  /** Township health centre (乡镇卫生院, T). */
  | 'TOWNSHIP_HEALTH_CENTRE';

/**
 * A resident's health record: one per person. Fields other than the key are nullable: where a caller may not see a
 * value, it is null with a FORBIDDEN error.
 */
export type HealthRecord = {
  __typename?: 'HealthRecord';
  /** Known allergens, e.g. 青霉素. */
  allergies: Maybe<Array<Scalars['String']['output']>>;
  /** ABO group and RhD factor: O+, A+, B+, AB+, O-, A-, B- or AB-; null if never typed. */
  bloodType: Maybe<Scalars['String']['output']>;
  /** Chronic conditions followed on the record, in the order diagnosed. */
  chronicConditions: Maybe<Array<ChronicCondition>>;
  /** Visits to health facilities, latest first. */
  encounters: Maybe<Array<Encounter>>;
  /** Opaque health record ID; reveals nothing. */
  id: Scalars['ID']['output'];
  /** Basic medical insurance enrolment; null if not enrolled. */
  insurance: Maybe<MedicalInsurance>;
  /** The person whose record it is. */
  person: Maybe<Person>;
  /** The county or district of the record (see regionCode). */
  region: Maybe<Region>;
  /**
   * The GB/T 2260 code of the county or district of the person's household; for a record opened by recordEncounter or
   * recordVaccination, of the facility that opened it.
   */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Vaccine doses given, oldest first. */
  vaccinations: Maybe<Array<Vaccination>>;
  /** Increases with every update of the record; pass it as expectedVersion. */
  version: Maybe<Scalars['Int']['output']>;
};

/** A page of HealthRecord records in the list's order, with where the page ends. */
export type HealthRecordConnection = {
  __typename?: 'HealthRecordConnection';
  /** The HealthRecord records of this page, each with its cursor. */
  edges: Array<HealthRecordEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many records match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** One HealthRecord of a page, with its cursor. */
export type HealthRecordEdge = {
  __typename?: 'HealthRecordEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The HealthRecord. */
  node: HealthRecord;
};

/** Which health records to list; every given condition must hold. */
export type HealthRecordFilter = {
  /** Records with this chronic condition (ICD-10 category: I10, E11, J44, I25 or N18). */
  chronicCondition?: InputMaybe<Scalars['String']['input']>;
  /** Records of households in this region or any region below it (GB/T 2260 code, e.g. 460100 for Haikou). */
  regionCode?: InputMaybe<Scalars['ID']['input']>;
  /** Records with at least one dose of this vaccine (a vaccine code, e.g. MMR). */
  vaccinated?: InputMaybe<Scalars['String']['input']>;
};

/** Only records whose value on the dimension is this, in the dimension's format. */
export type HealthStatisticsFilter = {
  /** The dimension filtered on. */
  dimension: HealthDimension;
  /** The value kept, in the dimension's format. */
  value: Scalars['String']['input'];
};

/** Basic medical insurance enrolment of the record holder: the scheme, since when, and whether it is in force. */
export type MedicalInsurance = {
  __typename?: 'MedicalInsurance';
  /** False when contributions have lapsed. */
  active: Maybe<Scalars['Boolean']['output']>;
  /** Date of enrolment (YYYY-MM-DD). */
  enrolledOn: Maybe<Scalars['Date']['output']>;
  /** The basic medical insurance scheme. */
  scheme: Maybe<MedicalInsuranceScheme>;
};

/** The two schemes of China's basic medical insurance. */
export type MedicalInsuranceScheme =
  /** Basic medical insurance for urban employees (城镇职工基本医疗保险). */
  | 'URBAN_EMPLOYEE'
  /** Basic medical insurance for urban and rural residents (城乡居民基本医疗保险). */
  | 'URBAN_RURAL_RESIDENT';

/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records a visit to a health facility with its ICD-10 diagnoses, opening a health record for the person if they
   * have none (kept in the facility's region). A diagnosis of a followed chronic condition adds it to the record.
   * Retrying with the same idempotencyKey returns the first result and records nothing more.
   */
  recordEncounter: Maybe<Encounter>;
  /**
   * Records one dose of a vaccine, opening a health record for the person if they have none. A dose already
   * recorded is refused. Retrying with the same idempotencyKey returns the first result and records nothing more.
   */
  recordVaccination: Maybe<Vaccination>;
  /**
   * Replaces the allergies on a record. `expectedVersion` is the version you read: if the record changed since,
   * the update is refused with CONFLICT and the current version.
   */
  updateAllergies: Maybe<HealthRecord>;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRecordEncounterArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RecordEncounterInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationRecordVaccinationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RecordVaccinationInput;
};


/**
 * Writes: each department records its own data (only its officers and apps may); security officers manage policies
 * and sharing grants. Record writes take an optional idempotencyKey; updates take the version last read (else CONFLICT).
 */
export type MutationUpdateAllergiesArgs = {
  allergies: Array<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  recordId: Scalars['ID']['input'];
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
  /** The person's health record; null if they have none. */
  healthRecord: Maybe<HealthRecord>;
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
   * Counts of persons with a chronic condition by region, ICD-10 category and year of diagnosis, after disclosure
   * control; clinical data: the commission's own analysts and dashboards, with the stricter minimum cell size.
   */
  chronicConditionStatistics: Maybe<StatisticsTable>;
  /** Health facilities matching the filter, ordered by code; `first` is at most 500. */
  healthFacilities: HealthFacilityConnection;
  /** A health facility by its code, e.g. 460106H01; null for an unknown code. */
  healthFacility: Maybe<HealthFacility>;
  /** A health record by its opaque ID; null if there is no such record (or you may not see it). */
  healthRecord: Maybe<HealthRecord>;
  /**
   * Health records matching the filter, ordered by ID; `first` is at most 500. Filtering on a chronic condition or a
   * vaccine reads clinical fields: it is refused (FORBIDDEN) to callers who may not read them in full.
   */
  healthRecords: HealthRecordConnection;
  /**
   * Counts of health records (persons) by region and the other dimensions, after disclosure control (docs/statistics.md); needs the `aggregate` permission on the
   * fields the dimensions read.
   */
  healthStatistics: Maybe<StatisticsTable>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryChronicConditionStatisticsArgs = {
  filter?: InputMaybe<Array<ChronicConditionStatisticsFilter>>;
  groupBy: Array<ChronicConditionDimension>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHealthFacilitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HealthFacilityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHealthFacilityArgs = {
  code: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHealthRecordArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHealthRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HealthRecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryHealthStatisticsArgs = {
  filter?: InputMaybe<Array<HealthStatisticsFilter>>;
  groupBy: Array<HealthDimension>;
};

/** A visit to a health facility to record. */
export type RecordEncounterInput = {
  /** The day of the visit (admission for inpatients); not in the future. */
  date: Scalars['Date']['input'];
  /** ICD-10 codes, the principal diagnosis first: 1 to 10 distinct codes of the province's list. */
  diagnoses: Array<Scalars['String']['input']>;
  /** The facility visited, by code. */
  facilityCode: Scalars['ID']['input'];
  /** The patient's opaque person ID (population register); checked to exist. */
  personId: Scalars['ID']['input'];
  /** Outpatient, inpatient or emergency. */
  type: EncounterType;
};

/** A vaccine dose to record. */
export type RecordVaccinationInput = {
  /** The day the dose was given; not in the future. */
  date: Scalars['Date']['input'];
  /** Dose number within the vaccine's course, from 1. */
  dose: Scalars['Int']['input'];
  /** Where it was given, by facility code. */
  facilityCode: Scalars['ID']['input'];
  /** The vaccinated person's opaque person ID (population register); checked to exist. */
  personId: Scalars['ID']['input'];
  /** Vaccine code of the province's list, e.g. HEPB. */
  vaccine: Scalars['String']['input'];
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Share (0-1) of health records with active basic medical insurance, after disclosure control. */
  insuranceCoverage: Maybe<StatisticsValue>;
  /** Share (0-1) of health records with at least one recorded vaccination, after disclosure control. */
  vaccinationCoverage: Maybe<StatisticsValue>;
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

/** One vaccine dose given to the record holder, kept by the health commission; CONDITIONAL (through a sharing grant). */
export type Vaccination = {
  __typename?: 'Vaccination';
  /** Day the dose was given (YYYY-MM-DD). */
  date: Maybe<Scalars['Date']['output']>;
  /** Dose number within the vaccine's course, from 1. */
  dose: Maybe<Scalars['Int']['output']>;
  /** Where the dose was given. */
  facility: Maybe<HealthFacility>;
  /** Opaque vaccination ID; reveals nothing. */
  id: Scalars['ID']['output'];
  /** The GB/T 2260 code of the record's region. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Vaccine code of the province's list, e.g. HEPB, MMR, DTAP. */
  vaccine: Maybe<Scalars['String']['output']>;
  /** The vaccine's Chinese name, e.g. 乙肝疫苗. */
  vaccineName: Maybe<Scalars['String']['output']>;
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
  HealthFacility: HealthFacility;
  HealthRecord: HealthRecord;
  Person: Person;
  Region: Region;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  HealthFacility:
    ( { __typename: 'HealthFacility' }
    & GraphQLRecursivePick<FederationTypes['HealthFacility'], {"code":true}> );
  HealthRecord:
    ( { __typename: 'HealthRecord' }
    & GraphQLRecursivePick<FederationTypes['HealthRecord'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ChronicCondition: ResolverTypeWrapper<ChronicConditionRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChronicConditionDimension: ChronicConditionDimension;
  ChronicConditionStatisticsFilter: ChronicConditionStatisticsFilter;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Diagnosis: ResolverTypeWrapper<Diagnosis>;
  Encounter: ResolverTypeWrapper<EncounterRow>;
  EncounterType: EncounterType;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  HealthDimension: HealthDimension;
  HealthFacility: ResolverTypeWrapper<HealthFacilityRow>;
  HealthFacilityConnection: ResolverTypeWrapper<Connection<HealthFacilityRow>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  HealthFacilityEdge: ResolverTypeWrapper<Omit<HealthFacilityEdge, 'node'> & { node: ResolversTypes['HealthFacility'] }>;
  HealthFacilityFilter: HealthFacilityFilter;
  HealthFacilityLevel: HealthFacilityLevel;
  HealthFacilityType: HealthFacilityType;
  HealthRecord: ResolverTypeWrapper<HealthRecordRow>;
  HealthRecordConnection: ResolverTypeWrapper<Connection<HealthRecordRow>>;
  HealthRecordEdge: ResolverTypeWrapper<Omit<HealthRecordEdge, 'node'> & { node: ResolversTypes['HealthRecord'] }>;
  HealthRecordFilter: HealthRecordFilter;
  HealthStatisticsFilter: HealthStatisticsFilter;
  MedicalInsurance: ResolverTypeWrapper<MedicalInsurance>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  MedicalInsuranceScheme: MedicalInsuranceScheme;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Person: ResolverTypeWrapper<Omit<Person, 'healthRecord'> & { healthRecord?: Maybe<ResolversTypes['HealthRecord']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordEncounterInput: RecordEncounterInput;
  RecordVaccinationInput: RecordVaccinationInput;
  Region: ResolverTypeWrapper<RegionRef>;
  StatisticsCell: ResolverTypeWrapper<StatisticsCell>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  StatisticsTable: ResolverTypeWrapper<StatisticsTable>;
  StatisticsValue: ResolverTypeWrapper<StatisticsValue>;
  Suppression: Suppression;
  Vaccination: ResolverTypeWrapper<VaccinationRow>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ChronicCondition: ChronicConditionRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ChronicConditionStatisticsFilter: ChronicConditionStatisticsFilter;
  Date: Scalars['Date']['output'];
  Diagnosis: Diagnosis;
  Encounter: EncounterRow;
  GeoJSON: Scalars['GeoJSON']['output'];
  HealthFacility: HealthFacilityRow;
  HealthFacilityConnection: Connection<HealthFacilityRow>;
  Int: Scalars['Int']['output'];
  HealthFacilityEdge: Omit<HealthFacilityEdge, 'node'> & { node: ResolversParentTypes['HealthFacility'] };
  HealthFacilityFilter: HealthFacilityFilter;
  HealthRecord: HealthRecordRow;
  HealthRecordConnection: Connection<HealthRecordRow>;
  HealthRecordEdge: Omit<HealthRecordEdge, 'node'> & { node: ResolversParentTypes['HealthRecord'] };
  HealthRecordFilter: HealthRecordFilter;
  HealthStatisticsFilter: HealthStatisticsFilter;
  MedicalInsurance: MedicalInsurance;
  Boolean: Scalars['Boolean']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Person: Omit<Person, 'healthRecord'> & { healthRecord?: Maybe<ResolversParentTypes['HealthRecord']> } | FederationReferenceTypes['Person'];
  Query: Record<PropertyKey, never>;
  RecordEncounterInput: RecordEncounterInput;
  RecordVaccinationInput: RecordVaccinationInput;
  Region: RegionRef;
  StatisticsCell: StatisticsCell;
  Float: Scalars['Float']['output'];
  StatisticsTable: StatisticsTable;
  StatisticsValue: StatisticsValue;
  Vaccination: VaccinationRow;
}>;

export type ChronicConditionResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['ChronicCondition'] = ResolversParentTypes['ChronicCondition']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  diagnosedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DiagnosisResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Diagnosis'] = ResolversParentTypes['Diagnosis']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EncounterResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Encounter'] = ResolversParentTypes['Encounter']> = ResolversObject<{
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  diagnoses?: Resolver<Maybe<Array<ResolversTypes['Diagnosis']>>, ParentType, ContextType>;
  facility?: Resolver<Maybe<ResolversTypes['HealthFacility']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['EncounterType']>, ParentType, ContextType>;
}>;

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type HealthFacilityResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['HealthFacility'] = ResolversParentTypes['HealthFacility'], FederationReferenceType extends FederationReferenceTypes['HealthFacility'] = FederationReferenceTypes['HealthFacility']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthFacility']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['HealthFacilityLevel']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoJSON']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['HealthFacilityType']>, ParentType, ContextType>;
}>;

export type HealthFacilityConnectionResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['HealthFacilityConnection'] = ResolversParentTypes['HealthFacilityConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['HealthFacilityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type HealthFacilityEdgeResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['HealthFacilityEdge'] = ResolversParentTypes['HealthFacilityEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['HealthFacility'], ParentType, ContextType>;
}>;

export type HealthRecordResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['HealthRecord'] = ResolversParentTypes['HealthRecord'], FederationReferenceType extends FederationReferenceTypes['HealthRecord'] = FederationReferenceTypes['HealthRecord']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthRecord']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allergies?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  bloodType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  chronicConditions?: Resolver<Maybe<Array<ResolversTypes['ChronicCondition']>>, ParentType, ContextType>;
  encounters?: Resolver<Maybe<Array<ResolversTypes['Encounter']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insurance?: Resolver<Maybe<ResolversTypes['MedicalInsurance']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  vaccinations?: Resolver<Maybe<Array<ResolversTypes['Vaccination']>>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type HealthRecordConnectionResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['HealthRecordConnection'] = ResolversParentTypes['HealthRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['HealthRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type HealthRecordEdgeResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['HealthRecordEdge'] = ResolversParentTypes['HealthRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['HealthRecord'], ParentType, ContextType>;
}>;

export type MedicalInsuranceResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['MedicalInsurance'] = ResolversParentTypes['MedicalInsurance']> = ResolversObject<{
  active?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  enrolledOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  scheme?: Resolver<Maybe<ResolversTypes['MedicalInsuranceScheme']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  recordEncounter?: Resolver<Maybe<ResolversTypes['Encounter']>, ParentType, ContextType, RequireFields<MutationRecordEncounterArgs, 'input'>>;
  recordVaccination?: Resolver<Maybe<ResolversTypes['Vaccination']>, ParentType, ContextType, RequireFields<MutationRecordVaccinationArgs, 'input'>>;
  updateAllergies?: Resolver<Maybe<ResolversTypes['HealthRecord']>, ParentType, ContextType, RequireFields<MutationUpdateAllergiesArgs, 'allergies' | 'expectedVersion' | 'recordId'>>;
}>;

export type PageInfoResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  healthRecord?: Resolver<Maybe<ResolversTypes['HealthRecord']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  chronicConditionStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryChronicConditionStatisticsArgs, 'groupBy'>>;
  healthFacilities?: Resolver<ResolversTypes['HealthFacilityConnection'], ParentType, ContextType, RequireFields<QueryHealthFacilitiesArgs, 'first'>>;
  healthFacility?: Resolver<Maybe<ResolversTypes['HealthFacility']>, ParentType, ContextType, RequireFields<QueryHealthFacilityArgs, 'code'>>;
  healthRecord?: Resolver<Maybe<ResolversTypes['HealthRecord']>, ParentType, ContextType, RequireFields<QueryHealthRecordArgs, 'id'>>;
  healthRecords?: Resolver<ResolversTypes['HealthRecordConnection'], ParentType, ContextType, RequireFields<QueryHealthRecordsArgs, 'first'>>;
  healthStatistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryHealthStatisticsArgs, 'groupBy'>>;
}>;

export type RegionResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insuranceCoverage?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
  vaccinationCoverage?: Resolver<Maybe<ResolversTypes['StatisticsValue']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  keys?: Resolver<Array<Maybe<ResolversTypes['String']>>, ParentType, ContextType>;
  measures?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsValueResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['StatisticsValue'] = ResolversParentTypes['StatisticsValue']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  suppression?: Resolver<Maybe<ResolversTypes['Suppression']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type VaccinationResolvers<ContextType = HealthContext, ParentType extends ResolversParentTypes['Vaccination'] = ResolversParentTypes['Vaccination']> = ResolversObject<{
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  dose?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  facility?: Resolver<Maybe<ResolversTypes['HealthFacility']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  vaccine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vaccineName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = HealthContext> = ResolversObject<{
  ChronicCondition?: ChronicConditionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Diagnosis?: DiagnosisResolvers<ContextType>;
  Encounter?: EncounterResolvers<ContextType>;
  GeoJSON?: GraphQLScalarType;
  HealthFacility?: HealthFacilityResolvers<ContextType>;
  HealthFacilityConnection?: HealthFacilityConnectionResolvers<ContextType>;
  HealthFacilityEdge?: HealthFacilityEdgeResolvers<ContextType>;
  HealthRecord?: HealthRecordResolvers<ContextType>;
  HealthRecordConnection?: HealthRecordConnectionResolvers<ContextType>;
  HealthRecordEdge?: HealthRecordEdgeResolvers<ContextType>;
  MedicalInsurance?: MedicalInsuranceResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsValue?: StatisticsValueResolvers<ContextType>;
  Vaccination?: VaccinationResolvers<ContextType>;
}>;

