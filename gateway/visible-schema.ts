/**
 * What introspection answers a caller who may not read the whole schema (anyone but developers and security
 * officers): the API schema without the fields they may never read (DENIED whatever the record), and without the
 * types that leaves empty or unreachable. Their decisions come from governance's `myAccess`, asked with their own
 * headers; any failure rejects, and the caller is then refused as before (kit/authorization.ts introspectionGuard).
 */
import { Supergraph } from '@apollo/federation-internals';
import {
  assertValidSchema,
  buildASTSchema,
  Kind,
  parse,
  printSchema,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type TypeNode,
} from 'graphql';

export interface FieldAccess {
  decision: 'FULL' | 'MASKED' | 'DENIED';
  dependsOnRecord: boolean;
}

/** Type name → field name → the caller's access, as `myAccess` reports it. */
export type AccessTable = ReadonlyMap<string, ReadonlyMap<string, FieldAccess>>;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const CACHED_SCHEMAS = 64;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * The API schema as `access` lets its caller see it. Root fields are entry points (their rows are scoped, not
 * their fields judged) and stay while their type does; a field without a decision is left out, as it is denied.
 */
export function visibleSchema(api: DocumentNode, access: AccessTable): GraphQLSchema {
  const mayRead = (type: string, field: string) => {
    if (ROOT_TYPES.has(type)) return true;
    const a = access.get(type)?.get(field);
    return a !== undefined && (a.decision !== 'DENIED' || a.dependsOnRecord);
  };
  const definitions = new Map<string, DefinitionNode>();
  const objectNames = new Set<string>();
  const fields = new Map<string, FieldDefinitionNode[]>();
  for (const def of api.definitions) {
    if ('name' in def && def.name && def.kind !== Kind.DIRECTIVE_DEFINITION) definitions.set(def.name.value, def);
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
      objectNames.add(def.name.value);
      fields.set(def.name.value, (def.fields ?? []).filter((f) => mayRead(def.name.value, f.name.value)));
    }
  }
  // A type left without fields goes, and so do the fields returning it, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, kept] of fields) {
      const still = kept.filter((f) => !objectNames.has(namedType(f.type)) || fields.has(namedType(f.type)));
      if (still.length === 0) fields.delete(name);
      else fields.set(name, still);
      changed ||= still.length === 0 || still.length !== kept.length;
    }
  }
  // Only what the root types still lead to: no orphaned type names or descriptions.
  const reachable = new Set<string>();
  const queue = [...ROOT_TYPES].filter((n) => fields.has(n));
  for (const def of api.definitions) if (def.kind === Kind.DIRECTIVE_DEFINITION) for (const arg of def.arguments ?? []) queue.push(namedType(arg.type));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reachable.has(name)) continue;
    reachable.add(name);
    const def = definitions.get(name);
    if (def?.kind === Kind.OBJECT_TYPE_DEFINITION) {
      for (const f of fields.get(name) ?? []) queue.push(namedType(f.type), ...(f.arguments ?? []).map((a) => namedType(a.type)));
    } else if (def?.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const f of def.fields ?? []) queue.push(namedType(f.type));
    } else if (def && def.kind !== Kind.ENUM_TYPE_DEFINITION && def.kind !== Kind.SCALAR_TYPE_DEFINITION) {
      // Interfaces and unions: the API schema has none; refuse rather than judge them half-way.
      throw new Error(`Type "${name}" is a ${def.kind}, which visibleSchema does not filter.`);
    }
  }
  const kept = api.definitions.flatMap((def): DefinitionNode[] => {
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION) return reachable.has(def.name.value) && fields.has(def.name.value) ? [{ ...def, fields: fields.get(def.name.value) }] : [];
    if ('name' in def && def.name && def.kind !== Kind.DIRECTIVE_DEFINITION) return reachable.has(def.name.value) ? [def] : [];
    return [def];
  });
  const schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions: kept });
  assertValidSchema(schema);
  return schema;
}

const MY_ACCESS = '{ myAccess { type fields { field decision dependsOnRecord } } }';

interface MyAccessResponse {
  data?: { myAccess?: { type: string; fields: ({ field: string } & FieldAccess)[] }[] } | null;
  errors?: unknown[];
}

export interface VisibleSchemaOptions {
  /** The supergraph the gateway serves: its API schema is what is filtered. */
  supergraphSdl: string;
  /** Governance's /graphql, asked for `myAccess`. */
  governanceUrl: string;
  timeoutMs: number;
}

/** Per caller's forwarded headers, their visible schema; schemas are shared by callers with the same readable fields. */
export function visibleSchemas(options: VisibleSchemaOptions): (headers: Readonly<Record<string, string>>) => Promise<GraphQLSchema> {
  const api = parse(printSchema(Supergraph.build(options.supergraphSdl).apiSchema().toGraphQLJSSchema()));
  const cache = new Map<string, GraphQLSchema>();
  return async (headers) => {
    const res = await fetch(options.governanceUrl, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: MY_ACCESS }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = (await res.json()) as MyAccessResponse;
    const types = body.data?.myAccess;
    if (!res.ok || body.errors?.length || !types) throw new Error(`Governance did not answer myAccess (HTTP ${res.status}).`);
    const access: AccessTable = new Map(types.map((t) => [t.type, new Map(t.fields.map((f) => [f.field, { decision: f.decision, dependsOnRecord: f.dependsOnRecord }]))]));
    const key = types.map((t) => `${t.type}:${t.fields.map((f) => `${f.field}=${f.decision !== 'DENIED' || f.dependsOnRecord ? 1 : 0}`).join(',')}`).join(';');
    let schema = cache.get(key);
    if (!schema) {
      schema = visibleSchema(api, access);
      if (cache.size >= CACHED_SCHEMAS) cache.delete(cache.keys().next().value as string);
      cache.set(key, schema);
    }
    return schema;
  };
}
