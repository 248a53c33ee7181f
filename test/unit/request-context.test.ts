/**
 * The request context's EntityManager: forked only when a resolver asks for it, once per request, and the same one
 * in the per-operation copy Apollo Server makes of the context (`Object.assign(Object.create(prototype), context)`).
 */
import { withRequestEntityManager } from '../../subgraphs/kit/context';
import type { RequestContext } from '../../subgraphs/kit/subgraph';

function request() {
  let forks = 0;
  const data = {
    get em() {
      forks += 1;
      return { fork: forks } as never;
    },
  };
  const ctx = withRequestEntityManager({ domain: 'population', requestId: 'r1', data } as unknown as Omit<RequestContext<unknown>, 'em'>);
  return { ctx, forks: () => forks };
}

/** What Apollo Server does to the context before each operation (utils/cloneObject). */
const apolloCopy = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context) as object), context) as T;

describe(withRequestEntityManager.name, () => {
  it("forks nothing until the EntityManager is read, not even in Apollo Server's copy", () => {
    const { ctx, forks } = request();
    const copy = apolloCopy(ctx);
    expect(forks()).toBe(0);
    expect(copy.requestId).toBe('r1');
  });

  it('returns one fork per request, shared by the context and its copy', () => {
    const { ctx, forks } = request();
    const copy = apolloCopy(ctx);
    const first = copy.em;
    expect(copy.em).toBe(first);
    expect(ctx.em).toBe(first);
    expect(forks()).toBe(1);
  });

  it('returns the EntityManager a write swapped in, to every reader of the request', () => {
    const { ctx } = request();
    const copy = apolloCopy(ctx);
    const writing = { writing: true } as never;
    copy.em = writing;
    expect(ctx.em).toBe(writing);
    expect(copy.em).toBe(writing);
  });

  it("keeps two requests' forks apart", () => {
    const a = request();
    const b = request();
    a.ctx.em = { a: true } as never;
    expect(b.ctx.em).not.toBe(a.ctx.em);
  });
});
