/**
 * What governance needs to know of the whole graph beyond the catalogue: the API schema of the composed
 * supergraph (to check an operation and walk its fields for explain) and, per type, the fields stored in a
 * domain's table (policy conditions are evaluated in SQL, so they may only test stored columns).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  getNullableType,
  type GraphQLError,
  isAbstractType,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { EntitySchema } from '@mikro-orm/core';
import { explainField, type FieldKind, type FieldKinds, type RequestAbility } from '../../auth';
import { PROJECT_ROOT } from '../kit/config';
import { badInput } from '../kit/errors';
import { entities as credit } from '../credit/entities';
import { entities as education } from '../education/entities';
import { entities as enterprise } from '../enterprise/entities';
import { entities as geospatial } from '../geospatial/entities';
import { entities as health } from '../health/entities';
import { entities as housing } from '../housing/entities';
import { entities as population } from '../population/entities';
import { GOVERNANCE_STORE_ENTITIES } from '../kit/policy-store';
import { SUBSCRIPTION_ENTITIES } from './subscription-store';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** Bounds on what explain walks, so a pasted query cannot make it work without end. */
const MAX_QUERY_LENGTH = 100_000;
const MAX_EXPLAINED_FIELDS = 5000;

let api: GraphQLSchema | undefined;

/** The graph as callers see it (the supergraph's API schema), read once from the committed supergraph. */
export function apiSchema(): GraphQLSchema {
  api ??= Supergraph.build(fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();
  return api;
}

let stored: Map<string, Set<string>> | undefined;

/** Per entity (named as its GraphQL type), the scalar properties stored in its table. */
function storedFields(): Map<string, Set<string>> {
  if (stored) return stored;
  stored = new Map();
  const all = [population, geospatial, enterprise, health, education, housing, credit, GOVERNANCE_STORE_ENTITIES, SUBSCRIPTION_ENTITIES].flat() as EntitySchema<any, any>[];
  for (const entity of all) {
    const props = Object.entries(entity.meta.properties as Record<string, { kind?: string }>);
    stored.set(entity.meta.className, new Set(props.filter(([, prop]) => !prop.kind || prop.kind === 'scalar').map(([name]) => name)));
  }
  return stored;
}

function kindOf(type: GraphQLNamedType): FieldKind {
  if (isEnumType(type)) return { kind: 'enum', values: type.getValues().map((v) => v.name) };
  switch (type.name) {
    case 'String':
    case 'ID':
      return { kind: 'string' };
    case 'Int':
    case 'Float':
      return { kind: 'number' };
    case 'Boolean':
      return { kind: 'boolean' };
    case 'Date':
      return { kind: 'date' };
    default:
      return { kind: 'composite', typeName: type.name };
  }
}

/**
 * The comparable kind of Type.field for policy conditions, or a composite kind (refused) when the field is a
 * list, an object, or not a stored column of the type's table.
 */
export const fieldKinds: FieldKinds = (typeName, fieldName) => {
  const type = apiSchema().getType(typeName);
  if (!type || !isObjectType(type)) return undefined;
  const def = type.getFields()[fieldName];
  if (!def) return undefined;
  const columns = storedFields().get(typeName);
  if (!columns) return { kind: 'composite', typeName: `${typeName} (not stored as records of its own, so it has no rows to test)` };
  if (!columns.has(fieldName)) return { kind: 'composite', typeName: 'computed, not a stored column' };
  const nullable = getNullableType(def.type);
  if (isListType(nullable)) return { kind: 'composite', typeName: 'a list' };
  return kindOf(getNamedType(def.type));
};

export interface ExplainedField {
  path: string;
  type: string;
  field: string;
  decision: 'FULL' | 'MASKED' | 'DENIED';
  reason: string;
  source: string | null;
  sourceId: string | null;
  dependsOnRecord: boolean;
}

/** Parses and validates an operation against the graph; every problem is a BAD_USER_INPUT naming it. */
function checkedOperation(query: string, operationName: string | null | undefined): { document: DocumentNode; operation: OperationDefinitionNode } {
  if (query.length > MAX_QUERY_LENGTH) throw badInput('query', `the query is longer than ${MAX_QUERY_LENGTH} characters.`);
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 20_000 });
  } catch (error) {
    throw badInput('query', `it is not a GraphQL document: ${(error as GraphQLError).message}`);
  }
  const errors = validate(apiSchema(), document);
  if (errors.length) throw badInput('query', `it does not fit the graph: ${errors.slice(0, 5).map((e) => e.message).join(' ')}`);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    throw badInput('operationName', operationName ? `the document has no operation named ${operationName}.` : 'the document has several operations; name the one to explain.');
  }
  return { document, operation };
}

/**
 * Per requested field of an operation, what the given ability decides and why, without executing it. Fields
 * selected on an interface or union are explained for each object type that can appear there. Root fields are
 * entry points: their rows are scoped to what the caller may see, so they are reported as such.
 */
export function explainOperation(ability: RequestAbility, query: string, operationName?: string | null): { operationName: string | null; fields: ExplainedField[] } {
  const { document, operation } = checkedOperation(query, operationName);
  const schema = apiSchema();
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const out: ExplainedField[] = [];
  const seen = new Set<string>();
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) throw badInput('query', `the graph has no ${operation.operation} operations.`);

  const possible = (type: GraphQLNamedType): readonly GraphQLObjectType[] => (isObjectType(type) ? [type] : isAbstractType(type) ? schema.getPossibleTypes(type) : []);

  const walk = (selectionSet: SelectionSetNode, types: readonly GraphQLObjectType[], prefix: string, depth: number, via: Set<string>): void => {
    if (depth > 64) return;
    for (const selection of selectionSet.selections) {
      if (out.length >= MAX_EXPLAINED_FIELDS) return;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : undefined;
        const narrowed = condition ? types.filter((t) => possible(condition).includes(t)) : types;
        walk(selection.selectionSet, narrowed, prefix, depth + 1, via);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || via.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        const narrowed = condition ? types.filter((t) => possible(condition).includes(t)) : types;
        walk(fragment.selectionSet, narrowed, prefix, depth + 1, new Set([...via, fragment.name.value]));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      const responseKey = selection.alias?.value ?? name;
      const path = prefix ? `${prefix}.${responseKey}` : responseKey;
      for (const type of types) {
        const def = type.getFields()[name];
        if (!def) continue;
        const key = `${path}\u0000${type.name}\u0000${name}`;
        if (!seen.has(key)) {
          seen.add(key);
          if (ROOT_TYPES.has(type.name)) {
            out.push({ path, type: type.name, field: name, decision: 'FULL', reason: 'entry point: the rows it returns are limited to those the caller may see, and each field is decided on its own', source: 'entry', sourceId: `${type.name}.${name}`, dependsOnRecord: true });
          } else {
            const explained = explainField(ability, type.name, name);
            out.push({ path, type: type.name, field: name, decision: explained.decision, reason: explained.reason, source: explained.source?.kind ?? null, sourceId: explained.source?.id ?? null, dependsOnRecord: explained.dependsOnRecord });
          }
        }
        if (selection.selectionSet) walk(selection.selectionSet, possible(getNamedType(def.type)), path, depth + 1, via);
      }
    }
  };
  walk(operation.selectionSet, [root], '', 0, new Set());
  return { operationName: operation.name?.value ?? null, fields: out };
}
