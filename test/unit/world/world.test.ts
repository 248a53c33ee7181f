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
    expect(hashOf({ seed: 1, persons: 500, chunkSize: 100 })).toBe('GOLDEN');
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
      for (const { m } of members) expect(m.ethnicity).toBe(ethnicityName(m.ethnicityCode));
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
      for (const h of all) expect(residence.has(h.regionCode)).toBe(true);
    });

    it('returns every household location inside its region, and an address naming the region', () => {
      const boundaries = hainanBoundaries();
      for (const h of all) {
        expect({ id: h.id, at: regionAt(h.location) }).toEqual({ id: h.id, at: h.regionCode });
        expect(pointInPolygon(h.location, boundaries.get(h.regionCode)!)).toBe(true);
        expect(h.address.startsWith(hainanFullName(h.regionCode)!)).toBe(true);
        expect(h.address).toMatch(/(号\d+栋\d单元\d{3,4}|村[一二三四五六七八九十]组\d+号)$/);
        expect(h.registeredOn <= TODAY).toBe(true);
        expect(h.registeredOn >= h.members[0]!.birthDate).toBe(true);
        expect(h.id).toMatch(/^H[0-9A-HJKMNP-TV-Z]{8}$/);
        expect(h.placeId).toMatch(/^A[0-9A-HJKMNP-TV-Z]{8}$/);
      }
    });

    it('returns coherent household structures and ages', () => {
      for (const h of all) {
        const [head, ...rest] = h.members;
        expect(head!.relationship).toBe('HEAD');
        expect(ageAt(head!.birthDate)).toBeGreaterThanOrEqual(18);
        expect(rest.filter((m) => m.relationship === 'HEAD')).toEqual([]);
        expect(rest.filter((m) => m.relationship === 'SPOUSE').length).toBeLessThanOrEqual(1);
        const spouse = rest.find((m) => m.relationship === 'SPOUSE');
        if (spouse) expect(spouse.gender).not.toBe(head!.gender);
        for (const child of rest.filter((m) => m.relationship === 'CHILD')) {
          for (const parent of spouse ? [head!, spouse] : [head!]) {
            const gap = yearsBetween(parent.birthDate, child.birthDate);
            expect({ id: child.id, ok: gap >= 20 && gap <= 45 }).toEqual({ id: child.id, ok: true });
          }
        }
        for (const parent of rest.filter((m) => m.relationship === 'PARENT')) {
          const gap = yearsBetween(parent.birthDate, head!.birthDate);
          expect({ id: parent.id, ok: gap >= 20 && gap <= 45 }).toEqual({ id: parent.id, ok: true });
        }
        for (const g of rest.filter((m) => m.relationship === 'GRANDCHILD')) {
          expect(yearsBetween(head!.birthDate, g.birthDate)).toBeGreaterThanOrEqual(40);
        }
      }
      // Most children share the head's surname.
      const children = all.flatMap((h) => h.members.filter((m) => m.relationship === 'CHILD').map((c) => [h.members[0]!, c] as const));
      const sameSurname = children.filter(([head, c]) => head.name.charAt(0) === c.name.charAt(0)).length / children.length;
      expect(sameSurname).toBeGreaterThan(0.7);
      expect(share(({ m }) => m.relationship === 'PARENT')).toBeGreaterThan(0.01);
      expect(share(({ m }) => m.relationship === 'GRANDCHILD')).toBeGreaterThan(0.01);
    });

    it('returns marital statuses coherent with age and partners', () => {
      for (const { m } of members) {
        const age = ageAt(m.birthDate);
        if (age < (m.gender === 'MALE' ? 22 : 20)) expect({ id: m.id, marital: m.maritalStatus }).toEqual({ id: m.id, marital: 'SINGLE' });
      }
      for (const h of all) {
        const head = h.members[0]!;
        const spouse = h.members.find((m) => m.relationship === 'SPOUSE');
        if (!spouse) continue;
        if (spouse.status === 'DECEASED') expect(head.maritalStatus).toBe('WIDOWED');
        else if (head.status === 'DECEASED') expect(spouse.maritalStatus).toBe('WIDOWED');
        else {
          expect(head.maritalStatus).toBe('MARRIED');
          expect(spouse.maritalStatus).toBe('MARRIED');
        }
      }
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
      for (const { m } of members) {
        if (m.status === 'LIVING') expect(m.statusDate).toBeNull();
        else {
          expect(m.statusDate! > m.birthDate).toBe(true);
          expect(m.statusDate! < TODAY).toBe(true);
        }
      }
    });

    it('returns ~8% floating population whose hukou is their origin', () => {
      const floating = share(({ m }) => m.floating);
      expect(floating).toBeGreaterThan(0.05);
      expect(floating).toBeLessThan(0.11);
      const outOfProvince = new Set(OUT_OF_PROVINCE_ORIGINS.map((o) => o.code));
      let fromElsewhereInHainan = 0;
      for (const { m, h } of members) {
        if (m.floating) {
          expect(m.originRegionCode).not.toBeNull();
          expect(m.originRegionCode).not.toBe(h.regionCode);
          expect(m.hukouRegionCode).toBe(m.originRegionCode);
          expect(outOfProvince.has(m.originRegionCode!) || hainanRegion(m.originRegionCode!) !== undefined).toBe(true);
          if (m.originRegionCode!.startsWith('46')) fromElsewhereInHainan++;
          expect(m.idNumber.startsWith(m.originRegionCode!)).toBe(true);
        } else {
          expect(m.originRegionCode).toBeNull();
          expect(m.hukouRegionCode).toBe(h.regionCode);
        }
      }
      expect(fromElsewhereInHainan).toBeGreaterThan(0);
    });

    it('returns 11-digit mobile numbers with real prefixes, and Chinese names', () => {
      for (const { m } of members) {
        expect(m.phone).toMatch(/^1(3\d|4[57]|5[0-35-9]|66|7[0-8]|8\d|9[1589])\d{8}$/);
        expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      }
    });
  });
});
