/** Credit statistics: profiles of persons and enterprises by region, rating, tax grade, overdue loans, dishonest list. */
import { booleanText, defineStatistic, ratio, regionDimensions, regionIndicator, statisticsField } from '../kit/statistics';
import { regionReference, type RegionRef } from '../kit/statistics/graphql';
import type { RequestContext } from '../kit/subgraph';
import { CreditProfile } from './entities';

const REGION = ['PROVINCE', 'CITY', 'COUNTY'];

export const creditStatistics = defineStatistic({
  name: 'credit',
  entity: CreditProfile,
  type: 'CreditProfile',
  unit: 'SUBJECTS',
  key: 'id',
  dimensions: {
    ...regionDimensions('regionCode'),
    SUBJECT_KIND: { fields: ['subjectKind'], valuePattern: /^(PERSON|ENTERPRISE)$/, sql: (c) => c.subjectKind },
    RATING: { fields: ['rating'], valuePattern: /^[A-C]{1,3}$/, sql: (c) => c.rating },
    TAX_GRADE: { fields: ['taxGrade'], valuePattern: /^([A-DM]|NONE)$/, sql: (c) => `coalesce(${c.taxGrade}, 'NONE')` },
    OVERDUE_LOANS: { fields: ['loans'], valuePattern: /^(true|false)$/, sql: (c) => booleanText(`${c.overdueLoans} > 0`), description: 'true when the subject has an overdue loan' },
    DISHONEST: { fields: ['onDishonestList'], valuePattern: /^(true|false)$/, sql: (c) => booleanText(c.onDishonestList) },
  },
  rollups: [
    [...REGION, 'SUBJECT_KIND', 'TAX_GRADE', 'OVERDUE_LOANS'],
    [...REGION, 'SUBJECT_KIND', 'RATING', 'TAX_GRADE', 'OVERDUE_LOANS', 'DISHONEST'],
  ],
  scopeDimensions: { regionCode: 'COUNTY' },
});

export const statistics = [creditStatistics];

const count = (ctx: RequestContext<unknown>, code: string, filters: [string, string][]) => regionIndicator(ctx, 'credit', { definition: creditStatistics, filters }, code);

export const statisticsQuery = { creditStatistics: statisticsField('credit', creditStatistics) };

export const regionIndicators = {
  __resolveReference: regionReference,
  taxGradeAShare: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) =>
    ratio(await count(ctx, region.code, [['SUBJECT_KIND', 'ENTERPRISE'], ['TAX_GRADE', 'A']]), await count(ctx, region.code, [['SUBJECT_KIND', 'ENTERPRISE']])),
  overdueLoanShare: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) =>
    ratio(await count(ctx, region.code, [['SUBJECT_KIND', 'PERSON'], ['OVERDUE_LOANS', 'true']]), await count(ctx, region.code, [['SUBJECT_KIND', 'PERSON']])),
};
