import { ETHNICITIES, HAINAN_SURNAMES, LI_SURNAMES, ethnicityName, makeName, pickEthnicity, pickSurname } from '../../../subgraphs/kit/world/names';
import { rngFor } from '../../../subgraphs/kit/world/rng';

describe('makeName', () => {
  it('returns the given surname plus one or two Chinese characters', () => {
    const rng = rngFor(1, 'names');
    const lengths = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const name = makeName(rng, '符', i % 2 ? 'MALE' : 'FEMALE');
      expect(name).toMatch(/^符[\u4e00-\u9fff]{1,2}$/);
      lengths.add(name.length);
    }
    expect([...lengths].sort()).toEqual([2, 3]);
  });

  it('returns a typical Hainan surname when none is given', () => {
    const rng = rngFor(2, 'names');
    const surnames = new Set(HAINAN_SURNAMES.map(([s]) => s));
    for (let i = 0; i < 500; i++) expect(surnames.has(makeName(rng, undefined, 'MALE').charAt(0))).toBe(true);
  });

  it('returns different given names for men and women most of the time', () => {
    const rng = rngFor(3, 'names');
    const male = new Set(Array.from({ length: 3000 }, () => makeName(rng, '王', 'MALE').slice(1)));
    const female = new Set(Array.from({ length: 3000 }, () => makeName(rng, '王', 'FEMALE').slice(1)));
    const shared = [...male].filter((n) => female.has(n)).length;
    expect(shared / male.size).toBeLessThan(0.1);
  });
});

describe('pickSurname', () => {
  it('returns 王 and 陈 as the most common surnames, and 符 and 王 among the Li', () => {
    const rng = rngFor(4, 'surnames');
    const count = (ethnicity: string | undefined): Map<string, number> => {
      const m = new Map<string, number>();
      for (let i = 0; i < 20_000; i++) {
        const s = pickSurname(rng, ethnicity);
        m.set(s, (m.get(s) ?? 0) + 1);
      }
      return m;
    };
    const top = (m: Map<string, number>): string[] => [...m].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([s]) => s).sort();
    expect(top(count(undefined))).toEqual(['王', '陈'].sort());
    expect(top(count('19'))).toEqual(['王', '符'].sort());
    expect(new Set(LI_SURNAMES.map(([s]) => s)).has('黎')).toBe(true);
  });
});

describe('ETHNICITIES', () => {
  it('returns GB 3304 codes and names', () => {
    const byCode = Object.fromEntries(ETHNICITIES.map((e) => [e.code, e.name]));
    expect(byCode).toEqual(expect.objectContaining({ '01': '汉族', '03': '回族', '06': '苗族', '08': '壮族', '19': '黎族' }));
    expect(new Set(ETHNICITIES.map((e) => e.code)).size).toBe(ETHNICITIES.length);
    expect(ethnicityName('19')).toBe('黎族');
    expect(ethnicityName('99')).toBeUndefined();
  });
});

describe('pickEthnicity', () => {
  it('returns Li, Miao, other and Han with the requested shares', () => {
    const rng = rngFor(5, 'ethnicity');
    const counts = new Map<string, number>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const code = pickEthnicity(rng, 0.158, 0.009, 0.007);
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    expect(counts.get('19')! / n).toBeCloseTo(0.158, 2);
    expect(counts.get('06')! / n).toBeCloseTo(0.009, 2);
    expect(counts.get('01')! / n).toBeCloseTo(0.826, 2);
    for (const code of counts.keys()) expect(ethnicityName(code)).toBeDefined();
  });
});
