/** Statistics with disclosure control, declared by each domain and run by the kit (docs/statistics.md). */
export { defineStatistic, regionDimensions, dateDimensions, bands, booleanText, ageBandSql } from './definition';
export type { StatisticDefinition, DimensionSpec, MeasureSpec, Columns, Sql } from './definition';
export { statisticsField, regionIndicator, ratio } from './graphql';
export type { StatisticsTableResult, StatisticsValue, IndicatorSpec, RegionRef } from './graphql';
export { runStatistics, DEFAULT_MIN_CELL_SIZE, SENSITIVE_MIN_CELL_SIZE } from './run';
export { onStatisticsRequest } from './request-facts';
export type { StatisticsRequestFacts } from './request-facts';
export { startRollups, statisticsWritten, refreshStatistics } from './rollups';
