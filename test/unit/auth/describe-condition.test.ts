/** Row conditions in words, for the permission matrix and "who can see this?". */
import { buildAbility, describeCondition, describeRuleCondition, fieldDecisionInScope, fieldDecision, mayAggregate, testPrincipal } from '../../../auth';
import { PROVINCE_POLICY } from '../../../auth/province-policy';
import { PLATFORM_CATALOGUE } from '../../../subgraphs/platform-catalogue';

describe('describeCondition', () => {
  it.each([
    [{ hukouRegionCode: { $like: '${principal.regionPrefix}%' } }, "hukouRegionCode is in the caller's own region"],
    [{ regionCode: '${principal.region}' }, "regionCode is the caller's region code"],
    [{ $or: [{ requesterDept: '${principal.dept}' }, { ownerDept: '${principal.dept}' }] }, "requesterDept is the caller's department or ownerDept is the caller's department"],
    [{ createdBy: '${principal.sub}' }, 'createdBy is the caller'],
    [{ state: { $in: ['OPEN', 'PENDING'] } }, 'state is one of "OPEN", "PENDING"'],
    [{ state: { $nin: ['CLOSED'] } }, 'state is none of "CLOSED"'],
    [{ age: { $gte: 18, $lt: 65 } }, 'age is at least 18 and age is below 65'],
    [{ deathDate: null }, 'deathDate is empty'],
    [{ deathDate: { $ne: null } }, 'deathDate is not empty'],
    [{ code: { $like: '4601%' } }, 'code starts with "4601"'],
    [{ $not: { floating: true } }, 'not (floating is true)'],
    [{ $and: [{ a: 1 }, { $or: [{ b: 2 }, { c: 3 }] }] }, 'a is 1 and (b is 2 or c is 3)'],
  ])('%j reads "%s"', (condition, text) => {
    expect(describeCondition(condition)).toBe(text);
  });

  it('shows a shape it does not know as its JSON', () => {
    expect(describeCondition({ a: { $regex: 'x' } })).toBe('{"a":{"$regex":"x"}}');
    expect(describeCondition('nonsense')).toBe('"nonsense"');
    expect(describeCondition({ $where: 'true' })).toBe('{"$where":"true"}');
  });

  it('reads a restriction as the scope it leaves', () => {
    const police = PROVINCE_POLICY.find((p) => p.id === 'police-own-area')!.rules[0]!;
    expect(describeRuleCondition(police.conditions, true)).toBe("only where hukouRegionCode is in the caller's own region or addressRegionCode is in the caller's own region");
    expect(describeRuleCondition({ floating: true }, true)).toBe('except where floating is true');
    expect(describeRuleCondition({ floating: true }, false)).toBe('where floating is true');
  });
});

describe('decisions inside the row scope', () => {
  const ability = (dept: string, role: string) => buildAbility({ principal: testPrincipal({ dept, roles: [role], region: '460100', purpose: null }), catalogue: PLATFORM_CATALOGUE, policies: PROVINCE_POLICY, grants: [] });

  it('a police officer reads persons of the own area in full, though not every person', () => {
    const police = ability('public-security', 'officer');
    expect(fieldDecision(police, 'Person', 'name')).toBe('DENIED');
    expect(fieldDecisionInScope(police, 'Person', 'name')).toBe('FULL');
    expect(fieldDecisionInScope(police, 'Person', 'name')).toBe(fieldDecision(police, 'Person', 'name', { hukouRegionCode: '460105', addressRegionCode: '460105' }));
  });

  it('a statistics dashboard counts persons of its area but reads none', () => {
    const dashboard = ability('statistics', 'dashboard');
    expect(fieldDecisionInScope(dashboard, 'Person', 'name')).toBe('DENIED');
    expect(mayAggregate(dashboard, 'Person', 'name', true)).toBe(true);
    expect(mayAggregate(dashboard, 'Person', 'name', false)).toBe(false);
  });

  it('equals the record-free decision where nothing has conditions', () => {
    const analyst = ability('health', 'analyst');
    for (const field of Object.keys(PLATFORM_CATALOGUE.Person!.fields)) expect(fieldDecisionInScope(analyst, 'Person', field)).toBe(fieldDecision(analyst, 'Person', field));
  });
});
