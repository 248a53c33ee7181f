/**
 * `_entities` hands each subgraph a representation the caller wrote. No `__resolveReference` may return it as the
 * record: rules would be judged on the caller's values (a forged region code, forged @requires inputs).
 */
import { isObjectType } from 'graphql';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { subgraphSchema } from '../../subgraphs/kit/server';

/** A context whose loaders find nothing: enough to see what a resolver builds from the representation alone. */
const context = { loaders: new Proxy({}, { get: () => ({ load: async () => null, loadMany: async () => [] }) }) };

describe('__resolveReference of every entity of every subgraph', () => {
  const cases = Object.entries(SUBGRAPHS).flatMap(([domain, definition]) => {
    const schema = subgraphSchema(definition as never, { production: false, enforce: true });
    return Object.values(schema.getTypeMap()).flatMap((type) => {
      const resolve = (type.extensions as { apollo?: { subgraph?: { resolveReference?: (...args: unknown[]) => unknown } } }).apollo?.subgraph?.resolveReference;
      return isObjectType(type) && resolve ? [{ domain, type: type.name, resolve }] : [];
    });
  });

  it('covers the entities the subgraphs extend (otherwise this tests nothing)', () => {
    expect(cases.filter((c) => c.type === 'Region').length).toBeGreaterThanOrEqual(6);
    expect(cases.filter((c) => c.type === 'Person').length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases)('never returns the representation itself: $type in $domain', async ({ resolve }) => {
    const representation = { __typename: 'X', id: 'P0000000000000000', code: '460105', uscc: '91460000MA5T00000X', forged: 'the caller wrote this', regionCode: '460105' };
    const result = (await resolve(representation, context, {})) as Record<string, unknown> | null;
    expect(result).not.toBe(representation);
    if (result !== null) expect(result).not.toHaveProperty('forged');
  });
});
