import {
  HAINAN_REGIONS,
  ISLAND_UNITS,
  OUT_OF_PROVINCE_ORIGINS,
  RESIDENCE_REGIONS,
  hainanAncestry,
  hainanFullName,
  hainanRegion,
  isKnownProvincePrefix,
} from '../../../subgraphs/kit/world/hainan';

describe('HAINAN_REGIONS', () => {
  it('returns the current GB/T 2260 divisions of Hainan with their names', () => {
    const names = Object.fromEntries(HAINAN_REGIONS.map((r) => [r.code, r.name]));
    expect(names).toEqual({
      '460000': '海南省',
      '460100': '海口市', '460105': '秀英区', '460106': '龙华区', '460107': '琼山区', '460108': '美兰区',
      '460200': '三亚市', '460202': '海棠区', '460203': '吉阳区', '460204': '天涯区', '460205': '崖州区',
      '460300': '三沙市', '460301': '西沙区', '460302': '南沙区',
      '460400': '儋州市',
      '469001': '五指山市', '469002': '琼海市', '469005': '文昌市', '469006': '万宁市', '469007': '东方市',
      '469021': '定安县', '469022': '屯昌县', '469023': '澄迈县', '469024': '临高县', '469025': '白沙黎族自治县',
      '469026': '昌江黎族自治县', '469027': '乐东黎族自治县', '469028': '陵水黎族自治县', '469029': '保亭黎族苗族自治县',
      '469030': '琼中黎族苗族自治县',
    });
    expect(hainanRegion('469000')).toBeUndefined();
  });

  it('returns consistent levels, parents, seats and shares', () => {
    for (const r of HAINAN_REGIONS) {
      if (r.code === '460000') {
        expect(r.level).toBe('PROVINCE');
        expect(r.parentCode).toBeNull();
        continue;
      }
      const parent = hainanRegion(r.parentCode!)!;
      expect(parent).toBeDefined();
      if (r.level === 'DISTRICT') expect(parent.level).toBe('CITY');
      else expect(parent.code).toBe('460000');
      if (r.code.startsWith('469')) expect(r.level).toBe('COUNTY');
      expect(r.population).toBeGreaterThan(0);
      expect(r.liShare).toBeGreaterThanOrEqual(0);
      expect(r.liShare).toBeLessThan(1);
      const [lon, lat] = r.seat;
      expect(lon).toBeGreaterThan(108.5);
      expect(lon).toBeLessThan(113);
      expect(lat).toBeGreaterThan(9);
      expect(lat).toBeLessThan(20.2);
    }
    // Parents' populations are the sums of their children's.
    for (const parent of HAINAN_REGIONS) {
      const children = HAINAN_REGIONS.filter((r) => r.parentCode === parent.code);
      if (children.length > 0) expect(children.reduce((s, r) => s + r.population, 0)).toBe(parent.population);
    }
  });

  it('returns higher Li shares in the Li autonomous counties than in Haikou', () => {
    const haikou = hainanRegion('460100')!.liShare;
    for (const r of HAINAN_REGIONS.filter((x) => x.name.includes('黎族'))) expect(r.liShare).toBeGreaterThan(haikou * 5);
  });
});

describe('RESIDENCE_REGIONS', () => {
  it('returns the leaf units where people live', () => {
    expect(RESIDENCE_REGIONS.map((r) => r.code).sort()).toEqual(
      [
        '460105', '460106', '460107', '460108', '460202', '460203', '460204', '460205', '460301', '460302', '460400',
        '469001', '469002', '469005', '469006', '469007', '469021', '469022', '469023', '469024', '469025', '469026',
        '469027', '469028', '469029', '469030',
      ].sort(),
    );
    expect(ISLAND_UNITS).toHaveLength(18);
  });

  it('returns a Haikou share of about 28% and a Sanya share of about 10% by population', () => {
    const total = RESIDENCE_REGIONS.reduce((s, r) => s + r.population, 0);
    const share = (prefix: string): number =>
      RESIDENCE_REGIONS.filter((r) => r.code.startsWith(prefix)).reduce((s, r) => s + r.population, 0) / total;
    expect(share('4601')).toBeCloseTo(0.286, 2);
    expect(share('4602')).toBeCloseTo(0.103, 2);
    expect(share('4603')).toBeLessThan(0.001);
  });
});

describe('hainanFullName', () => {
  it('returns the address prefix of a region', () => {
    expect(hainanFullName('460106')).toBe('海南省海口市龙华区');
    expect(hainanFullName('469002')).toBe('海南省琼海市');
    expect(hainanFullName('460400')).toBe('海南省儋州市');
    expect(hainanFullName('460000')).toBe('海南省');
    expect(hainanFullName('999999')).toBeUndefined();
    expect(hainanAncestry('460302').map((r) => r.code)).toEqual(['460302', '460300', '460000']);
  });
});

describe('isKnownProvincePrefix', () => {
  it('returns true for exactly the 34 province-level prefixes', () => {
    const known = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter((p) => isKnownProvincePrefix(`${p}0000`));
    expect(known).toHaveLength(34);
    expect(known).toEqual(expect.arrayContaining(['11', '46', '65', '71', '81', '82']));
    expect(isKnownProvincePrefix('470000')).toBe(false);
    expect(isKnownProvincePrefix('830000')).toBe(false);
  });

  it('returns true for every out-of-province origin, none of which is in Hainan', () => {
    for (const o of OUT_OF_PROVINCE_ORIGINS) {
      expect(o.code).toMatch(/^\d{4}00$/);
      expect(isKnownProvincePrefix(o.code)).toBe(true);
      expect(o.code.startsWith('46')).toBe(false);
    }
    expect(OUT_OF_PROVINCE_ORIGINS.map((o) => o.code)).toEqual(
      expect.arrayContaining(['430100', '440100', '450100', '510100', '360100', '420100', '410100', '230100']),
    );
  });
});
