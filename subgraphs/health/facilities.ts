/**
 * The register of health facilities: the province's tertiary hospitals in Haikou, Sanya and Danzhou, a people's
 * hospital in every district and county, community health service centres in city districts, township health
 * centres in the counties, and clinics. Reference data: the same for every seed. Tertiary hospitals carry the
 * names of the province's real ones; the other names and every location are synthetic.
 */
import { RESIDENCE_REGIONS, type RegionInfo } from '../kit/world/hainan';
import { randomPointIn } from '../kit/world/geometry';
import { rngFor } from '../kit/world/rng';
import type { HealthFacilityRow } from './entities';

export type FacilityLevel = 'PRIMARY' | 'SECONDARY' | 'TERTIARY';
export type FacilityType = 'HOSPITAL' | 'COMMUNITY_HEALTH_CENTRE' | 'TOWNSHIP_HEALTH_CENTRE' | 'CLINIC';

/** Facility locations are fixed for every world: their stream does not depend on the world's seed. */
const REFERENCE_SEED = 0;

const TERTIARY: Readonly<Record<string, readonly string[]>> = {
  '460105': ['海南省人民医院'],
  '460106': ['海南医科大学第一附属医院', '海南省中医院'],
  '460108': ['海口市人民医院'],
  '460203': ['三亚市人民医院'],
  '460204': ['三亚中心医院'],
  '460400': ['海南西部中心医院'],
};

// Synthetic place words for community and township centres and clinics.
const PLACE_WORDS = [
  '椰林', '海秀', '金盘', '凤凰', '滨海', '南湖', '东山', '西岭', '新坡', '长流', '大坡', '三门', '红旗', '永兴', '石山',
  '龙塘', '美安', '福山', '桥头', '加乐', '新兴', '南吕', '黄竹', '雷鸣', '乌坡', '枫木', '坡心', '藤桥', '田独', '育才',
];

const KIND_LETTER: Record<FacilityType, string> = { HOSPITAL: 'H', COMMUNITY_HEALTH_CENTRE: 'C', TOWNSHIP_HEALTH_CENTRE: 'T', CLINIC: 'Z' };

function count(population: number, perFacility: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.ceil(population / perFacility)));
}

function facilitiesOf(region: RegionInfo): HealthFacilityRow[] {
  const rows: HealthFacilityRow[] = [];
  const sequence: Record<string, number> = {};
  const add = (name: string, level: FacilityLevel, type: FacilityType) => {
    const letter = KIND_LETTER[type];
    sequence[letter] = (sequence[letter] ?? 0) + 1;
    const code = `${region.code}${letter}${String(sequence[letter]).padStart(2, '0')}`;
    const rng = rngFor(REFERENCE_SEED, 'health-facility', code);
    // Hospitals stand in the town centre; primary care is spread over the region.
    const near = type === 'HOSPITAL' ? { centre: region.seat, sdMetres: 2000 } : undefined;
    const [lon, lat] = randomPointIn(rng, region.code, near);
    rows.push({ code, name, level, type, regionCode: region.code, lon, lat });
  };
  const words = (n: number, offset: number) => Array.from({ length: n }, (_, i) => PLACE_WORDS[(offset + i * 7) % PLACE_WORDS.length]!);
  const offset = Number(region.code.slice(-3));

  for (const name of TERTIARY[region.code] ?? []) add(name, 'TERTIARY', 'HOSPITAL');
  if (region.parentCode === '460300') {
    // Sansha: a people's hospital on Yongxing island, a medical post in the Nansha islands.
    if (region.code === '460301') add('三沙市人民医院', 'SECONDARY', 'HOSPITAL');
    else add('南沙区医疗点', 'PRIMARY', 'CLINIC');
    return rows;
  }
  add(`${region.name}人民医院`, 'SECONDARY', 'HOSPITAL');
  if (region.level === 'DISTRICT') {
    for (const word of words(count(region.population, 150_000, 2, 7), offset)) add(`${region.name}${word}社区卫生服务中心`, 'PRIMARY', 'COMMUNITY_HEALTH_CENTRE');
  } else {
    if (region.population > 400_000) add(`${region.name}中医院`, 'SECONDARY', 'HOSPITAL');
    for (const word of words(count(region.population, 60_000, 3, 9), offset)) add(`${region.name}${word}镇卫生院`, 'PRIMARY', 'TOWNSHIP_HEALTH_CENTRE');
  }
  for (const word of words(2, offset + 3)) add(`${word}诊所`, 'PRIMARY', 'CLINIC');
  return rows;
}

export interface RegionFacilities {
  /** Where residents get primary care and vaccinations: community or township centres (else what there is). */
  primary: HealthFacilityRow[];
  /** The region's own hospitals. */
  hospitals: HealthFacilityRow[];
}

let cached: { all: HealthFacilityRow[]; byRegion: Map<string, RegionFacilities>; tertiary: HealthFacilityRow[] } | undefined;

/** The register, computed once: a few hundred rows whatever the number of persons. */
export function facilityRegister() {
  if (!cached) {
    const all = RESIDENCE_REGIONS.flatMap(facilitiesOf);
    const byRegion = new Map<string, RegionFacilities>();
    for (const region of RESIDENCE_REGIONS) {
      const own = all.filter((f) => f.regionCode === region.code);
      const centres = own.filter((f) => f.type === 'COMMUNITY_HEALTH_CENTRE' || f.type === 'TOWNSHIP_HEALTH_CENTRE');
      const hospitals = own.filter((f) => f.type === 'HOSPITAL');
      byRegion.set(region.code, { primary: centres.length > 0 ? centres : own, hospitals: hospitals.length > 0 ? hospitals : own });
    }
    cached = { all, byRegion, tertiary: all.filter((f) => f.level === 'TERTIARY') };
  }
  return cached;
}
