/**
 * Every target's answer must be the same as our gateway's before any target is timed: the same data (object keys
 * in any order, lists in the same order, numbers equal) and no errors on either side. A difference names the
 * first path where the answers part, so a peer that plans or forwards differently is caught before its numbers
 * are believed.
 */

export interface GraphQLAnswer {
  data?: unknown;
  errors?: readonly { message?: string; path?: readonly (string | number)[] }[];
}

/** Where `a` and `b` first differ (a JSON path such as `$.persons.edges[3].node.name`), or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${path} (length ${a.length} vs ${other.length})`;
    for (let i = 0; i < a.length; i += 1) {
      const d = firstDifference(a[i], other[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of [...keys].sort()) {
    if (!(key in left) || !(key in right)) return `${path}.${key} (missing on one side)`;
    const d = firstDifference(left[key], right[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

/**
 * Throws unless `answer` (from `target`) carries the same data as `reference` and neither has errors.
 * `reference` must itself have data: a scenario that fails on our gateway is a broken scenario.
 */
export function assertSameAnswer(target: string, reference: GraphQLAnswer, answer: GraphQLAnswer): void {
  // Each distinct error once (a peer refusing a field of a list repeats it for every item).
  const errorsOf = (a: GraphQLAnswer) => [...new Set((a.errors ?? []).map((e) => `${e.message}${e.path ? ` at ${e.path.join('.')}` : ''}`))].join('; ');
  if (reference.errors?.length || reference.data == null) throw new Error(`The reference answer has errors or no data: ${errorsOf(reference) || 'no data'}.`);
  if (answer.errors?.length) throw new Error(`${target} answered with errors: ${errorsOf(answer)}.`);
  const difference = firstDifference(reference.data, answer.data);
  if (difference) throw new Error(`${target} answered differently from our gateway at ${difference}.`);
}

/**
 * Two versions of our own gateway (today's and BENCH_BASELINE's) must answer byte for byte the same: the `data` of
 * each answer serialised as it came (key order included). Throws naming the first differing path, or saying that
 * only the bytes (key order) differ; errors on either side fail as in `assertSameAnswer`.
 */
export function assertSameBytes(target: string, referenceText: string, answerText: string): void {
  const parse = (text: string): GraphQLAnswer => {
    try {
      return JSON.parse(text) as GraphQLAnswer;
    } catch {
      return { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
  };
  const reference = parse(referenceText);
  const answer = parse(answerText);
  assertSameAnswer(target, reference, answer);
  const a = JSON.stringify(reference.data);
  const b = JSON.stringify(answer.data);
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at += 1;
    throw new Error(`${target} answered the same data in other bytes (key order) from byte ${at}: ${JSON.stringify(a.slice(at, at + 60))} vs ${JSON.stringify(b.slice(at, at + 60))}.`);
  }
}
