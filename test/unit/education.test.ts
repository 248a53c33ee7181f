import { GraphQLError } from 'graphql';
import { GRADES, schoolCode, type SchoolLevel } from '../../subgraphs/education/entities';
import { enrolmentWhere, schoolWhere, validEndYear, validGrade, validPersonId, validSchoolCode, validStartYear } from '../../subgraphs/education/resolvers';
import { chineseNumber, educationRows, schoolAge, schoolRows } from '../../subgraphs/education/seed';
import { RESIDENCE_REGIONS } from '../../subgraphs/kit/world/hainan';
import { regionAt } from '../../subgraphs/kit/world/geometry';
import { generateWorld } from '../../subgraphs/kit/world/world';

/** The BAD_USER_INPUT error `fn` throws: its argument name and reason. */
function refusal(fn: () => unknown): { argumentName: unknown; reason: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const extensions = (error as GraphQLError).extensions;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { argumentName: extensions.argumentName, reason: String(extensions.reason) };
  }
  throw new Error('expected a refusal');
}

const TODAY = new Date('2026-06-01T00:00:00Z');

describe(validSchoolCode.name, () => {
  it('returns a well-formed code, and names the argument and the fault of a malformed one', () => {
    expect(validSchoolCode('code', '2460105001')).toBe('2460105001');
    expect(refusal(() => validSchoolCode('input.schoolCode', '246010500'))).toEqual({ argumentName: 'input.schoolCode', reason: expect.stringContaining('10 digits') });
    expect(refusal(() => validSchoolCode('code', '2440105001')).reason).toContain('46xxxx');
    expect(refusal(() => validSchoolCode('code', '7460105001')).reason).toContain('1 to 6');
    expect(refusal(() => validSchoolCode('code', '0460105001')).reason).toContain('1 to 6');
    expect(refusal(() => validSchoolCode('code', '2460105000')).reason).toContain('001');
    expect(refusal(() => validSchoolCode('code', '２460105001')).argumentName).toBe('code');
  });
});

describe(validGrade.name, () => {
  it.each(Object.entries(GRADES) as [SchoolLevel, number][])('returns the grades a %s school teaches (1 to %i) and refuses the rest', (level, last) => {
    expect(validGrade('input.grade', level, 1)).toBe(1);
    expect(validGrade('input.grade', level, last)).toBe(last);
    for (const bad of [0, last + 1, 1.5, -1]) {
      expect(refusal(() => validGrade('input.grade', level, bad))).toEqual({ argumentName: 'input.grade', reason: expect.stringContaining(`grades 1 to ${last}`) });
    }
  });

  it('returns six grades for primary schools and three for junior secondary ones', () => {
    expect(validGrade('g', 'PRIMARY', 6)).toBe(6);
    expect(() => validGrade('g', 'JUNIOR_SECONDARY', 6)).toThrow('grades 1 to 3');
  });
});

describe(validStartYear.name, () => {
  it('returns years from 1950 to next year and refuses others', () => {
    expect(validStartYear('input.startYear', 1950, TODAY)).toBe(1950);
    expect(validStartYear('input.startYear', 2027, TODAY)).toBe(2027);
    for (const bad of [1949, 2028, 2020.5]) expect(refusal(() => validStartYear('input.startYear', bad, TODAY))).toEqual({ argumentName: 'input.startYear', reason: expect.stringContaining('1950 to 2027') });
  });
});

describe(validEndYear.name, () => {
  it('returns an end year from the start year to this year', () => {
    expect(validEndYear('endYear', 2024, 2024, TODAY)).toBe(2024);
    expect(validEndYear('endYear', 2026, 2020, TODAY)).toBe(2026);
    expect(validEndYear('endYear', 2026, null, TODAY)).toBe(2026);
  });

  it('refuses an end year before the start, in the future, or not a year', () => {
    expect(refusal(() => validEndYear('endYear', 2019, 2020, TODAY))).toEqual({ argumentName: 'endYear', reason: expect.stringContaining('before it began') });
    expect(refusal(() => validEndYear('endYear', 2027, 2020, TODAY)).reason).toContain('to 2026');
    expect(refusal(() => validEndYear('endYear', 1900, null, TODAY)).reason).toContain('from 1950');
    expect(refusal(() => validEndYear('endYear', 2025.5, null, TODAY)).argumentName).toBe('endYear');
  });
});

describe(validPersonId.name, () => {
  it('returns IDs of letters and digits and refuses anything else', () => {
    expect(validPersonId('input.personId', 'P0A1B2C3D')).toBe('P0A1B2C3D');
    for (const bad of ['', 'P-1', 'P'.repeat(17), "P1' or 1=1"]) expect(refusal(() => validPersonId('input.personId', bad)).argumentName).toBe('input.personId');
  });
});

describe(schoolWhere.name, () => {
  it('returns the conditions for a region at each level and the fields the filter reads', () => {
    expect(schoolWhere({ regionCode: '460000' })).toEqual({ where: { regionCode: { $like: '46%' } }, fields: ['regionCode'] });
    expect(schoolWhere({ regionCode: '460100' }).where).toEqual({ cityCode: '460100' });
    expect(schoolWhere({ regionCode: '469002' }).where).toEqual({ regionCode: '469002' });
    expect(schoolWhere({ level: 'PRIMARY', type: 'PUBLIC', namePrefix: '海口市_%' })).toEqual({
      where: { $and: [{ level: 'PRIMARY' }, { type: 'PUBLIC' }, { name: { $like: '海口市\\_\\%%' } }] },
      fields: ['level', 'type', 'name'],
    });
    expect(schoolWhere(null)).toEqual({ where: {}, fields: [] });
  });

  it('refuses a malformed region code and an empty or long name prefix', () => {
    expect(refusal(() => schoolWhere({ regionCode: '4601' })).argumentName).toBe('filter.regionCode');
    expect(refusal(() => schoolWhere({ namePrefix: '' })).argumentName).toBe('filter.namePrefix');
    expect(refusal(() => schoolWhere({ namePrefix: '海'.repeat(33) })).argumentName).toBe('filter.namePrefix');
  });
});

describe(enrolmentWhere.name, () => {
  it('returns the conditions and the enrolment fields read, validating each', () => {
    expect(enrolmentWhere({ schoolCode: '2460105001', status: 'ENROLLED', startYear: 2024 })).toEqual({
      where: { $and: [{ schoolCode: '2460105001' }, { status: 'ENROLLED' }, { startYear: 2024 }] },
      fields: ['schoolCode', 'status', 'startYear'],
    });
    expect(refusal(() => enrolmentWhere({ schoolCode: '1' })).argumentName).toBe('filter.schoolCode');
    expect(refusal(() => enrolmentWhere({ startYear: 1800 })).argumentName).toBe('filter.startYear');
  });
});

describe(chineseNumber.name, () => {
  it('returns Chinese numerals as schools are numbered', () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三', '九十九']);
  });
});

describe(schoolAge.name, () => {
  it('returns the age on 1 September: those born after August start school a year later', () => {
    expect(schoolAge('2019-08-31', 2025)).toBe(6);
    expect(schoolAge('2019-09-01', 2025)).toBe(5);
  });
});

describe(schoolRows.name, () => {
  const schools = schoolRows();

  it('returns realistic numbers of schools with unique, valid codes matching their level and region', () => {
    expect(schools.length).toBeGreaterThan(4500);
    expect(schools.length).toBeLessThan(5500);
    expect(new Set(schools.map((s) => s.code)).size).toBe(schools.length);
    expect(new Set(schools.map((s) => s.name)).size).toBe(schools.length);
    for (const s of schools) {
      expect(validSchoolCode('code', s.code)).toBe(s.code);
      expect(s.code.slice(0, 7)).toBe(schoolCode(s.level as SchoolLevel, s.regionCode, 1).slice(0, 7));
    }
    const count = (level: string) => schools.filter((s) => s.level === level).length;
    expect(count('KINDERGARTEN')).toBeGreaterThan(count('PRIMARY'));
    expect(count('PRIMARY')).toBeGreaterThan(count('JUNIOR_SECONDARY'));
    expect(count('JUNIOR_SECONDARY')).toBeGreaterThan(count('SENIOR_SECONDARY'));
  });

  it('returns kindergartens and primary schools in every county and district, more where more people live', () => {
    for (const region of RESIDENCE_REGIONS) {
      for (const level of ['KINDERGARTEN', 'PRIMARY']) expect(schools.some((s) => s.regionCode === region.code && s.level === level)).toBe(true);
    }
    const primaries = (code: string) => schools.filter((s) => s.regionCode === code && s.level === 'PRIMARY').length;
    expect(primaries('460108')).toBeGreaterThan(primaries('469001'));
  });

  it('returns universities only in Haikou, Sanya and Danzhou, and each school located inside its region', () => {
    const universities = schools.filter((s) => s.level === 'UNIVERSITY');
    expect(universities.length).toBeGreaterThanOrEqual(10);
    for (const u of universities) expect(['4601', '4602', '4604'].includes(u.regionCode.slice(0, 4))).toBe(true);
    for (const s of schools.filter((_, i) => i % 50 === 0)) expect(regionAt([s.lon, s.lat])).toBe(s.regionCode);
  });

  it('returns the same schools every time', () => {
    expect(schoolRows()).toBe(schools);
  });
});

describe(educationRows.name, () => {
  const chunks = [...generateWorld({ seed: 5, persons: 6000 })];
  const rows = chunks.map(educationRows);
  const of = (name: string) => rows.flatMap((r) => r.filter(([entity]) => entity.meta.className === name).flatMap(([, list]) => list as any[]));
  const enrolments = of('Enrolment');
  const degrees = of('Degree');
  const staff = of('StaffMember');
  const persons = new Map(chunks.flatMap((c) => c.households.flatMap((h) => h.members.map((m) => [m.id, { ...m, regionCode: h.regionCode }] as const))));
  const schools = new Map(schoolRows().map((s) => [s.code, s]));

  it('returns the same rows for the same chunk', () => {
    expect(educationRows(chunks[0]!)).toEqual(rows[0]);
  });

  it('returns a highest degree for every person, NONE without a year, others completed after age 10', () => {
    expect(degrees.length).toBe(persons.size);
    for (const d of degrees) {
      const birthYear = Number(persons.get(d.personId)!.birthDate.slice(0, 4));
      if (d.level === 'NONE') expect(d.year).toBeNull();
      else expect(d.year).toBeGreaterThan(birthYear + 10);
    }
    const share = (level: string) => degrees.filter((d) => d.level === level).length / degrees.length;
    expect(share('BACHELOR')).toBeGreaterThan(0.05);
    expect(share('DOCTORATE')).toBeLessThan(0.01);
  });

  it('returns enrolments of children at schools of their household region, at most one under way per person, with consistent years', () => {
    expect(enrolments.length).toBeGreaterThan(persons.size * 0.3);
    expect(new Set(enrolments.map((e) => e.id)).size).toBe(enrolments.length);
    const active = new Map<string, number>();
    for (const e of enrolments) {
      const school = schools.get(e.schoolCode)!;
      expect(e.regionCode).toBe(school.regionCode);
      const person = persons.get(e.personId)!;
      if (['KINDERGARTEN', 'PRIMARY'].includes(school.level)) expect(school.regionCode).toBe(person.regionCode);
      expect(e.grade).toBeGreaterThanOrEqual(1);
      expect(e.grade).toBeLessThanOrEqual(GRADES[school.level as SchoolLevel]);
      if (e.status === 'ENROLLED') {
        expect(e.endYear).toBeNull();
        expect(e.activeSchoolCode).toBe(e.schoolCode);
        expect(person.status).toBe('LIVING');
        active.set(e.personId, (active.get(e.personId) ?? 0) + 1);
      } else {
        expect(e.endYear).toBeGreaterThanOrEqual(e.startYear);
        expect(e.activeSchoolCode).toBeNull();
      }
    }
    expect(Math.max(...active.values())).toBe(1);
    // Nearly every living child of 7 to 14 is at school.
    const pupils = [...persons.values()].filter((p) => p.status === 'LIVING' && schoolAge(p.birthDate, 2025) >= 7 && schoolAge(p.birthDate, 2025) <= 14);
    expect(pupils.filter((p) => active.has(p.id)).length / pupils.length).toBeGreaterThan(0.95);
  });

  it('returns a small share of working-age adults as teachers and staff', () => {
    expect(staff.length / persons.size).toBeGreaterThan(0.005);
    expect(staff.length / persons.size).toBeLessThan(0.03);
    for (const s of staff) {
      const age = schoolAge(persons.get(s.personId)!.birthDate, 2025);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      expect(schools.get(s.schoolCode)!.regionCode).toBe(s.regionCode);
    }
    expect(staff.filter((s) => s.role === 'TEACHER').length).toBeGreaterThan(staff.length / 2);
  });
});
