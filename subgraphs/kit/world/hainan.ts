// Hainan's administrative divisions (GB/T 2260, current codes) with approximate seat coordinates
// and 2020 census populations. Codes and names are real so that synthetic records join cleanly
// with reference data; coordinates and populations are approximate and only used for weighting
// and for placing synthetic addresses, never as authoritative figures.

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'DISTRICT';

export interface RegionInfo {
  code: string;
  name: string;
  /** CITY = prefecture-level city; the province-administered county-level cities are COUNTY. */
  level: RegionLevel;
  parentCode: string | null;
  /** Approximate seat of government, [lon, lat] WGS84. */
  seat: [number, number];
  /** Approximate 2020 census resident population (only for weighting). */
  population: number;
  /** Approximate share of Li ethnicity among residents; high in the Li autonomous counties. */
  liShare: number;
}

type Row = [code: string, name: string, level: RegionLevel, parent: string | null, lon: number, lat: number, population: number, liShare: number];

// Populations of parents are the sums of their children (the census total is 10.08 million). The seats of 琼山区,
// 美兰区 and 定安县 are nudged by about 1 km from the real government offices so that each lies well
// inside its synthetic region (see geometry.ts).
const ROWS: readonly Row[] = [
  ['460000', '海南省', 'PROVINCE', null, 110.3492, 20.0174, 10_040_512, 0.162],
  ['460100', '海口市', 'CITY', '460000', 110.3312, 20.031, 2_873_358, 0.06],
  ['460105', '秀英区', 'DISTRICT', '460100', 110.2936, 20.0075, 467_000, 0.06],
  ['460106', '龙华区', 'DISTRICT', '460100', 110.3283, 20.031, 800_000, 0.06],
  ['460107', '琼山区', 'DISTRICT', '460100', 110.356, 19.993, 590_000, 0.07],
  ['460108', '美兰区', 'DISTRICT', '460100', 110.37, 20.036, 1_016_358, 0.05],
  ['460200', '三亚市', 'CITY', '460000', 109.5119, 18.2528, 1_031_396, 0.25],
  ['460202', '海棠区', 'DISTRICT', '460200', 109.7525, 18.4005, 160_000, 0.33],
  ['460203', '吉阳区', 'DISTRICT', '460200', 109.578, 18.2814, 420_000, 0.23],
  ['460204', '天涯区', 'DISTRICT', '460200', 109.5069, 18.2473, 301_396, 0.21],
  ['460205', '崖州区', 'DISTRICT', '460200', 109.1714, 18.3521, 150_000, 0.33],
  ['460300', '三沙市', 'CITY', '460000', 112.3386, 16.831, 2_333, 0],
  ['460301', '西沙区', 'DISTRICT', '460300', 112.3386, 16.831, 1_800, 0],
  ['460302', '南沙区', 'DISTRICT', '460300', 112.89, 9.55, 533, 0],
  ['460400', '儋州市', 'CITY', '460000', 109.5808, 19.5209, 954_259, 0.04],
  ['469001', '五指山市', 'COUNTY', '460000', 109.5169, 18.7751, 112_269, 0.62],
  ['469002', '琼海市', 'COUNTY', '460000', 110.4746, 19.246, 528_231, 0.01],
  ['469005', '文昌市', 'COUNTY', '460000', 110.754, 19.613, 560_894, 0.005],
  ['469006', '万宁市', 'COUNTY', '460000', 110.3888, 18.7962, 545_992, 0.04],
  ['469007', '东方市', 'COUNTY', '460000', 108.6537, 19.1017, 444_458, 0.42],
  ['469021', '定安县', 'COUNTY', '460000', 110.3493, 19.676, 284_643, 0.01],
  ['469022', '屯昌县', 'COUNTY', '460000', 110.1029, 19.3629, 225_673, 0.03],
  ['469023', '澄迈县', 'COUNTY', '460000', 110.0073, 19.7371, 497_953, 0.01],
  ['469024', '临高县', 'COUNTY', '460000', 109.6878, 19.9084, 412_929, 0.01],
  ['469025', '白沙黎族自治县', 'COUNTY', '460000', 109.4529, 19.2246, 165_000, 0.63],
  ['469026', '昌江黎族自治县', 'COUNTY', '460000', 109.0534, 19.2609, 232_124, 0.43],
  ['469027', '乐东黎族自治县', 'COUNTY', '460000', 109.1755, 18.7476, 463_000, 0.48],
  ['469028', '陵水黎族自治县', 'COUNTY', '460000', 110.0372, 18.505, 372_000, 0.6],
  ['469029', '保亭黎族苗族自治县', 'COUNTY', '460000', 109.7025, 18.6365, 158_000, 0.63],
  ['469030', '琼中黎族苗族自治县', 'COUNTY', '460000', 109.8399, 19.0356, 176_000, 0.58],
];

export const HAINAN_REGIONS: readonly RegionInfo[] = Object.freeze(
  ROWS.map(([code, name, level, parentCode, lon, lat, population, liShare]) =>
    Object.freeze({ code, name, level, parentCode, seat: [lon, lat] as [number, number], population, liShare }),
  ),
);

const BY_CODE = new Map(HAINAN_REGIONS.map((r) => [r.code, r]));

export function hainanRegion(code: string): RegionInfo | undefined {
  return BY_CODE.get(code);
}

/** The region and its ancestors, most specific first. */
export function hainanAncestry(code: string): RegionInfo[] {
  const chain: RegionInfo[] = [];
  for (let r = BY_CODE.get(code); r; r = r.parentCode ? BY_CODE.get(r.parentCode) : undefined) chain.push(r);
  return chain;
}

/** Full Chinese name as used at the start of an address, e.g. 海南省海口市龙华区 or 海南省琼海市. */
export function hainanFullName(code: string): string | undefined {
  const chain = hainanAncestry(code);
  return chain.length === 0 ? undefined : chain.reverse().map((r) => r.name).join('');
}

/** Leaf units where people live: the districts of Haikou, Sanya and Sansha, Danzhou, and the 469xxx units. */
export const RESIDENCE_REGIONS: readonly RegionInfo[] = Object.freeze(
  HAINAN_REGIONS.filter((r) => r.level !== 'PROVINCE' && !HAINAN_REGIONS.some((c) => c.parentCode === r.code)),
);

/** The county-level units that partition Hainan island (Haikou, Sanya, Danzhou and the 469xxx units). */
export const ISLAND_UNITS: readonly RegionInfo[] = Object.freeze(
  HAINAN_REGIONS.filter((r) => r.parentCode === '460000' && r.code !== '460300'),
);

/**
 * Historical Hainan codes still found in identity numbers of people registered before the
 * renumberings (469003 儋州市 until 2015; 469000 is the aggregate code of the province-administered
 * county-level units, seen on some old registrations).
 */
export const LEGACY_HAINAN_CODES: ReadonlyMap<string, string> = new Map([
  ['469000', '省直辖县级行政区划'],
  ['469003', '儋州市'],
]);

export interface OriginRegion {
  code: string;
  name: string;
  /** Relative weight among out-of-province origins of Hainan's floating population. */
  weight: number;
}

/** Real prefecture-level codes of common out-of-province origins of Hainan's floating population. */
export const OUT_OF_PROVINCE_ORIGINS: readonly OriginRegion[] = Object.freeze([
  { code: '430100', name: '湖南省长沙市', weight: 14 },
  { code: '440100', name: '广东省广州市', weight: 12 },
  { code: '440800', name: '广东省湛江市', weight: 12 },
  { code: '450100', name: '广西壮族自治区南宁市', weight: 10 },
  { code: '510100', name: '四川省成都市', weight: 10 },
  { code: '360100', name: '江西省南昌市', weight: 7 },
  { code: '420100', name: '湖北省武汉市', weight: 8 },
  { code: '410100', name: '河南省郑州市', weight: 8 },
  { code: '230100', name: '黑龙江省哈尔滨市', weight: 9 },
  { code: '220100', name: '吉林省长春市', weight: 5 },
  { code: '210100', name: '辽宁省沈阳市', weight: 5 },
].map((o) => Object.freeze(o)));

// The 34 province-level units of GB/T 2260 (including 71 Taiwan, 81 Hong Kong, 82 Macao).
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/** True when the first two digits of code are one of the 34 province-level prefixes of GB/T 2260. */
export function isKnownProvincePrefix(code: string): boolean {
  return PROVINCE_PREFIXES.has(code.slice(0, 2));
}
