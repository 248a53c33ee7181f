/** Population statistics: persons by region of hukou registration, birth, age, gender, ethnicity, floating, status. */
import { ageBandSql, booleanText, dateDimensions, defineStatistic, regionDimensions } from '../kit/statistics';
import { Person } from './entities';

const REGION = ['PROVINCE', 'CITY', 'COUNTY'];
const birth = dateDimensions('birthDate');

export const personStatistics = defineStatistic({
  name: 'population',
  entity: Person,
  type: 'Person',
  unit: 'PERSONS',
  key: 'id',
  dimensions: {
    ...regionDimensions('hukouRegionCode'),
    BIRTH_YEAR: birth.YEAR,
    BIRTH_MONTH: birth.MONTH,
    AGE_BAND: { fields: ['birthDate'], valuePattern: /^\d+(-\d+|\+)$/, sql: (c, today) => ageBandSql(c.birthDate, today, [6, 15, 25, 35, 45, 55, 65, 80]) },
    /** Ages 6 to 17: the denominator of the enrolment rate. */
    SCHOOL_AGE: { fields: ['birthDate'], valuePattern: /^(true|false)$/, sql: (c, today) => schoolAge(c.birthDate, today) },
    GENDER: { fields: ['gender'], valuePattern: /^(MALE|FEMALE)$/, sql: (c) => c.gender },
    ETHNICITY: { fields: ['ethnicityCode'], valuePattern: /^\d{2}$/, sql: (c) => c.ethnicityCode, description: 'GB 3304 code' },
    FLOATING: { fields: ['floating'], valuePattern: /^(true|false)$/, sql: (c) => booleanText(c.floating) },
    STATUS: { fields: ['status'], valuePattern: /^(LIVING|DECEASED|EMIGRATED)$/, sql: (c) => c.status },
  },
  rollups: [
    [...REGION, 'STATUS', 'AGE_BAND', 'SCHOOL_AGE'],
    [...REGION, 'STATUS', 'GENDER', 'AGE_BAND', 'FLOATING', 'ETHNICITY'],
    [...REGION, 'STATUS', 'GENDER', 'BIRTH_YEAR'],
  ],
  scopeDimensions: { hukouRegionCode: 'COUNTY' },
});

function schoolAge(column: string, today: string) {
  const year = Number(today.slice(0, 4));
  const rest = today.slice(4);
  // Aged 6 to 17 today: born after the day 18 years ago and on or before the day 6 years ago.
  return { sql: `case when ${column} > ? and ${column} <= ? then 'true' else 'false' end`, bindings: [`${year - 18}${rest}`, `${year - 6}${rest}`] };
}

export const statistics = [personStatistics];
