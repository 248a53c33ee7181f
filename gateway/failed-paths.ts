/**
 * Where a failed subgraph fetch leaves holes in the response: the paths, in the subgraph operation, of the
 * fields it was asked for. Root fields are `[responseKey]`; entity fields are `['_entities', i, responseKey]`,
 * which the gateway maps onto each entity's place in the response (as it does for a subgraph's own errors). So a
 * caller sees `null` with an error exactly where the missing domain's data would have been, and every other
 * domain's data beside it.
 */
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

export type ResponsePath = (string | number)[];

/** At most this many paths per failed fetch: a page of 500 entities must not become thousands of errors. */
export const MAX_FAILED_PATHS = 100;

function responseKeys(selectionSet: SelectionSetNode, into: Set<string>): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (key !== '__typename') into.add(key);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      responseKeys(selection.selectionSet, into);
    }
  }
  return into;
}

/** The paths of the fields a subgraph operation asks for (entities: per representation). */
export function failedPaths(document: DocumentNode | undefined, variables: Record<string, unknown> | undefined): ResponsePath[] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const paths: ResponsePath[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (key === '_entities' && selection.selectionSet) {
      const fields = [...responseKeys(selection.selectionSet, new Set())];
      const count = Array.isArray(variables?.representations) ? variables.representations.length : 0;
      for (let i = 0; i < count && paths.length < MAX_FAILED_PATHS; i += 1) {
        for (const field of fields) if (paths.length < MAX_FAILED_PATHS) paths.push(['_entities', i, field]);
      }
    } else if (key !== '__typename' && paths.length < MAX_FAILED_PATHS) {
      paths.push([key]);
    }
  }
  return paths;
}
