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
  // Statistics' value types: structure only. What goes into them is decided by the `aggregate` permission and
  // disclosure control (subgraphs/kit/statistics/), before any number is put there.
  StatisticsTable: {
    description: 'A table of counts after disclosure control.',
    fields: Object.fromEntries(['statistic', 'unit', 'dimensions', 'measures', 'k', 'asOf', 'cells'].map((f) => [f, { sharing: 'UNCONDITIONAL', open: true }])),
  },
  StatisticsCell: {
    description: 'One cell of a statistics table: published (perturbed) or withheld.',
    fields: Object.fromEntries(['keys', 'value', 'measures', 'suppressed', 'suppression'].map((f) => [f, { sharing: 'UNCONDITIONAL', open: true }])),
  },
  StatisticsValue: {
    description: 'One indicator value after disclosure control.',
    fields: Object.fromEntries(['value', 'suppressed', 'suppression', 'asOf'].map((f) => [f, { sharing: 'UNCONDITIONAL', open: true }])),
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
