/**
 * The synthetic world against Hainan's published figures: the numbers the statistics dashboard shows a
 * decision-maker must look like Hainan's. Checked on the worlds the platform actually seeds: the default
 * (20,000 persons, seed 2026: SEED_PERSONS and SEED in kit/config.ts) and the dashboard's end-to-end world
 * (3,000 persons, seed 7), plus a larger one where a figure needs more births than those hold.
 *
 * Published figures used, and where from:
 * - Age structure on 2020-11-01, 7th national census: 0-14 19.97%, 15-59 65.38%, 60+ 14.65%, of them 65+ 10.43%
 *   (so 15-64 69.60%) of 10,081,232 residents. 海南省统计局, 海南省第七次全国人口普查公报（第四号）——人口年龄构成情况,
 *   2021-05-13.
 * - Sex ratio on 2020-11-01: 112.86 males per 100 females. 海南省第七次全国人口普查公报（第三号）——人口性别构成情况,
 *   2021-05-13.
 * - Age structure at the end of 2023: 0-14 18.32%, 15-64 69.98%, 65+ 11.70%; 2023 birth rate 9.28‰ (96,000 births).
 *   海南省统计局, 2023年海南省国民经济和社会发展统计公报, 2024.
 * - Birth rates 2020-2022: 2022 8.60‰ (88,100 births), 1.14‰ below 2021, a fall 0.52‰ larger than 2021's: so
 *   2021 9.74‰ and 2020 10.36‰. 海南省统计局, analysis of the 2022 population change, 2023-02-20.
 * - Birth rates 2010-2014: "保持在14.0‰—14.8‰之间". 海南省统计局 人口就业处, 2015-02-05.
 * - Sex ratio at birth: China's 111.3 in the 2020 census (国家统计局, 第七次全国人口普查主要数据, 2021-05-11); Hainan's own
 *   is not in its census bulletins. Hainan's was among China's highest for two decades before (above 130 in 2000).
 *
 * Tolerances, and why: a share of the population within 3 percentage points of the published one (a 3,000-person
 * world's shares vary by about 1 point from seed to seed; the world's ages also carry few of the deaths of the
 * years since 2020, which lowers its 65+ share at the census date). Births, counted as Hainan's statistics count
 * them: persons born in a year still living today, per 1000 living today. No year after 2015 more than 1.5 times
 * the mean of its neighbours (two each side where there are): the published rates never moved by a tenth from one
 * year to the next, while a 3,000-person world's births in a year vary by about a fifth. Each year's rate within
 * 5-20‰ (published: 8.6-14.8‰); 2020-2023 on average within 2‰ of the published 9.50‰; 2010-2014 within 2.5‰ of
 * the published 14.4‰ (the middle of 14.0-14.8; the world measures those cohorts against today's larger
 * population); and the fall between them at least a fifth (published: a third).
 */
import { generateWorld } from '../../../subgraphs/kit/world/world';
import type { WorldPerson } from '../../../subgraphs/kit/world/world';

const TODAY = '2026-01-01';
const CENSUS_DAY = '2020-11-01';

const CENSUS_2020 = { under15: 19.97, working: 69.6, over64: 10.43, sexRatio: 112.86 };
const SURVEY_2023 = { under15: 18.32, working: 69.98, over64: 11.7 };
const BIRTH_RATES: Readonly<Record<number, number>> = { 2020: 10.36, 2021: 9.74, 2022: 8.6, 2023: 9.28 };
const BIRTH_RATE_2010_2014 = 14.4;
const CHINA_SEX_RATIO_AT_BIRTH_2020 = 111.3;

const SHARE_TOLERANCE = 3;

function persons(seed: number, count: number): WorldPerson[] {
  return [...generateWorld({ seed, persons: count, today: TODAY })].flatMap((c) => c.households.flatMap((h) => h.members));
}

const ageOn = (birthDate: string, on: string): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};

/** Shares (percent) of ages 0-14, 15-64 and 65+ among those alive and resident on the day. */
function pyramid(people: readonly WorldPerson[], on: string): { under15: number; working: number; over64: number } {
  const present = people.filter((p) => p.birthDate <= on && (p.status === 'LIVING' || p.statusDate! > on));
  const share = (pred: (age: number) => boolean) => (100 * present.filter((p) => pred(ageOn(p.birthDate, on))).length) / present.length;
  return { under15: share((a) => a < 15), working: share((a) => a >= 15 && a < 65), over64: share((a) => a >= 65) };
}

/** Persons living today by year of birth, and the rate per 1000 living. */
function births(people: readonly WorldPerson[]): { count: (year: number) => number; rate: (year: number) => number } {
  const living = people.filter((p) => p.status === 'LIVING');
  const byYear = new Map<number, number>();
  for (const p of living) byYear.set(Number(p.birthDate.slice(0, 4)), (byYear.get(Number(p.birthDate.slice(0, 4))) ?? 0) + 1);
  const count = (year: number) => byYear.get(year) ?? 0;
  return { count, rate: (year) => (1000 * count(year)) / living.length };
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const LAST_YEAR = Number(TODAY.slice(0, 4)) - 1;

describe.each([
  ['the default world', 20_000, 2026],
  ["the dashboard's end-to-end world", 3_000, 7],
])('%s (%d persons, seed %d)', (_name, count, seed) => {
  let people: WorldPerson[] = [];
  beforeAll(() => {
    people = persons(seed, count);
  });

  it('returns no year after 2015 with more than 1.5 times the births of the years around it', () => {
    const { count: born } = births(people);
    const spikes = years(2016, LAST_YEAR)
      .map((year) => {
        const around = [year - 2, year - 1, year + 1, year + 2].filter((y) => y <= LAST_YEAR);
        return { year, born: born(year), around: mean(around.map(born)) };
      })
      .filter(({ born: b, around }) => b > 1.5 * around)
      .map(({ year, born: b, around }) => `${year}: ${b} births, ${around.toFixed(0)} a year around it`);
    expect(spikes).toEqual([]);
  });

  it("returns births per 1000 living as Hainan's published birth rates", () => {
    const { rate } = births(people);
    const outside = years(2016, LAST_YEAR).filter((y) => rate(y) < 5 || rate(y) > 20).map((y) => `${y}: ${rate(y).toFixed(1)}‰`);
    expect(outside).toEqual([]);
    const recent = mean(Object.keys(BIRTH_RATES).map((y) => rate(Number(y))));
    const published = mean(Object.values(BIRTH_RATES));
    expect(Math.abs(recent - published)).toBeLessThanOrEqual(2);
    const early = mean(years(2010, 2014).map(rate));
    expect(Math.abs(early - BIRTH_RATE_2010_2014)).toBeLessThanOrEqual(2.5);
    expect(early).toBeGreaterThanOrEqual(1.2 * recent);
  });

  it('returns the age structure of the 2020 census on its day, within 3 points', () => {
    const shares = pyramid(people, CENSUS_DAY);
    expect(Math.abs(shares.under15 - CENSUS_2020.under15)).toBeLessThanOrEqual(SHARE_TOLERANCE);
    expect(Math.abs(shares.working - CENSUS_2020.working)).toBeLessThanOrEqual(SHARE_TOLERANCE);
    expect(Math.abs(shares.over64 - CENSUS_2020.over64)).toBeLessThanOrEqual(SHARE_TOLERANCE);
  });

  it('returns the age structure published for the end of 2023 today, within 3 points', () => {
    const shares = pyramid(people, TODAY);
    expect(Math.abs(shares.under15 - SURVEY_2023.under15)).toBeLessThanOrEqual(SHARE_TOLERANCE);
    expect(Math.abs(shares.working - SURVEY_2023.working)).toBeLessThanOrEqual(SHARE_TOLERANCE);
    expect(Math.abs(shares.over64 - SURVEY_2023.over64)).toBeLessThanOrEqual(SHARE_TOLERANCE);
  });

  it("returns the census's 112.86 males per 100 females, within 4", () => {
    const males = people.filter((p) => p.gender === 'MALE').length;
    expect(Math.abs((100 * males) / (people.length - males) - CENSUS_2020.sexRatio)).toBeLessThanOrEqual(4);
  });
});

describe('sex ratio at birth', () => {
  // Boys per 100 girls among those born 2016-2025: ~2,000 births in the default world (a ratio known to about
  // +-5), ~10,000 in a 100,000-person one (+-2.2); a 3,000-person world's ~300 say nothing (+-13).
  const ratioOfRecentBirths = (people: readonly WorldPerson[]): number => {
    const recent = people.filter((p) => p.birthDate >= '2016-01-01');
    const boys = recent.filter((p) => p.gender === 'MALE').length;
    return (100 * boys) / (recent.length - boys);
  };

  it("returns about China's 111.3 of the 2020 census: within 12 in the default world, 6 in a larger one", () => {
    expect(Math.abs(ratioOfRecentBirths(persons(2026, 20_000)) - CHINA_SEX_RATIO_AT_BIRTH_2020)).toBeLessThanOrEqual(12);
    expect(Math.abs(ratioOfRecentBirths(persons(13, 100_000)) - CHINA_SEX_RATIO_AT_BIRTH_2020)).toBeLessThanOrEqual(6);
  });
});
