// 6-digit administrative division codes (行政区划代码): PP CC DD = province, city, county.
// A code covers every code sharing its significant prefix: 460000 (Hainan) covers 46xxxx,
// 460100 (Haikou) covers 4601xx, 460106 (a district) only itself.

const REGION_CODE = /^\d{6}$/;

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION_CODE.test(value);
}

/** The prefix shared by every code inside `code`: '46' for 460000, '4601' for 460100, the code itself for a county. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
