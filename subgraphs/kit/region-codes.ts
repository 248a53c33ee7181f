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
