import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors';

/**
 * The structure of GB/T 2260 administrative codes (PPCCDD: province, prefecture, county), so that every domain
 * can scope rows by region without asking the geospatial subgraph.
 */

export const REGION_CODE = /^\d{6}$/;

/**
 * The prefecture-level code above a county-level code. Units administered directly by the province
 * (PP90DD, e.g. 469002 Qionghai) stand in for their own prefecture.
 */
export function cityCodeOf(code: string): string {
  if (code.slice(2, 4) === '90') return code;
  return `${code.slice(0, 4)}00`;
}

export type RegionScope =
  | { level: 'province'; prefix: string }
  | { level: 'city'; code: string }
  | { level: 'county'; code: string };

/** How a region code selects rows: a province by prefix, a prefecture by city code, a county exactly. */
export function regionScope(code: string): RegionScope {
  if (code.endsWith('0000')) return { level: 'province', prefix: code.slice(0, 2) };
  if (code.endsWith('00') && code.slice(2, 4) !== '90') return { level: 'city', code };
  return { level: 'county', code };
}

/** The columns that place a row: its county or district code and, where kept, its prefecture code. */
export interface RegionColumns {
  region: string;
  city?: string;
}

/**
 * Rows in a region or any region below it, from a filter argument: validated (BAD_USER_INPUT naming the
 * argument), then a province by code prefix, a prefecture by its city column (or prefix), a county exactly.
 */
export function inRegion<T>(argument: string, code: string, columns: RegionColumns = { region: 'regionCode', city: 'cityCode' }): FilterQuery<T> {
  if (!REGION_CODE.test(code)) throw badInput(argument, 'a region code has 6 digits (GB/T 2260), e.g. 460100.');
  const scope = regionScope(code);
  if (scope.level === 'province') return { [columns.region]: { $like: `${scope.prefix}%` } } as FilterQuery<T>;
  if (scope.level === 'city') {
    return (columns.city ? { [columns.city]: scope.code } : { [columns.region]: { $like: `${scope.code.slice(0, 4)}%` } }) as FilterQuery<T>;
  }
  return { [columns.region]: scope.code } as FilterQuery<T>;
}
