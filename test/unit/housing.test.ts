/** The housing register's rules (certificate numbers, owners, amounts, dates, places), its filters and its seed. */
import { GraphQLError } from 'graphql';
import {
  chinaToday,
  makeCertificateNumber,
  registrationOffice,
  validAddress,
  validateCertificateNumber,
  validDate,
  validFloorArea,
  validLocation,
  validOwners,
  validPrice,
  validPropertyRegion,
} from '../../subgraphs/housing/registration';
import { propertyWhere } from '../../subgraphs/housing/resolvers';
import { housingRows } from '../../subgraphs/housing/seed';
import { makeUscc } from '../../subgraphs/kit/world/uscc';
import { generateWorld } from '../../subgraphs/kit/world/world';

/** The BAD_USER_INPUT error `fn` throws, for its argument name and reason. */
function refusal(fn: () => unknown): { argumentName: string; reason: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions as { argumentName: string; reason: string };
  }
  throw new Error('expected a refusal');
}

describe(registrationOffice.name, () => {
  it('returns the city for a district and the short county name used on certificates', () => {
    expect(registrationOffice('460106')).toBe('海口市');
    expect(registrationOffice('460203')).toBe('三亚市');
    expect(registrationOffice('460400')).toBe('儋州市');
    expect(registrationOffice('469002')).toBe('琼海市');
    expect(registrationOffice('469028')).toBe('陵水县');
    expect(registrationOffice('469030')).toBe('琼中县');
  });
});

describe(validateCertificateNumber.name, () => {
  it('accepts a well-formed number and returns it with half-width parentheses', () => {
    expect(validateCertificateNumber('琼(2021)海口市不动产权第0012345号', '460106', '2026-06-01')).toEqual({ ok: true, value: '琼(2021)海口市不动产权第0012345号', year: 2021, office: '海口市', serial: 12345 });
    expect(validateCertificateNumber('琼（2021）陵水县不动产权第0000001号', '469028')).toMatchObject({ ok: true, value: '琼(2021)陵水县不动产权第0000001号' });
    expect(validateCertificateNumber(makeCertificateNumber(2019, '469030', 42), '469030')).toMatchObject({ ok: true, serial: 42, office: '琼中县' });
  });

  it.each([
    ['海口市不动产权第0012345号', '琼(YYYY)'],
    ['琼(2021)海口市不动产权第12345号', '琼(YYYY)'],
    ['粤(2021)广州市不动产权第0012345号', '琼(YYYY)'],
    ['琼(2014)海口市不动产权第0012345号', 'before 2015'],
    ['琼(2027)海口市不动产权第0012345号', 'future'],
    ['琼(2021)广州市不动产权第0012345号', 'not a Hainan city or county'],
    ['琼(2021)三亚市不动产权第0012345号', 'registered by 海口市'],
  ])('refuses %s, saying why', (value, why) => {
    const result = validateCertificateNumber(value, '460106', '2026-06-01');
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(why) });
  });
});

describe(validOwners.name, () => {
  const uscc = makeUscc(7, '460106');

  it('returns persons and enterprises as parties with their shares', () => {
    expect(validOwners('input.owners', [{ personId: 'P12345678', share: 0.5 }, { uscc, share: 0.5 }])).toEqual([
      { kind: 'PERSON', ownerId: 'P12345678', share: 0.5 },
      { kind: 'ENTERPRISE', ownerId: uscc, share: 0.5 },
    ]);
    // Thirds do not add up to 1 exactly in binary; a rounding difference is not a refusal.
    expect(validOwners('o', [{ personId: 'A', share: 1 / 3 }, { personId: 'B', share: 1 / 3 }, { personId: 'C', share: 1 / 3 }])).toHaveLength(3);
  });

  it.each([
    [[], 'o', 'at least one'],
    [[{ personId: 'A', share: 0.4 }, { personId: 'B', share: 0.4 }], 'o', 'add up to 0.8'],
    [[{ share: 1 }], 'o[0]', 'exactly one'],
    [[{ personId: 'A', uscc, share: 1 }], 'o[0]', 'exactly one'],
    [[{ personId: 'A', share: 0 }, { personId: 'B', share: 1 }], 'o[0].share', 'above 0'],
    [[{ personId: 'A', share: 1.2 }], 'o[0].share', 'at most 1'],
    [[{ personId: 'A', share: 0.5 }, { personId: 'A', share: 0.5 }], 'o[1]', 'named twice'],
    [[{ uscc: `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`, share: 1 }], 'o[0].uscc', 'check character'],
    [[{ personId: 'P-1', share: 1 }], 'o[0].personId', 'letters and digits'],
  ])('refuses %j naming %s', (owners, argument, why) => {
    expect(refusal(() => validOwners('o', owners))).toMatchObject({ argumentName: argument, reason: expect.stringContaining(why) });
  });
});

describe('amounts', () => {
  it('returns valid prices and areas and refuses zero, negatives, fractions of a fen and absurd sizes', () => {
    expect(validPrice('p', 1_250_000.5)).toBe(1_250_000.5);
    expect(validFloorArea('a', 89.25)).toBe(89.25);
    for (const price of [0, -1, Number.NaN, 1.005, 2e11]) expect(refusal(() => validPrice('p', price)).argumentName).toBe('p');
    for (const area of [0, -3, 1.234, 2e6, Number.POSITIVE_INFINITY]) expect(refusal(() => validFloorArea('a', area)).argumentName).toBe('a');
  });
});

describe(validDate.name, () => {
  it('returns a date within its bounds and refuses a future one, one before the lower bound, and a non-date', () => {
    expect(validDate('d', '2024-05-01', { notAfter: '2025-01-01', notBefore: { date: '2024-05-01', what: 'the last transfer' } })).toBe('2024-05-01');
    expect(refusal(() => validDate('d', '2025-01-02', { notAfter: '2025-01-01' })).reason).toContain('future');
    expect(refusal(() => validDate('d', '2024-04-30', { notBefore: { date: '2024-05-01', what: 'the last transfer' } })).reason).toContain('the last transfer');
    expect(refusal(() => validDate('d', '2023-02-30')).reason).toContain('calendar date');
  });
});

describe(chinaToday.name, () => {
  it('returns the date in UTC+8', () => {
    expect(chinaToday(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(chinaToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });
});

describe('places', () => {
  it('returns a county or district and refuses malformed codes, cities and unknown codes', () => {
    expect(validPropertyRegion('r', '460106')).toBe('460106');
    expect(validPropertyRegion('r', '460400')).toBe('460400');
    expect(refusal(() => validPropertyRegion('r', '46010')).reason).toContain('6 digits');
    expect(refusal(() => validPropertyRegion('r', '460100')).reason).toContain('county or district');
    expect(refusal(() => validPropertyRegion('r', '469099')).reason).toContain('not a county or district');
  });

  it('returns an address that starts with the region name and refuses one that does not', () => {
    expect(validAddress('a', ' 海南省海口市龙华区滨海大道1号 ', '460106')).toBe('海南省海口市龙华区滨海大道1号');
    expect(refusal(() => validAddress('a', '海南省海口市美兰区海甸岛1号', '460106')).reason).toContain('海南省海口市龙华区');
    expect(refusal(() => validAddress('a', '海南省海口市龙华区', '460106')).argumentName).toBe('a');
  });

  it('returns the coordinates of a point in the region and refuses points elsewhere and other geometries', () => {
    expect(validLocation('l', { type: 'Point', coordinates: [110.3283, 20.031] }, '460106')).toEqual([110.3283, 20.031]);
    expect(refusal(() => validLocation('l', { type: 'Point', coordinates: [109.51, 18.25] }, '460106')).reason).toMatch(/in region 4602\d\d, not in region 460106/);
    expect(refusal(() => validLocation('l', { type: 'Point', coordinates: [116.4, 39.9] }, '460106')).reason).toContain('outside Hainan');
    expect(refusal(() => validLocation('l', { type: 'Polygon', coordinates: [] }, '460106')).reason).toContain('GeoJSON Point');
  });
});

describe(propertyWhere.name, () => {
  it('returns conditions by region level and the fields each reads', () => {
    expect(propertyWhere({ regionCode: '460000' })).toEqual({ where: [{ regionCode: { $like: '46%' } }], fields: ['regionCode'] });
    expect(propertyWhere({ regionCode: '460100' }).where).toEqual([{ cityCode: '460100' }]);
    expect(propertyWhere({ regionCode: '469028' }).where).toEqual([{ regionCode: '469028' }]);
    expect(propertyWhere({ usage: 'OFFICE', minFloorArea: 50, maxFloorArea: 90 })).toEqual({
      where: [{ usage: 'OFFICE' }, { floorArea: { $gte: 50 } }, { floorArea: { $lte: 90 } }],
      fields: ['usage', 'floorArea'],
    });
    expect(propertyWhere(null)).toEqual({ where: [], fields: [] });
  });

  it('refuses a malformed region code, an empty area range and a malformed owner ID', () => {
    expect(refusal(() => propertyWhere({ regionCode: 'Haikou' })).argumentName).toBe('filter.regionCode');
    expect(refusal(() => propertyWhere({ minFloorArea: 100, maxFloorArea: 50 })).argumentName).toBe('filter.minFloorArea');
    expect(refusal(() => propertyWhere({ ownerId: "P1' or 1=1" })).argumentName).toBe('filter.ownerId');
  });
});

describe(housingRows.name, () => {
  const chunks = [...generateWorld({ seed: 3, persons: 6000 })];
  const rows = chunks.map((chunk) => Object.fromEntries(housingRows(chunk).map(([entity, list]) => [entity.meta.className, list as any[]])));
  const all = (name: string) => rows.flatMap((r) => r[name]);

  it('returns the same rows for the same world, generated again', () => {
    const again = [...generateWorld({ seed: 3, persons: 6000 })].map((chunk) => housingRows(chunk).map(([, list]) => list));
    expect(JSON.stringify(again)).toBe(JSON.stringify(rows.map((r) => Object.values(r))));
  });

  it('returns homes for about two households in three, some with a second property, held by head and spouse', () => {
    const households = chunks.flatMap((c) => c.households);
    const ownersOf = new Map<string, Set<string>>();
    for (const o of all('PropertyOwner')) ownersOf.set(o.ownerId, (ownersOf.get(o.ownerId) ?? new Set()).add(o.propertyId));
    const holdings = households.map((h) => new Set(h.members.flatMap((m) => [...(ownersOf.get(m.id) ?? [])])).size);
    const owning = holdings.filter((n) => n > 0).length / households.length;
    expect(owning).toBeGreaterThan(0.63);
    expect(owning).toBeLessThan(0.72);
    expect(holdings.filter((n) => n === 2).length / households.length).toBeGreaterThan(0.05);
    for (const h of households) {
      const head = h.members[0]!;
      const spouse = h.members.find((m) => m.relationship === 'SPOUSE');
      for (const propertyId of ownersOf.get(head.id) ?? []) {
        const shares = all('PropertyOwner').filter((o) => o.propertyId === propertyId);
        if (spouse && head.maritalStatus === 'MARRIED' && spouse.status === 'LIVING') expect(shares.map((s) => s.share)).toEqual([0.5, 0.5]);
        else expect(shares).toEqual([expect.objectContaining({ ownerId: head.id, share: 1 })]);
      }
    }
  });

  it('returns enterprise properties owned by enterprises of the same chunk, and references only people and enterprises of the chunk', () => {
    rows.forEach((r, i) => {
      const persons = new Set(chunks[i]!.households.flatMap((h) => h.members.map((m) => m.id)));
      const enterprises = new Set(chunks[i]!.enterprises.map((e) => e.uscc));
      const parties = [...r.PropertyOwner, ...r.PropertyTransfer.flatMap((t: any) => [...JSON.parse(t.fromOwners), ...JSON.parse(t.toOwners)])];
      for (const p of parties) expect(p.kind === 'PERSON' ? persons.has(p.ownerId) : enterprises.has(p.ownerId)).toBe(true);
    });
    expect(all('PropertyOwner').filter((o) => o.kind === 'ENTERPRISE').length).toBeGreaterThan(50);
  });

  it('returns valid, unique certificate numbers, located in their regions, with owners whose shares add up to 1', () => {
    const properties = all('Property');
    expect(new Set(properties.map((p) => p.certificateNumber)).size).toBe(properties.length);
    const byProperty = new Map<string, number>();
    for (const o of all('PropertyOwner')) byProperty.set(o.propertyId, (byProperty.get(o.propertyId) ?? 0) + o.share);
    for (const p of properties.slice(0, 300)) {
      expect(validateCertificateNumber(p.certificateNumber, p.regionCode, '2025-12-31')).toMatchObject({ ok: true });
      expect(validLocation('l', { type: 'Point', coordinates: [p.lon, p.lat] }, p.regionCode)).toEqual([p.lon, p.lat]);
      expect(validAddress('a', p.address, p.regionCode)).toBe(p.address);
      expect(byProperty.get(p.id)).toBeCloseTo(1, 9);
    }
  });

  it('returns transfers in date order after the first registration, at Hainan prices of the day, and mortgages below the price', () => {
    const properties = new Map(all('Property').map((p) => [p.id, p]));
    const recent: Record<string, number[]> = { '460100': [], '460200': [], other: [] };
    const transfersOf = new Map<string, any[]>();
    for (const t of all('PropertyTransfer')) transfersOf.set(t.propertyId, [...(transfersOf.get(t.propertyId) ?? []), t]);
    for (const [id, transfers] of transfersOf) {
      const p = properties.get(id)!;
      const dates = transfers.map((t) => t.date);
      expect([...dates].sort()).toEqual(dates);
      expect(dates[0] >= p.registeredOn && dates[dates.length - 1] <= '2025-12-31').toBe(true);
      for (const t of transfers) {
        if (t.date >= '2023-01-01' && p.usage === 'RESIDENTIAL') (recent[p.cityCode] ?? recent.other!).push(t.price / p.floorArea);
      }
    }
    const within = (values: number[], lo: number, hi: number) => values.every((v) => v >= lo && v <= hi);
    expect(recent['460100']!.length).toBeGreaterThan(5);
    expect(within(recent['460100']!, 10_000, 25_000)).toBe(true);
    expect(within(recent['460200']!, 18_000, 45_000)).toBe(true);
    expect(within(recent.other!, 4_000, 20_000)).toBe(true);
    const mortgages = all('PropertyMortgage');
    expect(mortgages.length).toBeGreaterThan(100);
    for (const m of mortgages) {
      const last = transfersOf.get(m.propertyId)!.at(-1)!;
      expect(m.amount).toBeLessThan(last.price);
      expect(m.registeredOn >= last.date).toBe(true);
      if (m.releasedOn) expect(m.releasedOn > m.registeredOn).toBe(true);
    }
  });
});
