/**
 * The health domain's pure parts: code lists and validators, the facility register, the seed's shares and
 * references, and what the catalogue lets a sharing grant open.
 */
import { GraphQLError } from 'graphql';
import { buildAbility, fieldDecision, type Grant, type Principal } from '../../auth';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { catalogue } from '../../subgraphs/health/catalogue';
import { facilityRegister } from '../../subgraphs/health/facilities';
import { inRegion } from '../../subgraphs/kit/region-codes';
import { HEALTH_ID_KEY, RECORD_PREFIX, healthRows } from '../../subgraphs/health/seed';
import {
  FACILITY_CODE,
  ICD10_CATEGORIES,
  MAX_DIAGNOSES,
  VACCINES,
  chronicCategory,
  icd10Name,
  icd10Problem,
  todayInChina,
  validAllergies,
  validChronicCondition,
  validDiagnoses,
  validDose,
  validFacilityCode,
  validPastDate,
  validPersonId,
  validVaccine,
} from '../../subgraphs/health/vocabulary';
import { regionAt } from '../../subgraphs/kit/world/geometry';
import { RESIDENCE_REGIONS, hainanAncestry } from '../../subgraphs/kit/world/hainan';
import { OPAQUE_ID_DOMAIN, opaqueIdIndex } from '../../subgraphs/kit/world/rng';
import { generateWorld, type WorldChunk } from '../../subgraphs/kit/world/world';

/** The bad-input error `fn` throws: its argument name and reason. */
function refusal(fn: () => unknown): { argument: unknown; reason: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const extensions = (error as GraphQLError).extensions;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { argument: extensions.argumentName, reason: String(extensions.reason) };
  }
  throw new Error('expected a refusal');
}

describe('ICD-10 codes', () => {
  it.each(['I10', 'E11', 'E11.9', 'J06.9', 'O80', 'A90'])('accepts %s', (code) => {
    expect(icd10Problem(code)).toBeNull();
  });

  it.each([
    ['i10', 'not an ICD-10 code'],
    ['I1O', 'not an ICD-10 code'],
    ['I100', 'not an ICD-10 code'],
    ['I10.', 'not an ICD-10 code'],
    ['E11.12', 'not an ICD-10 code'],
    [' I10', 'not an ICD-10 code'],
    ['X99', 'not on the province'],
    ['I10.1', 'no subcategories'],
  ])('refuses %s (%s)', (code, reason) => {
    expect(icd10Problem(code)).toContain(reason);
  });

  it('names a code by its category and knows the followed chronic conditions', () => {
    expect(icd10Name('E11.9')).toBe('2型糖尿病');
    expect(icd10Name('X99')).toBeNull();
    expect(chronicCategory('E11.9')).toBe('E11');
    expect(chronicCategory('J06')).toBeNull();
    expect(new Set(ICD10_CATEGORIES.map((c) => c.code)).size).toBe(ICD10_CATEGORIES.length);
  });

  it('accepts only a followed chronic condition as a filter, naming the argument', () => {
    expect(validChronicCondition('filter.chronicCondition', 'N18')).toBe('N18');
    expect(refusal(() => validChronicCondition('filter.chronicCondition', 'J06'))).toMatchObject({ argument: 'filter.chronicCondition', reason: expect.stringContaining('I10, E11, J44, I25, N18') });
    expect(refusal(() => validChronicCondition('filter.chronicCondition', 'E11.9')).reason).toContain('chronic conditions');
  });

  it('takes 1 to 10 distinct diagnoses and names the one that is wrong', () => {
    expect(validDiagnoses('d', ['J18', 'I10'])).toEqual(['J18', 'I10']);
    expect(refusal(() => validDiagnoses('d', []))).toMatchObject({ argument: 'd' });
    expect(refusal(() => validDiagnoses('d', Array.from({ length: MAX_DIAGNOSES + 1 }, () => 'J06')))).toMatchObject({ argument: 'd', reason: expect.stringContaining('at most') });
    expect(refusal(() => validDiagnoses('d', ['J06', 'J18', 'J1']))).toMatchObject({ argument: 'd[2]' });
    expect(refusal(() => validDiagnoses('d', ['J06', 'J06']))).toMatchObject({ argument: 'd', reason: expect.stringContaining('twice') });
  });
});

describe('vaccines', () => {
  it('lists the national immunization programme: 22 childhood doses of 11 vaccines', () => {
    const programme = VACCINES.filter((v) => v.scheduleMonths.length > 0);
    expect(programme).toHaveLength(11);
    expect(programme.reduce((n, v) => n + v.scheduleMonths.length, 0)).toBe(22);
    for (const v of programme) expect(v.doses).toBe(v.scheduleMonths.length);
  });

  it('accepts known vaccine codes and doses within the course only', () => {
    const hepB = validVaccine('input.vaccine', 'HEPB');
    expect(validDose('input.dose', hepB, 3)).toBe(3);
    expect(refusal(() => validDose('input.dose', hepB, 4))).toMatchObject({ argument: 'input.dose', reason: expect.stringContaining('1 to 3') });
    expect(refusal(() => validDose('input.dose', hepB, 0)).argument).toBe('input.dose');
    expect(refusal(() => validDose('input.dose', hepB, 1.5)).argument).toBe('input.dose');
    expect(refusal(() => validVaccine('input.vaccine', 'hepb')).argument).toBe('input.vaccine');
  });
});

describe('dates, identifiers and allergies', () => {
  // 2025-06-30 17:00 UTC is already 1 July in China.
  const now = new Date('2025-06-30T17:00:00Z');

  it('judges "not in the future" by the date in China', () => {
    expect(todayInChina(now)).toBe('2025-07-01');
    expect(validPastDate('input.date', '2025-07-01', now)).toBe('2025-07-01');
    expect(refusal(() => validPastDate('input.date', '2025-07-02', now))).toMatchObject({ argument: 'input.date', reason: expect.stringContaining('future') });
  });

  it('refuses impossible dates and dates before records begin', () => {
    expect(refusal(() => validPastDate('input.date', '2025-02-29', now)).reason).toContain('calendar date');
    expect(refusal(() => validPastDate('input.date', '2025-6-1', now)).reason).toContain('calendar date');
    expect(refusal(() => validPastDate('input.date', '1949-12-31', now)).reason).toContain('1950');
  });

  it('checks the shape of person IDs and facility codes', () => {
    expect(validPersonId('input.personId', 'P0A1B2C3D')).toBe('P0A1B2C3D');
    for (const bad of ['', 'p0a1', 'P-1', 'P'.repeat(17)]) expect(refusal(() => validPersonId('input.personId', bad)).argument).toBe('input.personId');
    expect(validFacilityCode('code', '460106H01')).toBe('460106H01');
    for (const bad of ['460106X01', '46010H01', '460106H1', 'H01']) expect(refusal(() => validFacilityCode('code', bad)).argument).toBe('code');
  });

  it('trims allergens and refuses empty, long, repeated or too many', () => {
    expect(validAllergies('allergies', [' 青霉素', '花生 '])).toEqual(['青霉素', '花生']);
    expect(validAllergies('allergies', [])).toEqual([]);
    expect(refusal(() => validAllergies('allergies', ['青霉素', '  '])).argument).toBe('allergies[1]');
    expect(refusal(() => validAllergies('allergies', ['x'.repeat(33)])).argument).toBe('allergies[0]');
    expect(refusal(() => validAllergies('allergies', ['花生', ' 花生'])).reason).toContain('twice');
    expect(refusal(() => validAllergies('allergies', Array.from({ length: 21 }, (_, i) => `a${i}`))).reason).toContain('at most 20');
  });
});

describe('region filters', () => {
  it('selects a province by prefix, a city by its districts, a county exactly', () => {
    expect(inRegion('r', '460000', { region: 'regionCode' })).toEqual({ regionCode: { $like: '46%' } });
    // Health rows keep no prefecture column: a prefecture is its code prefix.
    expect(inRegion('r', '460100', { region: 'regionCode' })).toEqual({ regionCode: { $like: '4601%' } });
    expect(inRegion('r', '460400', { region: 'regionCode' })).toEqual({ regionCode: { $like: '4604%' } });
    expect(inRegion('r', '469025', { region: 'regionCode' })).toEqual({ regionCode: '469025' });
    expect(refusal(() => inRegion('filter.regionCode', '4601')).argument).toBe('filter.regionCode');
  });
});

describe('the facility register', () => {
  const { all, byRegion, tertiary } = facilityRegister();

  it('has unique, well-formed codes that start with their region code', () => {
    expect(new Set(all.map((f) => f.code)).size).toBe(all.length);
    for (const f of all) {
      expect(f.code).toMatch(FACILITY_CODE);
      expect(f.code.slice(0, 6)).toBe(f.regionCode);
    }
  });

  it('places every facility inside its region', () => {
    for (const f of all) {
      const at = regionAt([f.lon, f.lat]);
      expect(at === f.regionCode || hainanAncestry(at!).some((r) => r.code === f.regionCode)).toBe(true);
    }
  });

  it('gives every region where people live primary care and a hospital, and Haikou and Sanya tertiary hospitals', () => {
    for (const region of RESIDENCE_REGIONS) {
      const own = byRegion.get(region.code)!;
      expect(own.primary.length).toBeGreaterThan(0);
      expect(own.hospitals.length).toBeGreaterThan(0);
    }
    expect(tertiary.filter((f) => f.regionCode.startsWith('4601')).length).toBeGreaterThanOrEqual(3);
    expect(tertiary.filter((f) => f.regionCode.startsWith('4602')).length).toBeGreaterThanOrEqual(1);
    // Township centres in the counties and Danzhou, community centres in city districts.
    for (const f of all.filter((f) => f.type === 'TOWNSHIP_HEALTH_CENTRE')) expect(f.regionCode === '460400' || f.regionCode.startsWith('4690')).toBe(true);
    for (const f of all.filter((f) => f.type === 'COMMUNITY_HEALTH_CENTRE')) expect(/^460[12]0[1-9]$/.test(f.regionCode)).toBe(true);
  });

  it('keeps stable codes for the province\'s tertiary hospitals', () => {
    expect(tertiary.map((f) => [f.code, f.name])).toEqual(
      expect.arrayContaining([
        ['460105H01', '海南省人民医院'],
        ['460203H01', '三亚市人民医院'],
      ]),
    );
  });
});

describe('seeded health records', () => {
  const chunks: WorldChunk[] = [...generateWorld({ seed: 97, persons: 20_000 })];
  const rows = chunks.map(healthRows);
  const records = rows.flatMap((r) => r[0][1]);
  const conditions = rows.flatMap((r) => r[1][1]);
  const vaccinations = rows.flatMap((r) => r[2][1]);
  const encounters = rows.flatMap((r) => r[3][1]);
  const persons = new Map(chunks.flatMap((c) => c.households.flatMap((h) => h.members.map((m) => [m.id, { ...m, regionCode: h.regionCode }] as const))));
  const recordById = new Map(records.map((r) => [r.id, r]));
  const ageOf = (recordId: string) => 2025 - Number(persons.get(recordById.get(recordId)!.personId)!.birthDate.slice(0, 4));
  const birthDateOf = (recordId: string) => persons.get(recordById.get(recordId)!.personId)!.birthDate;
  const facilityCodes = new Set(facilityRegister().all.map((f) => f.code));

  it('gives about 92% of living persons one record, in their household region, and none to the deceased', () => {
    const living = [...persons.values()].filter((p) => p.status === 'LIVING');
    expect(records.length / living.length).toBeGreaterThan(0.9);
    expect(records.length / living.length).toBeLessThan(0.95);
    expect(new Set(records.map((r) => r.personId)).size).toBe(records.length);
    expect(records.filter((r) => persons.get(r.personId)!.status !== 'LIVING' || r.regionCode !== persons.get(r.personId)!.regionCode)).toEqual([]);
  });

  it('gives hypertension to about 20% and diabetes to about 10% of those over 40, more often with age', () => {
    const over40 = records.filter((r) => ageOf(r.id) >= 40);
    const share = (code: string, from: number, to = 200) => {
      const group = new Set(over40.filter((r) => ageOf(r.id) >= from && ageOf(r.id) < to).map((r) => r.id));
      return conditions.filter((c) => c.code === code && group.has(c.recordId)).length / group.size;
    };
    expect(share('I10', 40)).toBeGreaterThan(0.16);
    expect(share('I10', 40)).toBeLessThan(0.24);
    expect(share('E11', 40)).toBeGreaterThan(0.07);
    expect(share('E11', 40)).toBeLessThan(0.13);
    expect(share('I10', 70)).toBeGreaterThan(share('I10', 40, 50));
    expect(share('E11', 70)).toBeGreaterThan(share('E11', 40, 50));
  });

  it('enrols about 95% in basic medical insurance, children in the residents\' scheme', () => {
    const insured = records.filter((r) => r.insuranceScheme !== null);
    expect(insured.length / records.length).toBeGreaterThan(0.93);
    expect(insured.length / records.length).toBeLessThan(0.97);
    for (const r of insured.filter((r) => ageOf(r.id) < 16)) expect(r.insuranceScheme).toBe('URBAN_RURAL_RESIDENT');
    expect(insured.some((r) => r.insuranceScheme === 'URBAN_EMPLOYEE')).toBe(true);
  });

  it("records children's vaccination schedules dose by dose, after birth and before the world's today", () => {
    const children = records.filter((r) => ageOf(r.id) >= 3 && ageOf(r.id) < 14);
    const doses = new Map<string, number>();
    for (const v of vaccinations) doses.set(v.recordId, (doses.get(v.recordId) ?? 0) + 1);
    // Nearly all children have most of the 20 doses due by the age of three.
    const complete = children.filter((r) => (doses.get(r.id) ?? 0) >= 16);
    expect(complete.length / children.length).toBeGreaterThan(0.9);
    const wrong = vaccinations.filter((v) => {
      const born = birthDateOf(v.recordId);
      const afterBirth = v.date > born || (v.date === born && ['BCG', 'HEPB'].includes(v.vaccine));
      return !afterBirth || v.date >= '2026-01-01' || v.dose > validVaccine('v', v.vaccine).doses || !facilityCodes.has(v.facilityCode);
    });
    expect(wrong).toEqual([]);
  });

  it('records encounters with recordable diagnoses at registered facilities, in the last year', () => {
    expect(encounters.length / records.length).toBeGreaterThan(0.3);
    const wrong = encounters.filter((e) => !facilityCodes.has(e.facilityCode) || e.diagnoses.some((code) => icd10Problem(code) !== null) || e.date < '2025-01-01' || e.date >= '2026-01-01');
    expect(wrong).toEqual([]);
    expect(conditions.filter((c) => c.diagnosedOn <= birthDateOf(c.recordId))).toEqual([]);
  });

  it('is deterministic, and its IDs never reach the range of records created later', () => {
    const again = chunks.slice(0, 3).map(healthRows);
    expect(again).toEqual(rows.slice(0, 3));
    for (const r of records.slice(0, 500)) expect(opaqueIdIndex(RECORD_PREFIX, HEALTH_ID_KEY, r.id)!).toBeLessThan(OPAQUE_ID_DOMAIN / 2);
    expect(new Set([...vaccinations.map((v) => v.id), ...encounters.map((e) => e.id)]).size).toBe(vaccinations.length + encounters.length);
  });
});

describe('sharing grants on the health catalogue', () => {
  const principal = (dept: string, purpose: string | null = null): Principal => ({ kind: 'government', sub: 'x', dept, roles: ['officer'], region: '460200', client: null, purpose });
  const grant: Grant = {
    id: 'school-entry-vaccination-check',
    granteeDept: 'education',
    subject: 'Vaccination',
    fields: ['vaccine', 'dose', 'date'],
    purpose: 'school-entry',
    region: '460200',
    expiresAt: '2999-01-01T00:00:00Z',
  };
  const sanya = { regionCode: '460203' };
  const haikou = { regionCode: '460106' };

  it('opens CONDITIONAL vaccinations to a grantee for its purpose and region only', () => {
    const ability = buildAbility({ principal: principal('education', 'school-entry'), catalogue, policies: PROVINCE_POLICY, grants: [grant] });
    expect(fieldDecision(ability, 'Vaccination', 'vaccine', sanya)).toBe('FULL');
    expect(fieldDecision(ability, 'Vaccination', 'vaccine', haikou)).toBe('DENIED');
    expect(fieldDecision(ability, 'Vaccination', 'vaccineName', sanya)).toBe('DENIED');
    const otherPurpose = buildAbility({ principal: principal('education', 'enrolment-statistics'), catalogue, policies: PROVINCE_POLICY, grants: [grant] });
    expect(fieldDecision(otherPurpose, 'Vaccination', 'vaccine', sanya)).toBe('DENIED');
  });

  it('never opens NOT_SHARED clinical fields, even by a grant', () => {
    const ability = buildAbility({
      principal: principal('education', 'school-entry'),
      catalogue,
      policies: PROVINCE_POLICY,
      grants: [{ ...grant, id: 'too-much', subject: 'HealthRecord', fields: ['chronicConditions', 'bloodType'] }],
    });
    expect(fieldDecision(ability, 'HealthRecord', 'bloodType', sanya)).toBe('FULL');
    expect(fieldDecision(ability, 'HealthRecord', 'chronicConditions', sanya)).toBe('DENIED');
  });

  it('reads everything to the health commission, insurance and keys only to others, open facilities to the public', () => {
    const health = buildAbility({ principal: principal('health'), catalogue, policies: PROVINCE_POLICY, grants: [] });
    const housing = buildAbility({ principal: principal('housing'), catalogue, policies: PROVINCE_POLICY, grants: [] });
    const anyone = buildAbility({ principal: { ...principal('health'), kind: 'public', dept: null, roles: [] }, catalogue, policies: PROVINCE_POLICY, grants: [] });
    for (const f of Object.keys(catalogue.HealthRecord!.fields)) expect(fieldDecision(health, 'HealthRecord', f, sanya)).toBe('FULL');
    expect(fieldDecision(housing, 'HealthRecord', 'insurance', sanya)).toBe('FULL');
    expect(fieldDecision(housing, 'MedicalInsurance', 'scheme', {})).toBe('FULL');
    for (const f of ['bloodType', 'allergies', 'chronicConditions', 'vaccinations', 'encounters']) expect(fieldDecision(housing, 'HealthRecord', f, sanya)).toBe('DENIED');
    expect(fieldDecision(anyone, 'HealthFacility', 'location', {})).toBe('FULL');
    expect(fieldDecision(anyone, 'HealthRecord', 'insurance', sanya)).toBe('DENIED');
  });
});
