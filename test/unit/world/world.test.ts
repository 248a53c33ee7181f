import { createHash } from 'node:crypto';
import { hainanBoundaries, pointInPolygon, regionAt } from '../../../subgraphs/kit/world/geometry';
import { OUT_OF_PROVINCE_ORIGINS, RESIDENCE_REGIONS, hainanFullName, hainanRegion } from '../../../subgraphs/kit/world/hainan';
import { validateIdNumber } from '../../../subgraphs/kit/world/id-number';
import { ethnicityName } from '../../../subgraphs/kit/world/names';
import { generateWorld } from '../../../subgraphs/kit/world/world';
import type { WorldChunk, WorldHousehold, WorldOptions, WorldPerson } from '../../../subgraphs/kit/world/world';

const TODAY = '2026-01-01';
const TODAY_DATE = new Date(`${TODAY}T00:00:00Z`);

function hashOf(options: WorldOptions, maxChunks = Infinity): string {
  const hash = createHash('sha256');
  let n = 0;
  for (const chunk of generateWorld(options)) {
    if (n++ >= maxChunks) break;
    hash.update(JSON.stringify(chunk));
  }
  return hash.digest('hex');
}

function households(options: WorldOptions): WorldHousehold[] {
  return [...generateWorld(options)].flatMap((c) => c.households);
}

const ageAt = (birthDate: string, on: string = TODAY): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};
const yearsBetween = (older: string, younger: string): number => (Date.parse(younger) - Date.parse(older)) / 864e5 / 365.25;

describe('generateWorld', () => {
  it('returns byte-identical output for the same options', () => {
    const options = { seed: 2026, persons: 20_000, chunkSize: 500 };
    expect(hashOf(options, 3)).toBe(hashOf(options, 3));
    expect(hashOf({ seed: 7, persons: 3000 })).toBe(hashOf({ seed: 7, persons: 3000 }));
  });

  it('returns the pinned output for a small run (update only on an intended change of the generator)', () => {
    // Services derive their seed data from the world: any change here changes every database.
    expect(hashOf({ seed: 1, persons: 500, chunkSize: 100 })).toBe('6117045d39611ae441480cb1bacf7f187e44e4c54441ca75a14610aef7e89d1f');
  });

  it('returns different output for a different seed', () => {
    expect(hashOf({ seed: 1, persons: 2000 })).not.toBe(hashOf({ seed: 2, persons: 2000 }));
  });

  it('returns the same households whatever the chunk size', () => {
    const a = households({ seed: 3, persons: 5000, chunkSize: 1 });
    const b = households({ seed: 3, persons: 5000, chunkSize: 5000 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('returns exactly the requested number of persons, in chunks of whole households', () => {
    for (const persons of [0, 1, 2, 999, 1000, 1001, 12_345]) {
      const chunks: WorldChunk[] = [...generateWorld({ seed: 4, persons, chunkSize: 1000 })];
      const members = chunks.flatMap((c) => c.households.flatMap((h) => h.members));
      expect(members).toHaveLength(persons);
      expect(members.map((m) => m.index)).toEqual(Array.from({ length: persons }, (_, i) => i));
      chunks.forEach((c, i) => {
        expect(c.index).toBe(i);
        expect(c.persons).toBe(c.households.reduce((s, h) => s + h.members.length, 0));
        if (i < chunks.length - 1) {
          expect(c.persons).toBeGreaterThanOrEqual(1000);
          expect(c.persons).toBeLessThan(1006);
        }
      });
      for (const h of chunks.flatMap((c) => c.households)) expect(h.members.length).toBeGreaterThan(0);
    }
  });

  it('returns a RangeError for invalid options', () => {
    expect(() => generateWorld({ seed: 1, persons: -1 }).next()).toThrow(RangeError);
    expect(() => generateWorld({ seed: 1, persons: 1.5 }).next()).toThrow(RangeError);
    expect(() => generateWorld({ seed: Number.NaN, persons: 1 }).next()).toThrow(RangeError);
    expect(() => generateWorld({ seed: 1, persons: 1, chunkSize: 0 }).next()).toThrow(RangeError);
    expect(() => generateWorld({ seed: 1, persons: 1, today: '2026-02-30' }).next()).toThrow(RangeError);
    expect(() => generateWorld({ seed: 1, persons: 1, today: '1950-01-01' }).next()).toThrow(RangeError);
  });

  it('returns dates relative to the today option, never the clock', () => {
    const members = households({ seed: 5, persons: 3000, today: '2030-06-15' }).flatMap((h) => h.members);
    expect(members.some((m) => m.birthDate > '2026-01-01')).toBe(true);
    for (const m of members) expect(m.birthDate <= '2030-06-15').toBe(true);
  });

  describe('over 200,000 persons', () => {
    const ids = new Set<string>();
    const idNumbers = new Set<string>();
    const householdIds = new Set<string>();
    const placeIds = new Set<string>();
    const invalid: string[] = [];
    let persons = 0;
    let households = 0;

    beforeAll(() => {
      for (const chunk of generateWorld({ seed: 11, persons: 200_000, chunkSize: 5000 })) {
        for (const h of chunk.households) {
          households++;
          householdIds.add(h.id);
          placeIds.add(h.placeId);
          for (const m of h.members) {
            persons++;
            ids.add(m.id);
            idNumbers.add(m.idNumber);
            const v = validateIdNumber(m.idNumber, TODAY_DATE);
            if (!v.ok || v.regionCode !== m.hukouRegionCode || v.birthDate !== m.birthDate || v.gender !== m.gender) {
              invalid.push(`${m.idNumber} ${JSON.stringify(v)}`);
            }
          }
        }
      }
    });

    it('returns unique person, household and place ids', () => {
      expect(persons).toBe(200_000);
      expect(ids.size).toBe(persons);
      expect(householdIds.size).toBe(households);
      expect(placeIds.size).toBe(households);
      for (const id of ids) {
        expect(id).toMatch(/^P[0-9A-HJKMNP-TV-Z]{8}$/);
        break;
      }
    });

    it('returns unique, valid identity numbers matching hukou region, birth date and gender', () => {
      expect(invalid.slice(0, 5)).toEqual([]);
      expect(idNumbers.size).toBe(persons);
    });
  });

  describe('over 50,000 persons', () => {
    let all: WorldHousehold[] = [];
    let members: { m: WorldPerson; h: WorldHousehold }[] = [];
    beforeAll(() => {
      all = households({ seed: 12, persons: 50_000 });
      members = all.flatMap((h) => h.members.map((m) => ({ m, h })));
    });
    const share = (pred: (x: { m: WorldPerson; h: WorldHousehold }) => boolean): number => members.filter(pred).length / members.length;

    it('returns about 112 males per 100 females', () => {
      const males = members.filter(({ m }) => m.gender === 'MALE').length;
      const ratio = (100 * males) / (members.length - males);
      expect(ratio).toBeGreaterThan(106);
      expect(ratio).toBeLessThan(118);
    });

    it('returns the 2020 ethnic mix (Li ~15.8%, Han ~82.6%), with Li concentrated in the Li autonomous counties', () => {
      expect(share(({ m }) => m.ethnicityCode === '19')).toBeGreaterThan(0.135);
      expect(share(({ m }) => m.ethnicityCode === '19')).toBeLessThan(0.18);
      expect(share(({ m }) => m.ethnicityCode === '01')).toBeGreaterThan(0.79);
      expect(share(({ m }) => m.ethnicityCode === '01')).toBeLessThan(0.86);
      expect(share(({ m }) => m.ethnicityCode === '06')).toBeGreaterThan(0.004);
      expect(share(({ m }) => m.ethnicityCode === '06')).toBeLessThan(0.015);
      const liIn = (pred: (code: string) => boolean): number => {
        const local = members.filter(({ m, h }) => !m.floating && pred(h.regionCode));
        return local.filter(({ m }) => m.ethnicityCode === '19').length / local.length;
      };
      expect(liIn((c) => hainanRegion(c)!.name.includes('黎族'))).toBeGreaterThan(0.4);
      expect(liIn((c) => c.startsWith('4601'))).toBeLessThan(0.1);
      expect(members.filter(({ m }) => m.ethnicity !== ethnicityName(m.ethnicityCode)).map(({ m }) => m.id)).toEqual([]);
    });

    it('returns an age pyramid close to the 2020 census (~17% under 15, ~12% aged 65+, nobody over 100)', () => {
      const ages = members.map(({ m }) => ageAt(m.birthDate));
      const under15 = ages.filter((a) => a < 15).length / ages.length;
      const over65 = ages.filter((a) => a >= 65).length / ages.length;
      expect(under15).toBeGreaterThan(0.14);
      expect(under15).toBeLessThan(0.2);
      expect(over65).toBeGreaterThan(0.09);
      expect(over65).toBeLessThan(0.15);
      expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ages)).toBeLessThanOrEqual(100);
      expect(Math.max(...ages)).toBeGreaterThanOrEqual(95);
    });

    it('returns households of 1-6 persons with a mean of about 2.8', () => {
      const sizes = all.slice(0, -1).map((h) => h.members.length);
      const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
      expect(mean).toBeGreaterThan(2.6);
      expect(mean).toBeLessThan(3.0);
      expect(Math.min(...sizes)).toBe(1);
      expect(Math.max(...sizes)).toBe(6);
    });

    it('returns households spread by population: Haikou ~28%, Sanya ~10%, Sansha tiny', () => {
      const personsIn = (prefix: string): number => share(({ h }) => h.regionCode.startsWith(prefix));
      expect(personsIn('4601')).toBeGreaterThan(0.26);
      expect(personsIn('4601')).toBeLessThan(0.31);
      expect(personsIn('4602')).toBeGreaterThan(0.085);
      expect(personsIn('4602')).toBeLessThan(0.12);
      expect(personsIn('4603')).toBeLessThan(0.002);
      const residence = new Set(RESIDENCE_REGIONS.map((r) => r.code));
      expect(all.filter((h) => !residence.has(h.regionCode)).map((h) => h.id)).toEqual([]);
    });

    it('returns every household location inside its region, and an address naming the region', () => {
      const boundaries = hainanBoundaries();
      const problems: string[] = [];
      for (const h of all) {
        if (regionAt(h.location) !== h.regionCode) problems.push(`${h.id} location in ${regionAt(h.location)}`);
        if (!pointInPolygon(h.location, boundaries.get(h.regionCode)!)) problems.push(`${h.id} location outside`);
        if (!h.address.startsWith(hainanFullName(h.regionCode)!)) problems.push(`${h.id} address ${h.address}`);
        if (!/(号\d+栋\d单元\d{3,4}|村[一二三四五六七八九十]组\d+号)$/.test(h.address)) problems.push(`${h.id} address ${h.address}`);
        if (!(h.registeredOn <= TODAY && h.registeredOn >= h.members[0]!.birthDate)) problems.push(`${h.id} registered ${h.registeredOn}`);
        if (!/^H[0-9A-HJKMNP-TV-Z]{8}$/.test(h.id) || !/^A[0-9A-HJKMNP-TV-Z]{8}$/.test(h.placeId)) problems.push(`${h.id} ids`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });

    it('returns coherent household structures and ages', () => {
      const problems: string[] = [];
      for (const h of all) {
        const [head, ...rest] = h.members;
        if (head!.relationship !== 'HEAD' || ageAt(head!.birthDate) < 18) problems.push(`${h.id} head`);
        if (rest.some((m) => m.relationship === 'HEAD')) problems.push(`${h.id} two heads`);
        const spouses = rest.filter((m) => m.relationship === 'SPOUSE');
        if (spouses.length > 1 || spouses.some((s) => s.gender === head!.gender)) problems.push(`${h.id} spouse`);
        const spouse = spouses[0];
        const gapOk = (older: WorldPerson, younger: WorldPerson): boolean => {
          const gap = yearsBetween(older.birthDate, younger.birthDate);
          return gap >= 20 && gap <= 45;
        };
        for (const child of rest.filter((m) => m.relationship === 'CHILD')) {
          if (!gapOk(head!, child) || (spouse && !gapOk(spouse, child))) problems.push(`${child.id} child age`);
        }
        for (const parent of rest.filter((m) => m.relationship === 'PARENT')) if (!gapOk(parent, head!)) problems.push(`${parent.id} parent age`);
        for (const g of rest.filter((m) => m.relationship === 'GRANDCHILD')) {
          if (yearsBetween(head!.birthDate, g.birthDate) < 40) problems.push(`${g.id} grandchild age`);
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
      // Most children share the head's surname.
      const children = all.flatMap((h) => h.members.filter((m) => m.relationship === 'CHILD').map((c) => [h.members[0]!, c] as const));
      const sameSurname = children.filter(([head, c]) => head.name.charAt(0) === c.name.charAt(0)).length / children.length;
      expect(sameSurname).toBeGreaterThan(0.7);
      expect(share(({ m }) => m.relationship === 'PARENT')).toBeGreaterThan(0.01);
      expect(share(({ m }) => m.relationship === 'GRANDCHILD')).toBeGreaterThan(0.01);
    });

    it('returns marital statuses coherent with age and partners', () => {
      const problems: string[] = [];
      for (const { m } of members) {
        if (ageAt(m.birthDate) < (m.gender === 'MALE' ? 22 : 20) && m.maritalStatus !== 'SINGLE') problems.push(`${m.id} under age ${m.maritalStatus}`);
      }
      for (const h of all) {
        const head = h.members[0]!;
        const spouse = h.members.find((m) => m.relationship === 'SPOUSE');
        if (!spouse) continue;
        const expected =
          spouse.status === 'DECEASED' ? ['WIDOWED', spouse.maritalStatus] : head.status === 'DECEASED' ? [head.maritalStatus, 'WIDOWED'] : ['MARRIED', 'MARRIED'];
        if (head.maritalStatus !== expected[0] || spouse.maritalStatus !== expected[1]) problems.push(`${h.id} couple ${head.maritalStatus}/${spouse.maritalStatus}`);
        if (head.status === 'DECEASED' && spouse.status === 'DECEASED') problems.push(`${h.id} both deceased`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
      const adults = members.filter(({ m }) => ageAt(m.birthDate) >= 30);
      expect(adults.filter(({ m }) => m.maritalStatus === 'MARRIED').length / adults.length).toBeGreaterThan(0.6);
      expect(share(({ m }) => m.maritalStatus === 'WIDOWED')).toBeGreaterThan(0.02);
      expect(share(({ m }) => m.maritalStatus === 'DIVORCED')).toBeGreaterThan(0.01);
    });

    it('returns ~0.7% deceased and ~0.3% emigrated, with a status date after birth and before today', () => {
      const deceased = share(({ m }) => m.status === 'DECEASED');
      const emigrated = share(({ m }) => m.status === 'EMIGRATED');
      expect(deceased).toBeGreaterThan(0.004);
      expect(deceased).toBeLessThan(0.011);
      expect(emigrated).toBeGreaterThan(0.0015);
      expect(emigrated).toBeLessThan(0.005);
      const bad = members.filter(({ m }) =>
        m.status === 'LIVING' ? m.statusDate !== null : !(m.statusDate !== null && m.statusDate > m.birthDate && m.statusDate < TODAY),
      );
      expect(bad.map(({ m }) => m.id)).toEqual([]);
    });

    it('returns ~8% floating population whose hukou is their origin', () => {
      const floating = share(({ m }) => m.floating);
      expect(floating).toBeGreaterThan(0.05);
      expect(floating).toBeLessThan(0.11);
      const outOfProvince = new Set(OUT_OF_PROVINCE_ORIGINS.map((o) => o.code));
      const problems: string[] = [];
      let fromElsewhereInHainan = 0;
      for (const { m, h } of members) {
        if (m.floating) {
          const origin = m.originRegionCode;
          if (origin === null || origin === h.regionCode || m.hukouRegionCode !== origin || !m.idNumber.startsWith(origin)) problems.push(`${m.id} origin`);
          else if (!outOfProvince.has(origin) && hainanRegion(origin) === undefined) problems.push(`${m.id} unknown origin ${origin}`);
          if (origin?.startsWith('46')) fromElsewhereInHainan++;
        } else if (m.originRegionCode !== null || m.hukouRegionCode !== h.regionCode) problems.push(`${m.id} local hukou`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
      expect(fromElsewhereInHainan).toBeGreaterThan(0);
    });

    it('returns 11-digit mobile numbers with real prefixes, and Chinese names', () => {
      const bad = members.filter(
        ({ m }) => !/^1(3\d|4[57]|5[0-35-9]|66|7[0-8]|8\d|9[1589])\d{8}$/.test(m.phone) || !/^[\u4e00-\u9fff]{2,3}$/.test(m.name),
      );
      expect(bad.map(({ m }) => `${m.phone} ${m.name}`)).toEqual([]);
    });
  });
});
