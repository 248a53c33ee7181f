import { GraphQLError } from 'graphql';
import { AuthenticationError, ErrorCode, PolicyError, badPolicyError, forbiddenError, unauthenticatedError } from '../../../auth';
import { sampleCatalogue } from './fixtures';

function setup() {
  const catalogue = sampleCatalogue();
  const entry = (type: string, field: string) => catalogue[type]?.fields[field];
  return { entry };
}

describe(forbiddenError.name, () => {
  it('returns a FORBIDDEN error saying how to request CONDITIONAL data', () => {
    const { entry } = setup();
    const error = forbiddenError('Person', 'idNumber', entry('Person', 'idNumber'));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe(
      'Access to Person.idNumber is denied: it is CONDITIONAL data of public-security; request a sharing grant from public-security through the governance service.',
    );
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', type: 'Person', field: 'idNumber', sharing: 'CONDITIONAL', owner: 'public-security' });
  });

  it('returns a message for NOT_SHARED data naming its only reader', () => {
    const { entry } = setup();
    expect(forbiddenError('Person', 'ethnicity', entry('Person', 'ethnicity')).message).toBe(
      'Access to Person.ethnicity is denied: it is NOT_SHARED data of public-security and is available to public-security only.',
    );
  });

  it('returns advice to sign in for public callers and to review the policy for government callers', () => {
    const { entry } = setup();
    expect(forbiddenError('Person', 'name', entry('Person', 'name'), { authenticated: false }).message).toMatch(/sign in with a government account\.$/);
    expect(forbiddenError('Person', 'name', entry('Person', 'name')).message).toMatch(/review your role's policy\.$/);
  });

  it('returns a message for uncatalogued fields', () => {
    expect(forbiddenError('Person', 'secret', undefined).message).toBe('Access to Person.secret is denied: it is not listed in the resource catalogue, so nobody may read it.');
  });
});

describe(unauthenticatedError.name, () => {
  it('returns an AuthenticationError with code UNAUTHENTICATED', () => {
    const error = unauthenticatedError('The token has expired.');
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.reason).toBe('The token has expired.');
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe(badPolicyError.name, () => {
  it('returns a PolicyError with code BAD_POLICY', () => {
    const error = badPolicyError('Policy x is broken.');
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.extensions.code).toBe('BAD_POLICY');
  });
});
