/**
 * The education department's file import (`npm run import -- education enrolments.csv`): enrolments reported by
 * schools, one per line, keyed by school code, person ID and start year, so that re-importing a file changes
 * nothing. Values pass the department's validators (resolvers.ts), as enrolStudent applies them; a line with an
 * end year records a finished enrolment (GRADUATED), one without a current one (ENROLLED).
 */
import type { FilterQuery } from '@mikro-orm/core';
import { collect, numberIn, type DomainImporter } from '../kit/import';
import { Enrolment, LEVEL_DIGIT, School, type EnrolmentRow, type SchoolLevel } from './entities';
import { newEnrolmentId, validEndYear, validGrade, validPersonId, validSchoolCode, validStartYear } from './resolvers';

/** The level a school code names by its first digit (entities.ts): a grade can be judged before the school is read. */
const LEVEL_OF_DIGIT = new Map(Object.entries(LEVEL_DIGIT).map(([level, digit]) => [digit, level as SchoolLevel]));

export const importer: DomainImporter<EnrolmentRow> = {
  noun: 'enrolment',
  event: 'StudentEnrolled',
  entity: Enrolment,
  key: 'naturalKey',
  columns: ['schoolCode', 'personId', 'startYear', 'grade', 'endYear'],
  parse(r) {
    const errors: string[] = [];
    const schoolCode = collect(errors, () => validSchoolCode('schoolCode', r.schoolCode ?? ''));
    // Persons are the population register's: only the form of the ID can be checked here, not that the person exists.
    const personId = collect(errors, () => validPersonId('personId', r.personId ?? ''));
    const startYearValue = numberIn(errors, 'startYear', r.startYear);
    const startYear = startYearValue === undefined ? undefined : collect(errors, () => validStartYear('startYear', startYearValue));
    const gradeValue = numberIn(errors, 'grade', r.grade);
    const grade = gradeValue === undefined || !schoolCode ? undefined : collect(errors, () => validGrade('grade', LEVEL_OF_DIGIT.get(schoolCode[0]!)!, gradeValue));
    let endYear: number | null = null;
    if (r.endYear) {
      const value = numberIn(errors, 'endYear', r.endYear);
      if (value !== undefined) endYear = collect(errors, () => validEndYear('endYear', value, startYear ?? null)) ?? null;
    }
    if (errors.length > 0) return { errors };
    return {
      row: {
        id: newEnrolmentId(),
        personId: personId!,
        schoolCode: schoolCode!,
        // The school's: check() fills it in.
        regionCode: '',
        grade: grade!,
        startYear: startYear!,
        endYear,
        status: endYear === null ? 'ENROLLED' : 'GRADUATED',
        activeSchoolCode: endYear === null ? schoolCode! : null,
        naturalKey: `${schoolCode}/${personId}/${startYear}`,
        version: 1,
      },
    };
  },
  /**
   * The school must exist (and the grade fit its level); an enrolment of the person at that school from that year
   * recorded otherwise (through the graph, or seeded) is not recorded twice; and as with enrolStudent, a person is
   * enrolled at one school at most once at a time. A row's own earlier import is no conflict: it is skipped.
   */
  async check(rows, db) {
    const em = db.orm.em.fork();
    const schools = new Map(
      (await em.find(School, { code: { $in: [...new Set(rows.map((r) => r.schoolCode))] } }, { fields: ['code', 'level', 'regionCode'], disableIdentityMap: true })).map((s) => [s.code, s]),
    );
    const where: FilterQuery<EnrolmentRow> = { personId: { $in: [...new Set(rows.map((r) => r.personId))] }, schoolCode: { $in: [...schools.keys()] } };
    const existing = await em.find(Enrolment, where, { fields: ['id', 'personId', 'schoolCode', 'startYear', 'activeSchoolCode', 'naturalKey'], disableIdentityMap: true });
    const recorded = new Map(existing.map((e) => [`${e.schoolCode}/${e.personId}/${e.startYear}`, e]));
    const active = new Map(existing.filter((e) => e.activeSchoolCode !== null).map((e) => [`${e.personId}/${e.activeSchoolCode}`, { id: e.id, naturalKey: e.naturalKey }]));
    const problems = new Map<number, string[]>();
    rows.forEach((row, i) => {
      const school = schools.get(row.schoolCode);
      if (!school) {
        problems.set(i, [`schoolCode: no school has the code ${row.schoolCode}.`]);
        return;
      }
      const errors: string[] = [];
      collect(errors, () => validGrade('grade', school.level as SchoolLevel, row.grade));
      const same = recorded.get(row.naturalKey!);
      if (same && same.naturalKey !== row.naturalKey) errors.push(`personId: the person's enrolment at school ${row.schoolCode} from ${row.startYear} is already recorded as enrolment ${same.id}.`);
      const current = row.activeSchoolCode === null ? undefined : active.get(`${row.personId}/${row.activeSchoolCode}`);
      if (current && current.naturalKey !== row.naturalKey) {
        errors.push(`personId: the person is already enrolled at school ${row.schoolCode}${current.id ? ` (enrolment ${current.id})` : ' by an earlier line'}; graduate them there first.`);
      }
      if (errors.length > 0) {
        problems.set(i, errors);
        return;
      }
      row.regionCode = school.regionCode;
      if (row.activeSchoolCode !== null && !current) active.set(`${row.personId}/${row.activeSchoolCode}`, { id: '', naturalKey: row.naturalKey });
    });
    return problems;
  },
};
