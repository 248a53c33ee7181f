/**
 * Health statistics: health records (persons) by region, insurance, vaccination; chronic conditions by code and
 * year of diagnosis (NOT_SHARED clinical data: the commission's own analysts and dashboards, and the stricter k).
 */
import { booleanText, dateDimensions, defineStatistic, ratio, regionDimensions, regionIndicator, statisticsField } from '../kit/statistics';
import { regionReference, type RegionRef } from '../kit/statistics/graphql';
import type { RequestContext } from '../kit/subgraph';
import { ChronicCondition, HealthRecord, Vaccination } from './entities';

const REGION = ['PROVINCE', 'CITY', 'COUNTY'];

export const recordStatistics = defineStatistic({
  name: 'health',
  entity: HealthRecord,
  type: 'HealthRecord',
  unit: 'PERSONS',
  key: 'id',
  dimensions: {
    ...regionDimensions('regionCode'),
    INSURED: { fields: ['insurance'], valuePattern: /^(true|false)$/, sql: (c) => booleanText(`${c.insuranceActive} is not null and ${c.insuranceActive}`) },
    INSURANCE_SCHEME: { fields: ['insurance'], valuePattern: /^[A-Z_]{1,24}$/, sql: (c) => `coalesce(${c.insuranceScheme}, 'NONE')` },
    /** At least one recorded vaccination (the national immunization programme's schedule). */
    VACCINATED: {
      fields: ['vaccinations'],
      valuePattern: /^(true|false)$/,
      sql: (c, _, table) => booleanText(`exists (select 1 from ${table(Vaccination)} v where v.record_id = ${c.id})`),
    },
  },
  rollups: [[...REGION, 'INSURED', 'VACCINATED'], [...REGION, 'INSURED', 'INSURANCE_SCHEME', 'VACCINATED']],
  scopeDimensions: { regionCode: 'COUNTY' },
});

const diagnosed = dateDimensions('diagnosedOn');

export const chronicStatistics = defineStatistic({
  name: 'chronicConditions',
  entity: ChronicCondition,
  type: 'ChronicCondition',
  unit: 'PERSONS',
  key: 'recordId',
  keyParts: ['recordId', 'code'],
  dimensions: {
    ...regionDimensions('regionCode'),
    CONDITION: { fields: ['code'], valuePattern: /^[A-Z]\d{2}$/, sql: (c) => c.code, description: 'ICD-10 category' },
    DIAGNOSED_YEAR: diagnosed.YEAR,
  },
  rollups: [[...REGION, 'CONDITION', 'DIAGNOSED_YEAR']],
  scopeDimensions: { regionCode: 'COUNTY' },
});

export const statistics = [recordStatistics, chronicStatistics];

const records = (ctx: RequestContext<unknown>, code: string, filters: [string, string][]) => regionIndicator(ctx, 'health', { definition: recordStatistics, filters }, code);

export const statisticsQuery = {
  healthStatistics: statisticsField('health', recordStatistics),
  chronicConditionStatistics: statisticsField('health', chronicStatistics),
};

export const regionIndicators = {
  __resolveReference: regionReference,
  vaccinationCoverage: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => ratio(await records(ctx, region.code, [['VACCINATED', 'true']]), await records(ctx, region.code, [])),
  insuranceCoverage: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => ratio(await records(ctx, region.code, [['INSURED', 'true']]), await records(ctx, region.code, [])),
};
