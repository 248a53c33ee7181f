/** Enterprise statistics: enterprises by region of registration, establishment, industry, status, type, capital. */
import { bands, dateDimensions, defineStatistic, ratio, regionDimensions, regionIndicator, statisticsField } from '../kit/statistics';
import { regionReference, type RegionRef } from '../kit/statistics/graphql';
import type { RequestContext } from '../kit/subgraph';
import { Enterprise } from './entities';

const REGION = ['PROVINCE', 'CITY', 'COUNTY'];
const established = dateDimensions('establishedOn');

export const enterpriseStatistics = defineStatistic({
  name: 'enterprise',
  entity: Enterprise,
  type: 'Enterprise',
  unit: 'ENTERPRISES',
  key: 'uscc',
  dimensions: {
    ...regionDimensions('regionCode'),
    ESTABLISHED_YEAR: established.YEAR,
    ESTABLISHED_MONTH: established.MONTH,
    INDUSTRY_SECTION: { fields: ['industry'], valuePattern: /^[A-T]$/, sql: (c) => `substr(${c.industryCode}, 1, 1)`, description: 'GB/T 4754-2017 section letter' },
    INDUSTRY_DIVISION: { fields: ['industry'], valuePattern: /^[A-T]\d{2}$/, sql: (c) => c.industryCode },
    STATUS: { fields: ['status'], valuePattern: /^(ACTIVE|REVOKED|CANCELLED)$/, sql: (c) => c.status },
    TYPE: { fields: ['type'], valuePattern: /^[A-Z_]{1,20}$/, sql: (c) => c.type },
    CAPITAL_BAND: {
      fields: ['registeredCapital'],
      valuePattern: /^[<>\dM -]{1,12}$/,
      description: 'Registered capital in yuan: <1M, 1M-5M, 5M-10M, 10M-50M, 50M+',
      sql: (c) => bands(c.registeredCapital, [['<1M', 1_000_000], ['1M-5M', 5_000_000], ['5M-10M', 10_000_000], ['10M-50M', 50_000_000]], '50M+'),
    },
  },
  measures: { REGISTERED_CAPITAL: { fields: ['registeredCapital'], sql: (c) => c.registeredCapital } },
  rollups: [
    [...REGION, 'STATUS'],
    [...REGION, 'STATUS', 'INDUSTRY_SECTION', 'TYPE', 'CAPITAL_BAND', 'ESTABLISHED_YEAR'],
  ],
  scopeDimensions: { regionCode: 'COUNTY' },
});

export const statistics = [enterpriseStatistics];

const activeEnterprises = (region: RegionRef, ctx: RequestContext<unknown>) =>
  regionIndicator(ctx, 'enterprise', { definition: enterpriseStatistics, filters: [['STATUS', 'ACTIVE']] }, region.code);

export const statisticsQuery = { enterpriseStatistics: statisticsField('enterprise', enterpriseStatistics) };

export const regionIndicators = {
  __resolveReference: regionReference,
  activeEnterprises: (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => activeEnterprises(region, ctx),
  enterprisesPerThousandResidents: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => ratio(await activeEnterprises(region, ctx), region.requires?.residents, 1000),
};
