/** Catalogue entries of the platform's structural types, shared by every subgraph that declares them. */
import { defineCatalogue } from '../../auth';

export const STRUCTURAL_CATALOGUE = defineCatalogue('data-bureau', {
  PageInfo: {
    description: 'Pagination state of a connection; says nothing about any record.',
    fields: {
      hasNextPage: { sharing: 'UNCONDITIONAL', open: true },
      hasPreviousPage: { sharing: 'UNCONDITIONAL', open: true },
      startCursor: { sharing: 'UNCONDITIONAL', open: true },
      endCursor: { sharing: 'UNCONDITIONAL', open: true },
    },
  },
});

/**
 * Entries for a Relay connection and its edge type: structure only, open to anyone who can query the list,
 * since the rows in it are already those the caller may see and each node's fields are judged on their own.
 */
export function connectionCatalogue(owner: string, node: string) {
  return defineCatalogue(owner, {
    [`${node}Connection`]: { fields: { edges: { sharing: 'UNCONDITIONAL', open: true }, pageInfo: { sharing: 'UNCONDITIONAL', open: true }, totalCount: { sharing: 'UNCONDITIONAL', open: true } } },
    [`${node}Edge`]: { fields: { cursor: { sharing: 'UNCONDITIONAL', open: true }, node: { sharing: 'UNCONDITIONAL', open: true } } },
  });
}
