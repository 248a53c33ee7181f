/** Education statistics: enrolments by region of the school, school level, status and start year. */
import { defineStatistic, ratio, regionDimensions, regionIndicator, statisticsField } from '../kit/statistics';
import { regionReference, type RegionRef } from '../kit/statistics/graphql';
import type { RequestContext } from '../kit/subgraph';
import { Enrolment } from './entities';

const REGION = ['PROVINCE', 'CITY', 'COUNTY'];
/** The first digit of a school code is the school's level (entities.ts LEVEL_DIGIT). */
const LEVELS = [['1', 'KINDERGARTEN'], ['2', 'PRIMARY'], ['3', 'JUNIOR_SECONDARY'], ['4', 'SENIOR_SECONDARY'], ['5', 'VOCATIONAL'], ['6', 'UNIVERSITY']];

export const enrolmentStatistics = defineStatistic({
  name: 'education',
  entity: Enrolment,
  type: 'Enrolment',
  unit: 'ENROLMENTS',
  key: 'id',
  dimensions: {
    ...regionDimensions('regionCode'),
    SCHOOL_LEVEL: {
      fields: ['schoolCode'],
      valuePattern: /^[A-Z_]{1,20}$/,
      sql: (c) => `case substr(${c.schoolCode}, 1, 1) ${LEVELS.map(([digit, level]) => `when '${digit}' then '${level}'`).join(' ')} else 'OTHER' end`,
    },
    /** Primary to senior secondary and vocational: the numerator of the enrolment rate of ages 6 to 17. */
    COMPULSORY_AND_SECONDARY: {
      fields: ['schoolCode'],
      valuePattern: /^(true|false)$/,
      sql: (c) => `case when substr(${c.schoolCode}, 1, 1) in ('2', '3', '4', '5') then 'true' else 'false' end`,
    },
    STATUS: { fields: ['status'], valuePattern: /^(ENROLLED|GRADUATED|LEFT)$/, sql: (c) => c.status },
    START_YEAR: { fields: ['startYear'], valuePattern: /^\d{4}$/, sql: (c) => `cast(${c.startYear} as varchar(4))` },
  },
  rollups: [
    [...REGION, 'STATUS', 'COMPULSORY_AND_SECONDARY'],
    [...REGION, 'STATUS', 'SCHOOL_LEVEL', 'START_YEAR'],
  ],
  scopeDimensions: { regionCode: 'COUNTY' },
});

export const statistics = [enrolmentStatistics];

const enrolledStudents = (region: RegionRef, ctx: RequestContext<unknown>) =>
  regionIndicator(ctx, 'education', { definition: enrolmentStatistics, filters: [['STATUS', 'ENROLLED'], ['COMPULSORY_AND_SECONDARY', 'true']] }, region.code);

export const statisticsQuery = { educationStatistics: statisticsField('education', enrolmentStatistics) };

/** Region's own resolvers (schools) stay in resolvers.ts; these are the statistics it adds. */
export const regionIndicators = {
  __resolveReference: regionReference,
  enrolledStudents: (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => enrolledStudents(region, ctx),
  enrolmentRate: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => ratio(await enrolledStudents(region, ctx), region.requires?.schoolAgeChildren),
};
