import { PUBLIC_PRINCIPAL, isRecognisedGovernment, principalKey } from '../../../auth';
import type { Principal } from '../../../auth';

function setup() {
  const officer: Principal = { kind: 'government', sub: 'u1', dept: 'housing', roles: ['officer', 'analyst'], region: '460200', client: 'app', purpose: null };
  return { officer };
}

describe(PUBLIC_PRINCIPAL.name, () => {
  it('returns a frozen principal without department, roles or region', () => {
    const p = PUBLIC_PRINCIPAL();
    expect(p).toEqual({ kind: 'public', sub: 'public', dept: null, roles: [], region: null, client: null, purpose: null });
    expect(Object.isFrozen(p)).toBe(true);
    expect(PUBLIC_PRINCIPAL()).not.toBe(p);
  });
});

describe(principalKey.name, () => {
  it('returns the same key whatever the role order, duplicates or client', () => {
    const { officer } = setup();
    expect(principalKey({ ...officer, roles: ['analyst', 'officer', 'analyst'], client: 'other' })).toBe(principalKey(officer));
  });

  it('returns different keys when a decision-relevant attribute differs', () => {
    const { officer } = setup();
    const key = principalKey(officer);
    for (const change of [{ region: '460100' }, { purpose: 'x' }, { dept: 'health' }, { roles: ['officer'] }, { sub: 'u2' }, { kind: 'public' as const }]) {
      expect(principalKey({ ...officer, ...change })).not.toBe(key);
    }
  });

  it('returns keys that separators inside values cannot forge', () => {
    const { officer } = setup();
    expect(principalKey({ ...officer, sub: 'a","b' })).not.toBe(principalKey({ ...officer, sub: 'a', dept: 'b' }));
  });
});

describe(isRecognisedGovernment.name, () => {
  it('returns true only for a known department with a known role', () => {
    const { officer } = setup();
    expect(isRecognisedGovernment(officer)).toBe(true);
    expect(isRecognisedGovernment({ ...officer, dept: 'tourism' })).toBe(false);
    expect(isRecognisedGovernment({ ...officer, roles: ['janitor'] })).toBe(false);
    expect(isRecognisedGovernment(PUBLIC_PRINCIPAL())).toBe(false);
  });
});
