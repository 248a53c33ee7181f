/**
 * Authorization applied by the kit to every subgraph: one CASL ability per request (cached per policy version and
 * caller), every field of every object type wrapped to return the value, the masked value or a FORBIDDEN error,
 * and every query of rows restricted to the rows the caller may see. Domains write none of this.
 */
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  BREAK,
  defaultFieldResolver,
  execute,
  GraphQLError,
  isObjectType,
  Kind,
  validate,
  visit,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { buildAbility, fieldDecision, forbiddenError, maskValue, principalKey, type Catalogue, type Principal, type RequestAbility } from '../../auth';
import type { AuditCollector, AuditedField } from './audit/collector';
import { authorizationDenials } from './metrics';
import { guardedSource, type ColumnOwners } from './column-guard';
import { dependsOnOwner, judgedRecord, ownerRow, type ForeignEntity } from './owner-scope';
import type { PolicySnapshot, PolicyStore } from './policy-store';
import type { RequestContext } from './subgraph';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const MAX_CACHED_ABILITIES = 2000;
/** Roles that may read schemas (introspection, `_service`) outside production. */
export const SCHEMA_READER_ROLES = ['developer', 'security-officer'];

export interface AuthContext {
  principal: Principal;
  ability: RequestAbility;
  /** The policies and grants the ability was built from: one snapshot for the whole request. */
  policies: PolicySnapshot;
}

export interface Authorizer {
  /** The platform catalogue: abilities are built over it, so rules about a type cover all its fields, wherever served. */
  catalogue: Catalogue;
  /** This subgraph's part of it: what its row scope is judged on. */
  served: Catalogue;
  policies: PolicyStore;
  authorize(principal: Principal): AuthContext;
}

export function createAuthorizer(catalogue: Catalogue, policies: PolicyStore, served: Catalogue = catalogue): Authorizer {
  const cache = new Map<string, RequestAbility>();
  return {
    catalogue,
    served,
    policies,
    authorize(principal) {
      // One snapshot per request: a request in flight keeps the policy version it started with.
      const snapshot = policies.current();
      const key = `${snapshot.version}|${principalKey(principal)}`;
      let ability = cache.get(key);
      if (!ability || (ability.validUntil && ability.validUntil.getTime() <= Date.now())) {
        ability = buildAbility({ principal, catalogue, policies: snapshot.policies, grants: snapshot.grants });
        if (cache.size >= MAX_CACHED_ABILITIES) cache.delete(cache.keys().next().value as string);
        cache.set(key, ability);
      }
      return { principal, ability, policies: snapshot };
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Wraps every field of every non-root object type (in place). A field without a catalogue entry is denied,
 * as is every field when the context carries no authorization (deny by default). Reads of the `audited` fields
 * are reported to the request's audit collector, when it has one. Denials are counted per type and field
 * (authorization_denials_total, labelled with `service`), by a counter bound on the first denial of each field.
 */
export function authorizeFields(
  schema: GraphQLSchema,
  audited: ReadonlyMap<string, AuditedField> = new Map(),
  service = 'unknown',
  foreign: ReadonlyMap<string, ForeignEntity> = new Map(),
  /** Outside production: custom resolvers read entity rows through the column guard (column-guard.ts). */
  columnGuard: { catalogue: Catalogue; owners: ColumnOwners } | null = null,
): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_') || ROOT_TYPES.has(type.name)) continue;
    const typeName = type.name;
    const owner = foreign.get(typeName) ?? null;
    const served = Object.keys(type.getFields()).filter((f) => !f.startsWith('__'));
    if (owner) guardForeignReference(type, owner, served);
    for (const field of Object.values(type.getFields())) {
      const fieldName = field.name;
      if (fieldName.startsWith('__')) continue;
      const custom = field.resolve;
      const resolve: GraphQLFieldResolver<unknown, unknown> =
        custom && columnGuard
          ? (source, args, context, info) => {
              if (source === null || typeof source !== 'object') return custom(source, args, context, info);
              // Checked while the resolver runs (its synchronous part): the row it hands on is read by others later.
              const guarded = guardedSource(source, typeName, fieldName, columnGuard.catalogue, columnGuard.owners);
              try {
                return custom(guarded.row, args, context, info);
              } finally {
                guarded.release();
              }
            }
          : (custom ?? defaultFieldResolver);
      const auditedField = audited.get(`${typeName}.${fieldName}`) ?? null;
      let denials: { inc(): void } | undefined;
      const denied = (entry: Parameters<typeof forbiddenError>[2], authenticated?: boolean) => {
        (denials ??= authorizationDenials.labels(service, typeName, fieldName)).inc();
        return forbiddenError(typeName, fieldName, entry, authenticated === undefined ? undefined : { authenticated });
      };
      /** Decides on `record` (the source itself, or the source with the owner's rule inputs), resolves on `source`. */
      const judge = (auth: AuthContext, record: Record<string, unknown>, source: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo) => {
        const decision = fieldDecision(auth.ability, typeName, fieldName, record);
        if (auditedField !== null) (context as { audit?: AuditCollector }).audit?.field(auditedField, decision, source, info.path);
        if (decision === 'FULL') return resolve(source, args as never, context, info);
        const entry = auth.ability.catalogue[typeName]?.fields[fieldName];
        if (decision === 'DENIED' || !entry) return denied(entry, auth.principal.kind === 'government');
        const value = resolve(source, args as never, context, info);
        return isPromiseLike(value) ? Promise.resolve(value).then((v) => maskValue(entry.mask, v)) : maskValue(entry.mask, value);
      };
      field.resolve = (source, args, context, info) => {
        const auth = (context as { auth?: AuthContext }).auth;
        if (!auth) return denied(undefined);
        if (owner !== null && dependsOnOwner(auth.ability, typeName, served)) {
          // The caller's rules on this entity test columns its owner keeps: judge on the owner's row.
          const key = (source as Record<string, unknown> | null)?.[owner.key];
          const row = typeof key === 'string' || typeof key === 'number' ? ownerRow(context as RequestContext<unknown>, typeName, owner, String(key)) : Promise.resolve(null);
          return row.then((r) => judge(auth, judgedRecord(auth.ability, typeName, source as object, r), source, args, context, info));
        }
        return judge(auth, source as Record<string, unknown>, source, args, context, info);
      };
    }
  }
  return schema;
}

/**
 * `_entities` of an entity owned elsewhere answers null for a record its owner hides from the caller (or does not
 * have), exactly as for a missing one, whenever the caller's rules on it depend on the record.
 */
function guardForeignReference(type: GraphQLObjectType, owner: ForeignEntity, served: readonly string[]): void {
  const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } };
  const original = extensions.apollo?.subgraph?.resolveReference;
  const resolveReference: ReferenceResolver = (reference, context, info) => {
    const key = reference[owner.key];
    // Never the representation itself: the caller wrote it.
    const resolved = () => (original ? original(reference, context, info) : { [owner.key]: key });
    const auth = (context as { auth?: AuthContext }).auth;
    if (!auth || !dependsOnOwner(auth.ability, type.name, served)) return resolved();
    if (typeof key !== 'string' && typeof key !== 'number') return null;
    return ownerRow(context as RequestContext<unknown>, type.name, owner, String(key)).then((row) => (row === null ? null : resolved()));
  };
  type.extensions = { ...type.extensions, apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference } } };
}

type ReferenceResolver = (reference: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/** `_service` hands out the subgraph's SDL: to developers and security officers, and never in production. */
export function guardServiceField(schema: GraphQLSchema, production: boolean): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._service;
  if (!field) return schema;
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const principal = (context as { auth?: AuthContext }).auth?.principal;
    if (production || !principal?.roles.some((r) => SCHEMA_READER_ROLES.includes(r))) {
      return new GraphQLError('The subgraph schema (_service) is served to developer and security-officer accounts only, and never in production; the composed supergraph is in schema/supergraph.graphql.', {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    return resolve(source, args, context, info);
  };
  return schema;
}

/** Per parsed document (Apollo hands the same one for the same text): the walk is done once. */
const schemaReaders = new WeakMap<DocumentNode, boolean>();

function readsSchema(document: DocumentNode): boolean {
  const known = schemaReaders.get(document);
  if (known !== undefined) return known;
  const found = walkForSchema(document);
  schemaReaders.set(document, found);
  return found;
}

function walkForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether the operation asks only about the schema: a query whose every root selection is `__schema`, `__type` or `__typename`. */
export function onlyIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.operation === 'query' && operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && ['__schema', '__type', '__typename'].includes(s.name.value));
}

export interface IntrospectionGuardOptions<Ctx> {
  /**
   * The schema answered to every other caller's introspection (the gateway's: without the fields they may never
   * read). Rejecting means they get FORBIDDEN, as without this option. Operations that mix introspection with
   * data stay FORBIDDEN for them. @default none: FORBIDDEN
   */
  visibleSchema?: (context: Ctx) => Promise<GraphQLSchema>;
}

const FORBIDDEN_INTROSPECTION = () =>
  new GraphQLError('Introspection is answered to developer and security-officer accounts only.', {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });

/**
 * Introspection is answered to developer and security-officer accounts only (and never in production, where
 * Apollo Server turns it off): field names and descriptions of private data are not everyone's business. With
 * `visibleSchema`, other callers get that schema instead, executed here in place of the graph.
 */
export function introspectionGuard<Ctx extends BaseContext>(principalOf: (context: Ctx) => Principal | undefined, options: IntrospectionGuardOptions<Ctx> = {}): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      let visible: GraphQLSchema | undefined;
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!readsSchema(document)) return;
          const principal = principalOf(contextValue);
          if (principal?.roles.some((r) => SCHEMA_READER_ROLES.includes(r))) return;
          if (!options.visibleSchema || !operation || !onlyIntrospection(operation)) throw FORBIDDEN_INTROSPECTION();
          try {
            visible = await options.visibleSchema(contextValue);
          } catch {
            throw FORBIDDEN_INTROSPECTION();
          }
        },
        async responseForOperation({ document, request, operationName, contextValue }) {
          if (!visible) return null;
          const errors = validate(visible, document);
          const result = errors.length > 0 ? { errors } : await execute({ schema: visible, document, variableValues: request.variables, operationName, contextValue });
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}), ...('data' in result ? { data: result.data } : {}) } } };
        },
      };
    },
  };
}
