/** What leaves a service when something fails inside it: a code and a safe message, never SQL or a stack. */
import { GraphQLError } from 'graphql';
import { PolicyError } from '../../auth';
import { ErrorCode, formatError, isDatabaseUnavailable } from '../../subgraphs/kit/errors';

const format = (original: Error) => {
  const error = new GraphQLError(original.message, { path: ['region'], originalError: original });
  return formatError({ message: error.message, path: ['region'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x (y.ts:1:1)'] } }, error);
};

describe(isDatabaseUnavailable.name, () => {
  it('returns true for refused, reset and terminated connections and pool timeouts, however deeply wrapped', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { name: 'KnexTimeoutError' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: new Error('Connection terminated unexpectedly') }))).toBe(true);
  });

  it('returns true for a bare error object that graphql wrapped as NonErrorThrown (a pool rejecting with driver fields)', () => {
    const nonError = Object.assign(new Error('Unexpected error value'), { name: 'NonErrorThrown', thrownValue: { errno: -111, code: 'ECONNREFUSED', syscall: 'connect' } });
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: nonError }))).toBe(true);
  });

  it('returns false for a statement the database refused', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('select * from "person" - relation does not exist'), { code: '42P01' }))).toBe(false);
  });
});

describe(formatError.name, () => {
  it('returns SERVICE_UNAVAILABLE with a plain sentence when the database is unreachable', () => {
    const out = format(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432 select 1'), { code: 'ECONNREFUSED' }));
    expect(out).toEqual({ message: 'The service is unavailable: its database does not answer; try again in a moment.', path: ['region'], locations: undefined, extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('returns a generic internal error without SQL, stack or table names for anything unexpected', () => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = format(Object.assign(new Error('insert into "geospatial"."region" ... violates constraint'), { code: '23505' }));
    spy.mockRestore();
    expect(out).toEqual({ message: 'Internal server error.', path: ['region'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('formatError of a policy that cannot be applied', () => {
  it('returns BAD_POLICY with the policy error message, not a masked internal error', () => {
    const policyError = new PolicyError('Grant G1 is limited to region 460100, but Loan has no region field in the catalogue.');
    const out = formatError({ message: policyError.message, path: ['loans'], extensions: { ...policyError.extensions, stacktrace: ['at x (y.ts:1:1)'] } }, policyError);
    expect(out).toEqual({ message: policyError.message, path: ['loans'], extensions: { code: 'BAD_POLICY' } });
  });

  it('keeps every code of the one table, and masks any other', () => {
    for (const code of Object.values(ErrorCode).filter((c) => c !== ErrorCode.Internal)) {
      expect(formatError({ message: 'm', extensions: { code } }, new Error('m')).extensions?.code).toBe(code);
    }
    expect(formatError({ message: 'select * from person', extensions: { code: 'SOMETHING_ELSE' } }, new Error('x')).message).toBe('Internal server error.');
  });
});
