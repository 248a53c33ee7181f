import { subject } from '@casl/ability';
import { buildAbility, conditionFields, explainField, fieldDecision } from '../../../auth';
import type { Principal } from '../../../auth';
import { NOW, haikouPerson, principals, sampleCatalogue, sampleGrants, samplePolicies, sanyaPerson } from './fixtures';

function setup() {
  const catalogue = sampleCatalogue();
  const policies = samplePolicies();
  const grants = sampleGrants();
  const abilityFor = (principal: Principal) => buildAbility({ principal, catalogue, policies, grants, now: NOW });
  return { catalogue, abilityFor };
}

describe(explainField.name, () => {
  it('returns the catalogue default that allowed a field', () => {
    const { abilityFor } = setup();
    const e = explainField(abilityFor(principals.police), 'Person', 'ethnicity', haikouPerson);
    expect(e).toMatchObject({ decision: 'FULL', action: 'read', source: { kind: 'catalogue', id: 'Person.ethnicity' } });
    expect(e.reason).toBe("catalogue: Person.ethnicity belongs to public-security, the caller's department");
  });

  it('returns the UNCONDITIONAL and OPEN catalogue reasons', () => {
    const { abilityFor } = setup();
    expect(explainField(abilityFor(principals.housingOfficer), 'Person', 'name').reason).toBe('catalogue: Person.name is UNCONDITIONAL data of public-security');
    expect(explainField(abilityFor(principals.public), 'CreditProfile', 'onDishonestList').reason).toBe('catalogue: CreditProfile.onDishonestList is OPEN data of credit');
  });

  it('returns the policy that refused a record', () => {
    const { abilityFor } = setup();
    const e = explainField(abilityFor(principals.police), 'Person', 'name', sanyaPerson);
    expect(e).toMatchObject({ decision: 'DENIED', action: null, source: { kind: 'policy', id: 'v3' }, dependsOnRecord: true });
    expect(e.reason).toBe('policy v3: police of a city read persons of that city only');
  });

  it('returns the grant that allowed a field', () => {
    const { abilityFor } = setup();
    const e = explainField(abilityFor(principals.housingOfficerWithPurpose), 'Person', 'idNumber', sanyaPerson);
    expect(e).toMatchObject({ decision: 'FULL', source: { kind: 'grant', id: 'G12' } });
    expect(e.reason).toBe('grant G12 for purpose housing-subsidy-review in region 460200');
  });

  it('returns both the masked permission and the rule that refused full reading', () => {
    const { abilityFor } = setup();
    const e = explainField(abilityFor(principals.healthAnalyst), 'Person', 'name', haikouPerson);
    expect(e.decision).toBe('MASKED');
    expect(e.action).toBe('readMasked');
    expect(e.reason).toBe('policy analysts-masked: analysts work on masked identifiers');
    expect(e.readRefusedBy?.reason).toBe('policy analysts-masked: analysts never see names in full');
  });

  it('returns the NOT_SHARED cap as the reason even when a policy allows a masked view', () => {
    const { abilityFor } = setup();
    const e = explainField(abilityFor(principals.securityOfficer), 'Person', 'ethnicity', haikouPerson);
    expect(e.decision).toBe('DENIED');
    expect(e.reason).toBe('catalogue: Person.ethnicity is NOT_SHARED data of public-security');
  });

  it('returns deny-by-default when no rule matches', () => {
    const { abilityFor } = setup();
    const e = explainField(abilityFor(principals.housingOfficer), 'Person', 'idNumber', sanyaPerson);
    expect(e).toMatchObject({ decision: 'DENIED', source: null });
    expect(e.reason).toBe('no rule allows reading Person.idNumber: denied by default');
  });

  it('returns the same rule as CASL relevantRuleFor on a tagged copy of the record', () => {
    const { abilityFor } = setup();
    for (const who of Object.keys(principals) as (keyof typeof principals)[]) {
      const ability = abilityFor(principals[who]);
      for (const record of [haikouPerson, sanyaPerson]) {
        for (const field of Object.keys(record)) {
          const e = explainField(ability, 'Person', field, record);
          const rule = ability.casl.relevantRuleFor('read', subject('Person', { ...record }), field);
          if (e.decision === 'FULL') expect(e.reason).toBe(rule?.reason);
          else expect(rule === null || rule.inverted).toBe(true);
        }
      }
    }
  });
});

describe(conditionFields.name, () => {
  it('returns the fields a record must carry for record-level decisions', () => {
    const { abilityFor } = setup();
    expect(conditionFields(abilityFor(principals.housingOfficerWithPurpose), 'Person')).toEqual(['cityCode', 'regionCode']);
    expect(conditionFields(abilityFor(principals.healthAnalyst), 'Person')).toEqual([]);
  });
});

describe('per-check cost', () => {
  it('returns decisions fast enough to run on every field (timings printed, not asserted)', () => {
    const { catalogue, abilityFor } = setup();
    const builds = 2000;
    let t = process.hrtime.bigint();
    for (let i = 0; i < builds; i++) abilityFor(principals.housingOfficerWithPurpose);
    const buildUs = Number(process.hrtime.bigint() - t) / builds / 1000;

    const ability = abilityFor(principals.housingOfficerWithPurpose);
    const fields = Object.keys(catalogue.Person?.fields ?? {});
    const n = 1_000_000;
    let sink = 0;
    for (const f of fields) fieldDecision(ability, 'Person', f, sanyaPerson); // warm the cache
    t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (fieldDecision(ability, 'Person', 'name', sanyaPerson) === 'FULL') sink++;
    const staticNs = Number(process.hrtime.bigint() - t) / n;
    t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (fieldDecision(ability, 'Person', 'address', i & 1 ? sanyaPerson : haikouPerson) === 'FULL') sink++;
    const conditionalNs = Number(process.hrtime.bigint() - t) / n;
    t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (ability.casl.can('read', 'Person', 'name')) sink++;
    const caslNs = Number(process.hrtime.bigint() - t) / n;

    process.stdout.write(
      `\n[auth cost] buildAbility ${buildUs.toFixed(1)} µs; fieldDecision without conditions ${staticNs.toFixed(1)} ns; ` +
        `with a conditional rule ${conditionalNs.toFixed(1)} ns; raw casl.can on a type ${caslNs.toFixed(1)} ns\n`,
    );
    expect(sink).toBeGreaterThan(0);
  });
});
