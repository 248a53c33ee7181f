import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RegionRow, PlaceRow, ResidenceRow } from '../entities';
import { Connection } from '../../kit/pagination';
import { GeospatialContext } from '../loaders';
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

/** Exactly one of circle, box or polygon (a GeoJSON Polygon). */
export type AreaInput = {
  /** A rectangle in longitude and latitude. */
  box?: InputMaybe<BoxInput>;
  /** A circle around a point. */
  circle?: InputMaybe<CircleInput>;
  /** A GeoJSON Polygon (WGS 84) whose outer ring is closed and has at least 4 positions. */
  polygon?: InputMaybe<Scalars['GeoJSON']['input']>;
};

/** A rectangle in WGS 84 longitude and latitude, bounds included; min not above max. */
export type BoxInput = {
  /** Northern bound, decimal degrees. */
  maxLat: Scalars['Float']['input'];
  /** Eastern bound, decimal degrees. */
  maxLon: Scalars['Float']['input'];
  /** Southern bound, decimal degrees. */
  minLat: Scalars['Float']['input'];
  /** Western bound, decimal degrees. */
  minLon: Scalars['Float']['input'];
};

/** A circle: the points within a great-circle distance of a centre. */
export type CircleInput = {
  /** The centre. */
  centre: PointInput;
  /** Radius in metres, at most 50,000. */
  radius: Scalars['Float']['input'];
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
  /** The person's current residence, as geocoded address point; null if unknown. */
  residence: Maybe<Residence>;
};

/**
 * An address point of the provincial geographic information service (natural resources): a residence or a government
 * service centre.
 */
export type Place = {
  __typename?: 'Place';
  /** The full address; personal, masked to the district. */
  address: Maybe<Scalars['String']['output']>;
  /** Opaque address point ID. */
  id: Scalars['ID']['output'];
  /** Residential point or government service centre. */
  kind: Maybe<PlaceKind>;
  /** Latitude, decimal degrees (WGS 84); masked to about 1 km. */
  lat: Maybe<Scalars['Float']['output']>;
  /** The point as GeoJSON. */
  location: Maybe<Scalars['GeoJSON']['output']>;
  /** Longitude, decimal degrees (WGS 84); masked to about 1 km. */
  lon: Maybe<Scalars['Float']['output']>;
  /** The point's name, e.g. 龙华区政务服务中心; null for residential points. */
  name: Maybe<Scalars['String']['output']>;
  /** The county or district the point lies in. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the region the point lies in. */
  regionCode: Maybe<Scalars['ID']['output']>;
};

/** A page of Place records in the list's order, with where the page ends. */
export type PlaceConnection = {
  __typename?: 'PlaceConnection';
  /** The Place records of this page, each with its cursor. */
  edges: Array<PlaceEdge>;
  /** Whether there are more pages; pass endCursor as `after` to get the next one. */
  pageInfo: PageInfo;
  /** How many Place records match the filter among those you may see, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** One Place of a page, with its cursor. */
export type PlaceEdge = {
  __typename?: 'PlaceEdge';
  /** Opaque position of this record in the list; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Place. */
  node: Place;
};

/** What an address point is. */
export type PlaceKind =
  /** A government service centre. */
  | 'GOVERNMENT'
  /** A residential address point. */
  | 'RESIDENCE';

/** A point in WGS 84 decimal degrees. */
export type PointInput = {
  /** Latitude, -90 to 90. */
  lat: Scalars['Float']['input'];
  /** Longitude, -180 to 180. */
  lon: Scalars['Float']['input'];
};

/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type Query = {
  __typename?: 'Query';
  /** Great-circle distance between two points, in metres. */
  distance: Scalars['Float']['output'];
  /** An address point by ID. */
  place: Maybe<Place>;
  /** Address points inside an area (exactly one of circle, box, polygon), ordered by ID. */
  places: PlaceConnection;
  /** A region by its 6-digit GB/T 2260 code; null for an unknown code. */
  region: Maybe<Region>;
  /** The most specific region containing the point, or null outside Hainan. */
  regionAt: Maybe<Region>;
  /** Regions, optionally of one level and/or directly below one parent. */
  regions: Array<Region>;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryDistanceArgs = {
  from: PointInput;
  to: PointInput;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPlaceArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryPlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<PlaceKind>;
  within: AreaInput;
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryRegionArgs = {
  code: Scalars['ID']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryRegionAtArgs = {
  lat: Scalars['Float']['input'];
  lon: Scalars['Float']['input'];
};


/**
 * The entry points of the Hainan government data graph: the records of each department (population, enterprises,
 * geography, health, education, housing, credit) and the governance service (catalogue, policies, sharing, audit).
 */
export type QueryRegionsArgs = {
  level?: InputMaybe<RegionLevel>;
  parentCode?: InputMaybe<Scalars['ID']['input']>;
};

/** An administrative region of Hainan (GB/T 2260), kept by natural resources' geographic information service. */
export type Region = {
  __typename?: 'Region';
  /** Area in square metres, computed on the sphere from the boundary. */
  area: Scalars['Float']['output'];
  /** Boundary as a GeoJSON Polygon or MultiPolygon (synthetic). */
  boundary: Scalars['GeoJSON']['output'];
  /** The regions directly below, ordered by code; empty for a county or district. */
  children: Array<Region>;
  /** 6-digit GB/T 2260 administrative code, e.g. 460000 Hainan, 460100 Haikou, 460106 Longhua District. */
  code: Scalars['ID']['output'];
  /** Province, prefecture-level city, county-level unit or district. */
  level: RegionLevel;
  /** The official name, e.g. 海口市, 龙华区. */
  name: Scalars['String']['output'];
  /** The region directly above; null for the province. */
  parent: Maybe<Region>;
  /** The seat of government as a GeoJSON Point. */
  seat: Scalars['GeoJSON']['output'];
};

/** The level of an administrative region. */
export type RegionLevel =
  /** A prefecture-level city. */
  | 'CITY'
  /** A county-level unit: county, autonomous county or county-level city. */
  | 'COUNTY'
  /** A district of a prefecture-level city. */
  | 'DISTRICT'
  /** The province (Hainan, 460000). */
  | 'PROVINCE';

/** Where a person lives: an address point and its region. */
export type Residence = {
  __typename?: 'Residence';
  /** The address point where the person lives (its address and location are CONDITIONAL). */
  place: Maybe<Place>;
  /** The county or district the person lives in. */
  region: Maybe<Region>;
  /** The GB/T 2260 code of the region the person lives in. */
  regionCode: Maybe<Scalars['ID']['output']>;
  /** Date the person has lived there since (YYYY-MM-DD); null if unknown. */
  since: Maybe<Scalars['Date']['output']>;
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
  Person: Person;
  Place: Place;
  Region: Region;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Place:
    ( { __typename: 'Place' }
    & GraphQLRecursivePick<FederationTypes['Place'], {"id":true}> );
  Region:
    ( { __typename: 'Region' }
    & GraphQLRecursivePick<FederationTypes['Region'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AreaInput: AreaInput;
  BoxInput: BoxInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CircleInput: CircleInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<Omit<Person, 'residence'> & { residence?: Maybe<ResolversTypes['Residence']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Place: ResolverTypeWrapper<PlaceRow>;
  PlaceConnection: ResolverTypeWrapper<Connection<PlaceRow>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PlaceEdge: ResolverTypeWrapper<Omit<PlaceEdge, 'node'> & { node: ResolversTypes['Place'] }>;
  PlaceKind: PlaceKind;
  PointInput: PointInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: ResolverTypeWrapper<RegionRow>;
  RegionLevel: RegionLevel;
  Residence: ResolverTypeWrapper<ResidenceRow>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AreaInput: AreaInput;
  BoxInput: BoxInput;
  Float: Scalars['Float']['output'];
  CircleInput: CircleInput;
  Date: Scalars['Date']['output'];
  GeoJSON: Scalars['GeoJSON']['output'];
  PageInfo: PageInfo;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Person: Omit<Person, 'residence'> & { residence?: Maybe<ResolversParentTypes['Residence']> } | FederationReferenceTypes['Person'];
  ID: Scalars['ID']['output'];
  Place: PlaceRow;
  PlaceConnection: Connection<PlaceRow>;
  Int: Scalars['Int']['output'];
  PlaceEdge: Omit<PlaceEdge, 'node'> & { node: ResolversParentTypes['Place'] };
  PointInput: PointInput;
  Query: Record<PropertyKey, never>;
  Region: RegionRow;
  Residence: ResidenceRow;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type PageInfoResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  residence?: Resolver<Maybe<ResolversTypes['Residence']>, ParentType, ContextType>;
}>;

export type PlaceResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place'], FederationReferenceType extends FederationReferenceTypes['Place'] = FederationReferenceTypes['Place']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Place']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['PlaceKind']>, ParentType, ContextType>;
  lat?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoJSON']>, ParentType, ContextType>;
  lon?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type PlaceConnectionResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['PlaceConnection'] = ResolversParentTypes['PlaceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PlaceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PlaceEdgeResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['PlaceEdge'] = ResolversParentTypes['PlaceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  distance?: Resolver<ResolversTypes['Float'], ParentType, ContextType, RequireFields<QueryDistanceArgs, 'from' | 'to'>>;
  place?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType, RequireFields<QueryPlaceArgs, 'id'>>;
  places?: Resolver<ResolversTypes['PlaceConnection'], ParentType, ContextType, RequireFields<QueryPlacesArgs, 'first' | 'within'>>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType, RequireFields<QueryRegionArgs, 'code'>>;
  regionAt?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType, RequireFields<QueryRegionAtArgs, 'lat' | 'lon'>>;
  regions?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType, Partial<QueryRegionsArgs>>;
}>;

export type RegionResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region'], FederationReferenceType extends FederationReferenceTypes['Region'] = FederationReferenceTypes['Region']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Region']> | FederationReferenceType, FederationReferenceType, ContextType>;
  area?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  boundary?: Resolver<ResolversTypes['GeoJSON'], ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RegionLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  seat?: Resolver<ResolversTypes['GeoJSON'], ParentType, ContextType>;
}>;

export type ResidenceResolvers<ContextType = GeospatialContext, ParentType extends ResolversParentTypes['Residence'] = ResolversParentTypes['Residence']> = ResolversObject<{
  place?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GeospatialContext> = ResolversObject<{
  Date?: GraphQLScalarType;
  GeoJSON?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  PlaceConnection?: PlaceConnectionResolvers<ContextType>;
  PlaceEdge?: PlaceEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  Residence?: ResidenceResolvers<ContextType>;
}>;

