import { assertSameAnswer, assertSameBytes, firstDifference } from '../../bench/gateways/answers';
import { wavesOf } from '../../bench/gateways/floor-plan';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { withoutComputedFields, withSubgraphUrls } from '../../bench/gateways/targets';

describe(assertSameAnswer.name, () => {
  const reference = { data: { persons: { edges: [{ node: { id: 'P1', name: '张三', credit: { rating: 'A' } } }] } } };

  it('accepts the same data with keys in another order', () => {
    expect(() => assertSameAnswer('peer', reference, { data: { persons: { edges: [{ node: { credit: { rating: 'A' }, name: '张三', id: 'P1' } }] } } })).not.toThrow();
  });

  it('names the first path where the answers part', () => {
    const other = { data: { persons: { edges: [{ node: { id: 'P1', name: '李四', credit: { rating: 'A' } } }] } } };
    expect(() => assertSameAnswer('peer', reference, other)).toThrow('peer answered differently from our gateway at $.persons.edges[0].node.name.');
    expect(firstDifference([1, 2], [1])).toBe('$ (length 2 vs 1)');
    expect(firstDifference({ a: null }, { a: 0 })).toBe('$.a');
    expect(firstDifference({ a: 1 }, {})).toBe('$.a (missing on one side)');
  });

  it('refuses an answer with errors, and a reference without data', () => {
    expect(() => assertSameAnswer('peer', reference, { data: reference.data, errors: [{ message: 'Access denied', path: ['persons'] }] })).toThrow('peer answered with errors: Access denied at persons.');
    expect(() => assertSameAnswer('peer', { errors: [{ message: 'boom' }] }, reference)).toThrow(/reference answer/);
    const repeated = { errors: [{ message: 'Cannot query field "x" on type "Region".' }, { message: 'Cannot query field "x" on type "Region".' }] };
    expect(() => assertSameAnswer('peer', reference, repeated)).toThrow(/^peer answered with errors: Cannot query field "x" on type "Region"\.\.$/);
  });
});

describe(wavesOf.name, () => {
  it('groups requests that ran side by side, in the order they started', () => {
    const call = (url: string, start: number, end: number) => ({ url, body: url, start, end });
    expect(wavesOf([call('b', 11, 20), call('a', 0, 10), call('c', 12, 18), call('d', 21, 30)]).map((w) => w.map((r) => r.url))).toEqual([['a'], ['b', 'c'], ['d']]);
  });
});

describe(withSubgraphUrls.name, () => {
  it("points each join__graph at this run's subgraph", () => {
    const sdl = '  POPULATION @join__graph(name: "population", url: "http://127.0.0.1:4001/graphql")\n  OTHER @join__graph(name: "other", url: "http://x")';
    expect(withSubgraphUrls(sdl, { population: 'http://127.0.0.1:5555/graphql' })).toBe('  POPULATION @join__graph(name: "population", url: "http://127.0.0.1:5555/graphql")\n  OTHER @join__graph(name: "other", url: "http://x")');
  });
});

describe(withoutComputedFields.name, () => {
  const supergraph = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

  it('leaves out exactly the fields a subgraph computes with @requires, and keeps what they require', () => {
    const { sdl, removed } = withoutComputedFields(supergraph);
    expect(removed.sort()).toEqual(['Region.enrolmentRate', 'Region.enterprisesPerThousandResidents', 'Region.floorAreaPerResident']);
    const region = (parse(sdl).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Region') as ObjectTypeDefinitionNode).fields!.map((f) => f.name.value);
    expect(region).toEqual(expect.arrayContaining(['residents', 'schoolAgeChildren', 'vaccinationCoverage']));
    expect(region).not.toContain('enrolmentRate');
    expect(sdl).not.toMatch(/requires: "/);
    // Every other type is still there.
    expect(parse(sdl).definitions.length).toBe(parse(supergraph).definitions.length);
  });
});

describe(assertSameBytes.name, () => {
  const reference = '{"data":{"person":{"id":"P1","name":"张三"}}}';
  it('accepts the same bytes of data, whatever else the answers carry', () => {
    expect(() => assertSameBytes('baseline', reference, '{"data":{"person":{"id":"P1","name":"张三"}},"extensions":{"x":1}}')).not.toThrow();
  });
  it('refuses other data, and the same data in another key order', () => {
    expect(() => assertSameBytes('baseline', reference, '{"data":{"person":{"id":"P1","name":"李四"}}}')).toThrow('baseline answered differently from our gateway at $.person.name.');
    expect(() => assertSameBytes('baseline', reference, '{"data":{"person":{"name":"张三","id":"P1"}}}')).toThrow(/same data in other bytes \(key order\) from byte 12/);
    expect(() => assertSameBytes('baseline', reference, 'Bad gateway')).toThrow(/answered with errors: not JSON/);
  });
});
