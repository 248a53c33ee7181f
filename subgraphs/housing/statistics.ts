/** Housing statistics: properties by region, usage, floor-area band and registration year; transfers and prices. */
import { bands, dateDimensions, defineStatistic, ratio, regionDimensions, regionIndicator, statisticsField } from '../kit/statistics';
import { regionReference, type RegionRef } from '../kit/statistics/graphql';
import type { RequestContext } from '../kit/subgraph';
import { Property, PropertyTransfer } from './entities';

const REGION = ['PROVINCE', 'CITY', 'COUNTY'];

export const propertyStatistics = defineStatistic({
  name: 'housing',
  entity: Property,
  type: 'Property',
  unit: 'PROPERTIES',
  key: 'id',
  dimensions: {
    ...regionDimensions('regionCode'),
    REGISTERED_YEAR: dateDimensions('registeredOn').YEAR,
    USAGE: { fields: ['usage'], valuePattern: /^[A-Z_]{1,12}$/, sql: (c) => c.usage },
    FLOOR_AREA_BAND: {
      fields: ['floorArea'],
      valuePattern: /^[<>\d+ -]{1,10}$/,
      description: 'Square metres: <60, 60-90, 90-120, 120-180, 180+',
      sql: (c) => bands(c.floorArea, [['<60', 60], ['60-90', 90], ['90-120', 120], ['120-180', 180]], '180+'),
    },
  },
  measures: { FLOOR_AREA: { fields: ['floorArea'], sql: (c) => c.floorArea } },
  rollups: [[...REGION, 'USAGE'], [...REGION, 'USAGE', 'FLOOR_AREA_BAND', 'REGISTERED_YEAR']],
  scopeDimensions: { regionCode: 'COUNTY' },
});

const transferDate = dateDimensions('date');

/** Transfers and their prices: prices are SENSITIVE, so these tables take the stricter minimum cell size. */
export const transferStatistics = defineStatistic({
  name: 'housingTransfers',
  entity: PropertyTransfer,
  type: 'PropertyTransfer',
  unit: 'TRANSFERS',
  key: 'id',
  dimensions: { ...regionDimensions('regionCode'), YEAR: transferDate.YEAR, MONTH: transferDate.MONTH },
  measures: { PRICE: { fields: ['price'], sql: (c) => c.price } },
  rollups: [[...REGION, 'YEAR', 'MONTH']],
  scopeDimensions: { regionCode: 'COUNTY' },
});

export const statistics = [propertyStatistics, transferStatistics];

const residentialFloorArea = (region: RegionRef, ctx: RequestContext<unknown>) =>
  regionIndicator(ctx, 'housing', { definition: propertyStatistics, filters: [['USAGE', 'RESIDENTIAL']], measure: 'FLOOR_AREA' }, region.code);

export const statisticsQuery = {
  housingStatistics: statisticsField('housing', propertyStatistics),
  housingTransferStatistics: statisticsField('housing', transferStatistics),
};

export const regionIndicators = {
  __resolveReference: regionReference,
  residentialFloorArea: (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => residentialFloorArea(region, ctx),
  floorAreaPerResident: async (region: RegionRef, _: unknown, ctx: RequestContext<unknown>) => ratio(await residentialFloorArea(region, ctx), region.requires?.residents),
};
