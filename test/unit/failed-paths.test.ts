/** Where a failed subgraph fetch leaves its errors: at the paths of the fields it was to fill. */
import { parse } from 'graphql';
import { failedPaths, MAX_FAILED_PATHS } from '../../gateway/failed-paths';

describe(failedPaths.name, () => {
  it('returns each root field by its response key', () => {
    expect(failedPaths(parse('query Q__geo__0 { regionAt(lon: 1, lat: 2) { code } r: region(code: "460000") { name } __typename }'), {})).toEqual([['regionAt'], ['r']]);
  });

  it('returns each entity field per representation, through inline fragments', () => {
    const doc = parse('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { __typename residence { place { id } } home: residence { region { code } } } } }');
    expect(failedPaths(doc, { representations: [{}, {}] })).toEqual([
      ['_entities', 0, 'residence'],
      ['_entities', 0, 'home'],
      ['_entities', 1, 'residence'],
      ['_entities', 1, 'home'],
    ]);
  });

  it(`returns at most ${MAX_FAILED_PATHS} paths`, () => {
    const doc = parse('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { residence { place { id } } } } }');
    expect(failedPaths(doc, { representations: Array.from({ length: 500 }, () => ({})) })).toHaveLength(MAX_FAILED_PATHS);
  });

  it('returns no path without an operation', () => {
    expect(failedPaths(undefined, undefined)).toEqual([]);
  });
});
