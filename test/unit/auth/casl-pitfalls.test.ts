// The CASL behaviours the design works around, each shown on raw CASL and on our API.
import { createMongoAbility, subject } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import { buildAbility, defineCatalogue, field, fieldDecision, parseConditions, PolicyError, rowFilter } from '../../../auth';
import type { Principal, RolePolicy } from '../../../auth';
import { NOW, haikouPerson, principals, sampleCatalogue, sampleGrants, samplePolicies, sanyaPerson } from './fixtures';

function setup(policies: RolePolicy[] = samplePolicies()) {
  const catalogue = sampleCatalogue();
  const abilityFor = (principal: Principal) => buildAbility({ principal, catalogue, policies, grants: sampleGrants(), now: NOW });
  return { catalogue, abilityFor };
}

describe('can() against a type name', () => {
  it('returns true in raw CASL for a field only some records open, so we decide per record', () => {
    const { abilityFor } = setup();
    const ability = abilityFor(principals.housingOfficer);
    expect(ability.casl.can('read', 'Person', 'address')).toBe(true); // CASL: "some Person might be readable"
    expect(fieldDecision(ability, 'Person', 'address')).toBe('DENIED'); // ours: not for every record
    expect(fieldDecision(ability, 'Person', 'address', sanyaPerson)).toBe('FULL');
    expect(fieldDecision(ability, 'Person', 'address', haikouPerson)).toBe('DENIED');
  });

  it('returns answers without tagging the record, so frozen and shared objects work', () => {
    const { abilityFor } = setup();
    const ability = abilityFor(principals.housingOfficer);
    expect(() => subject('Person', haikouPerson)).toThrow(TypeError); // subject() defines a property on the record
    expect(fieldDecision(ability, 'Person', 'address', haikouPerson)).toBe('DENIED');
    const shared = { ...sanyaPerson };
    fieldDecision(ability, 'Person', 'address', shared);
    expect(Object.getOwnPropertyNames(shared)).not.toContain('__caslSubjectType__');
  });
});

describe('CASL mongo matcher and compound operators', () => {
  it('returns false for $or in raw CASL 7 (read as a field name), so an inverted $or rule would never forbid', () => {
    const raw = createMongoAbility([
      { action: 'read', subject: 'Person' },
      { action: 'read', subject: 'Person', inverted: true, conditions: { $or: [{ cityCode: '460200' }, { regionCode: '460106' }] } },
    ]);
    expect(raw.can('read', subject('Person', { ...sanyaPerson }))).toBe(true); // the restriction silently does nothing
  });

  it('returns DENIED for records matching an inverted $or policy', () => {
    const policies: RolePolicy[] = [
      {
        id: 'no-two-areas',
        dept: 'public-security',
        role: 'officer',
        rules: [{ inverted: true, action: 'read', subject: 'Person', conditions: { $or: [{ cityCode: '460200' }, { regionCode: '460106' }] } }],
      },
    ];
    const ability = setup(policies).abilityFor(principals.police);
    expect(fieldDecision(ability, 'Person', 'name', sanyaPerson)).toBe('DENIED');
    expect(fieldDecision(ability, 'Person', 'name', haikouPerson)).toBe('DENIED');
    expect(fieldDecision(ability, 'Person', 'name', { ...haikouPerson, regionCode: '460105' })).toBe('FULL');
  });
});

describe('rulesToCondition and fields (casl#957)', () => {
  it('returns an unfiltered query from raw rulesToCondition although the field is region-limited', () => {
    const { abilityFor } = setup();
    const ability = abilityFor(principals.housingOfficer);
    const raw = rulesToCondition(ability.casl.rulesFor('read', 'Person'), () => ({}), { and: () => 'and', or: () => 'or', empty: () => 'everything' });
    expect(raw).toBe('everything'); // because Person.name is UNCONDITIONAL; `fields` was ignored
    expect(rowFilter(ability, 'read', 'Person')).toEqual({ kind: 'all' });
    expect(rowFilter(ability, 'read', 'Person', undefined, { fields: ['address'] })).toEqual({ kind: 'where', where: { cityCode: '460200' } });
  });
});

describe('fields combined with conditions (casl#743, casl#1044)', () => {
  function witnessSetup() {
    const catalogue = defineCatalogue('public-security', {
      Witness: {
        fields: {
          name: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', mask: 'name' }),
          phone: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', mask: 'phone' }),
          protectedWitness: 'UNCONDITIONAL',
        },
      },
    });
    const policies: RolePolicy[] = [
      {
        id: 'witness-protection',
        dept: '*',
        role: 'officer',
        rules: [{ inverted: true, action: ['read', 'readMasked'], subject: 'Witness', fields: ['phone'], conditions: { protectedWitness: true } }],
      },
    ];
    const ability = buildAbility({ principal: principals.housingOfficer, catalogue, policies, grants: [], now: NOW });
    return { ability };
  }

  it('returns true from a field-less raw check although a field rule forbids that record', () => {
    const { ability } = witnessSetup();
    expect(ability.casl.can('read', subject('Witness', { name: 'x', phone: '1', protectedWitness: true }))).toBe(true);
  });

  it('returns DENIED only for the restricted field of matching records', () => {
    const { ability } = witnessSetup();
    const protectedOne = { name: '王五', phone: '13900000000', protectedWitness: true };
    const ordinary = { ...protectedOne, protectedWitness: false };
    expect(fieldDecision(ability, 'Witness', 'phone', protectedOne)).toBe('DENIED');
    expect(fieldDecision(ability, 'Witness', 'name', protectedOne)).toBe('FULL');
    expect(fieldDecision(ability, 'Witness', 'phone', ordinary)).toBe('FULL');
    expect(fieldDecision(ability, 'Witness', 'phone')).toBe('DENIED'); // not FULL for every record
    expect(rowFilter(ability, 'read', 'Witness')).toEqual({ kind: 'all' }); // a hidden field does not hide the row
    expect(rowFilter(ability, 'read', 'Witness', undefined, { fields: ['phone'] })).toEqual({
      kind: 'where',
      where: { $not: { protectedWitness: true } },
    });
  });
});

describe(parseConditions.name, () => {
  it.each([
    ['$regex', { regionCode: { $regex: '^4601' } }, /unsupported operator \$regex/],
    ['$where', { $where: 'true' }, /unsupported operator \$where/],
    ['$exists', { phone: { $exists: true } }, /unsupported operator \$exists/],
    ['$elemMatch', { tags: { $elemMatch: { a: 1 } } }, /unsupported operator \$elemMatch/],
    ['$nor', { $nor: [{ a: 1 }] }, /unsupported operator \$nor/],
    ['a nested path', { 'address.city': 'x' }, /not a plain field name/],
    ['empty conditions (casl#684)', {}, /empty conditions/],
    ['a $like that is not a prefix', { regionCode: { $like: '%01%' } }, /not a case-free literal prefix/],
    ['a case-sensitive $like', { name: { $like: 'Zh%' } }, /not a case-free literal prefix/],
    ['array equality', { roles: ['a'] }, /use \$in/],
    ['an empty $or', { $or: [] }, /non-empty array/],
    ['null in $in', { cityCode: { $in: [null] } }, /only \$eq and \$ne/],
  ])('throws a PolicyError for %s', (_name, conditions, message) => {
    expect(() => parseConditions(conditions, 'Policy t rule 1')).toThrow(PolicyError);
    expect(() => parseConditions(conditions, 'Policy t rule 1')).toThrow(message);
  });

  it('returns an AST for every supported operator', () => {
    const ast = parseConditions(
      { a: 1, b: { $ne: null, $in: ['x'], $nin: [2], $lt: 3, $lte: 4, $gt: 5, $gte: 6, $like: '46%' }, $or: [{ c: true }], $not: { d: { $not: { $eq: 'e' } } } },
      'Policy t rule 1',
    );
    expect(ast.op).toBe('and');
  });
});
