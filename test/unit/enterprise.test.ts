/** The legal-person register's rules, filters and seed rows, without servers. */
import { GraphQLError } from 'graphql';
import { enterpriseWhere } from '../../subgraphs/enterprise/resolvers';
import { INDUSTRIES, industryByCode } from '../../subgraphs/enterprise/industries';
import {
  taxAuthorityOf,
  todayInChina,
  validAddress,
  validCapital,
  validIndustryCode,
  validInvestors,
  validLocation,
  validName,
  validPastDate,
  validPersonId,
  validRegistrationRegion,
  validStatusChange,
  validUscc,
} from '../../subgraphs/enterprise/registration';
import { enterpriseRows, standardIndustryCode, WORLD_TODAY } from '../../subgraphs/enterprise/seed';
import { hainanRegion } from '../../subgraphs/kit/world/hainan';
import { makeUscc, validateUscc } from '../../subgraphs/kit/world/uscc';
import { generateWorld, type WorldChunk } from '../../subgraphs/kit/world/world';

/** The BAD_USER_INPUT a call throws: its argument and reason. */
function refusal(fn: () => unknown): { argument: unknown; reason: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions } = error as GraphQLError;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { argument: extensions.argumentName, reason: String(extensions.reason) };
  }
  throw new Error('expected a refusal');
}

const TODAY = '2026-03-01';
const PERSON = 'P0123ABCD';
const OTHER = 'P9876WXYZ';
const USCC = makeUscc(42, '460105');

describe('validUscc', () => {
  it('returns a valid unified social credit code unchanged', () => {
    expect(validUscc('uscc', USCC)).toBe(USCC);
  });

  it.each([
    [USCC.slice(0, 17), '18 characters'],
    [`${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`, 'check character'],
    [`${USCC.slice(0, 16)}OO`, 'not allowed'],
  ])('refuses %s, naming the argument and saying why (%s)', (value, reason) => {
    expect(refusal(() => validUscc('input.shareholders[1].uscc', value))).toEqual({ argument: 'input.shareholders[1].uscc', reason: expect.stringContaining(reason) });
  });
});

describe('validPersonId', () => {
  it('returns person IDs as the population register issues them and refuses anything else', () => {
    expect(validPersonId('id', PERSON)).toBe(PERSON);
    expect(refusal(() => validPersonId('id', 'p-1')).argument).toBe('id');
    expect(refusal(() => validPersonId('id', 'P'.repeat(17))).argument).toBe('id');
  });
});

describe('validIndustryCode', () => {
  it('returns GB/T 4754-2017 divisions of sections A to R', () => {
    expect(validIndustryCode('code', 'I65')).toBe('I65');
    expect(validIndustryCode('code', 'R90')).toBe('R90');
    expect(INDUSTRIES).toHaveLength(90);
    expect(industryByCode('H62')?.name).toBe('餐饮业');
  });

  it.each(['I', 'I99', 'S92', 'i65', '65'])('refuses %s', (code) => {
    expect(refusal(() => validIndustryCode('input.industryCode', code))).toEqual({ argument: 'input.industryCode', reason: expect.stringContaining('GB/T 4754') });
  });
});

describe('validName', () => {
  it.each([
    ['海口市秀英区椰林贸易有限公司', 'LIMITED_LIABILITY'],
    ['海南椰风科技有限责任公司', 'LIMITED_LIABILITY'],
    ['海南南海旅业股份有限公司', 'JOINT_STOCK'],
    ['琼海市万泉商务合伙企业（有限合伙）', 'PARTNERSHIP'],
    ['三亚市天涯渔业个人独资企业', 'SOLE_PROPRIETORSHIP'],
    ['龙华区椰林餐饮店', 'INDIVIDUAL_BUSINESS'],
  ] as const)('returns %s for a %s', (name, type) => {
    expect(validName('input.name', `  ${name} `, type)).toBe(name);
  });

  it.each([
    ['海口市椰林贸易股份有限公司', 'LIMITED_LIABILITY', '有限公司'],
    ['海口市椰林贸易有限公司', 'JOINT_STOCK', '股份有限公司'],
    ['海口市椰林贸易企业', 'PARTNERSHIP', '合伙'],
    ['海口市椰林贸易有限公司', 'SOLE_PROPRIETORSHIP', '公司'],
    ['龙华区椰林餐饮企业', 'INDIVIDUAL_BUSINESS', '企业'],
    ['椰林', 'INDIVIDUAL_BUSINESS', '4 to 60'],
    ['海口 椰林贸易有限公司', 'LIMITED_LIABILITY', 'spaces'],
    ['海口%椰林贸易有限公司', 'LIMITED_LIABILITY', '%'],
  ] as const)('refuses %s for a %s (%s)', (name, type, reason) => {
    expect(refusal(() => validName('input.name', name, type))).toEqual({ argument: 'input.name', reason: expect.stringContaining(reason) });
  });
});

describe('validCapital', () => {
  it('returns amounts in yuan with at most two decimals', () => {
    expect(validCapital('c', 100_000)).toBe(100_000);
    expect(validCapital('c', 0.01)).toBe(0.01);
    expect(validCapital('c', 12345.67)).toBe(12345.67);
  });

  it.each([
    [0, 'above 0'],
    [-5, 'above 0'],
    [Number.NaN, 'above 0'],
    [1.234, 'two decimals'],
    [2e13, 'not plausible'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(refusal(() => validCapital('input.registeredCapital', value))).toEqual({ argument: 'input.registeredCapital', reason: expect.stringContaining(reason) });
  });
});

describe('validPastDate', () => {
  it('returns dates from 1949-10-01 to today', () => {
    expect(validPastDate('d', TODAY, TODAY)).toBe(TODAY);
    expect(validPastDate('d', '1949-10-01', TODAY)).toBe('1949-10-01');
  });

  it.each([
    ['2026-03-02', 'future'],
    ['1949-09-30', '1949-10-01'],
    ['2025-02-29', 'calendar date'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(refusal(() => validPastDate('input.establishedOn', value, TODAY))).toEqual({ argument: 'input.establishedOn', reason: expect.stringContaining(reason) });
  });
});

describe('todayInChina', () => {
  it('returns the date in UTC+8', () => {
    expect(todayInChina(new Date('2026-01-01T15:59:59Z'))).toBe('2026-01-01');
    expect(todayInChina(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });
});

describe('validRegistrationRegion', () => {
  it('returns counties and districts of Hainan', () => {
    for (const code of ['460105', '469002', '460400', '460301']) expect(validRegistrationRegion('r', code)).toBe(code);
  });

  it.each([
    ['46010', '6 digits'],
    ['469099', 'not a region of Hainan'],
    ['110105', 'not a region of Hainan'],
    ['460100', 'not a county or district'],
    ['460000', 'not a county or district'],
  ])('refuses %s (%s)', (code, reason) => {
    expect(refusal(() => validRegistrationRegion('input.regionCode', code))).toEqual({ argument: 'input.regionCode', reason: expect.stringContaining(reason) });
  });
});

describe('validAddress', () => {
  it('returns an address that starts with its region\'s full name', () => {
    expect(validAddress('a', ' 海南省海口市龙华区滨海大道1号 ', '460106')).toBe('海南省海口市龙华区滨海大道1号');
    expect(validAddress('a', '海南省琼海市嘉积镇人民路2号', '469002')).toBe('海南省琼海市嘉积镇人民路2号');
  });

  it.each([
    ['海南省海口市美兰区滨海大道1号', '460106'],
    ['海口市龙华区滨海大道1号', '460106'],
    ['海南省海口市龙华区', '460106'],
  ])('refuses %s in %s, showing the expected beginning', (address, region) => {
    expect(refusal(() => validAddress('input.address', address, region))).toEqual({ argument: 'input.address', reason: expect.stringContaining('海南省海口市龙华区') });
  });
});

describe('validLocation', () => {
  const seat = hainanRegion('460106')!.seat;

  it('returns a point inside the region, or null when none is given', () => {
    expect(validLocation('l', { type: 'Point', coordinates: seat }, '460106')).toEqual(seat);
    expect(validLocation('l', null, '460106')).toBeNull();
  });

  it.each([
    [{ type: 'Point', coordinates: hainanRegion('460202')!.seat }, 'in 460202'],
    [{ type: 'Point', coordinates: [116.4, 39.9] }, 'outside Hainan'],
    [{ type: 'LineString', coordinates: [seat, seat] }, 'GeoJSON Point'],
    [{ type: 'Point', coordinates: [110.3] }, 'GeoJSON Point'],
  ])('refuses %j (%s)', (value, reason) => {
    expect(refusal(() => validLocation('input.location', value, '460106'))).toEqual({ argument: 'input.location', reason: expect.stringContaining(reason) });
  });
});

describe('validInvestors', () => {
  it('returns persons and enterprises with their shares', () => {
    expect(validInvestors('s', [{ personId: PERSON, share: 0.6 }, { uscc: USCC, share: 0.4 }], 'LIMITED_LIABILITY', PERSON)).toEqual([
      { kind: 'PERSON', id: PERSON, share: 0.6 },
      { kind: 'ENTERPRISE', id: USCC, share: 0.4 },
    ]);
    // Shares of thirds add up to 1 within rounding.
    expect(validInvestors('s', [{ personId: PERSON, share: 0.3333333 }, { personId: OTHER, share: 0.3333333 }, { uscc: USCC, share: 0.3333334 }], 'PARTNERSHIP', PERSON)).toHaveLength(3);
  });

  it.each([
    ['shares adding up to 0.9', [{ personId: PERSON, share: 0.5 }, { personId: OTHER, share: 0.4 }], 'LIMITED_LIABILITY', 's', 'add up to 0.9'],
    ['no investor', [], 'LIMITED_LIABILITY', 's', '1 to 50'],
    ['a partnership of one', [{ personId: PERSON, share: 1 }], 'PARTNERSHIP', 's', '2 to 50'],
    ['two investors of a sole proprietorship', [{ personId: PERSON, share: 0.5 }, { personId: OTHER, share: 0.5 }], 'SOLE_PROPRIETORSHIP', 's', 'exactly 1'],
    ['an enterprise investing in an individual business', [{ uscc: USCC, share: 1 }], 'INDIVIDUAL_BUSINESS', 's[0]', 'natural person'],
    ['an individual business run by someone else', [{ personId: OTHER, share: 1 }], 'INDIVIDUAL_BUSINESS', 's[0].personId', 'operator'],
    ['both a person and an enterprise in one entry', [{ personId: PERSON, uscc: USCC, share: 1 }], 'LIMITED_LIABILITY', 's[0]', 'exactly one'],
    ['neither', [{ share: 1 }], 'LIMITED_LIABILITY', 's[0]', 'exactly one'],
    ['a share of 0', [{ personId: PERSON, share: 1 }, { personId: OTHER, share: 0 }], 'LIMITED_LIABILITY', 's[1].share', 'above 0'],
    ['a share above 1', [{ personId: PERSON, share: 1.5 }], 'LIMITED_LIABILITY', 's[0].share', 'at most 1'],
    ['the same person twice', [{ personId: PERSON, share: 0.5 }, { personId: PERSON, share: 0.5 }], 'LIMITED_LIABILITY', 's[1]', 'twice'],
    ['a malformed credit code', [{ personId: PERSON, share: 0.5 }, { uscc: 'ABC', share: 0.5 }], 'LIMITED_LIABILITY', 's[1].uscc', '18 characters'],
    ['a malformed person ID', [{ personId: 'p 1', share: 1 }], 'LIMITED_LIABILITY', 's[0].personId', 'person ID'],
  ] as const)('refuses %s', (_, investors, type, argument, reason) => {
    expect(refusal(() => validInvestors('s', investors, type, PERSON))).toEqual({ argument, reason: expect.stringContaining(reason) });
  });
});

describe('validStatusChange', () => {
  const active = { status: 'ACTIVE', statusDate: null, establishedOn: '2010-05-01' };
  const revoked = { status: 'REVOKED', statusDate: '2020-01-01', establishedOn: '2010-05-01' };

  it('allows revoking or cancelling an active enterprise and cancelling a revoked one', () => {
    expect(() => validStatusChange(active, 'REVOKED', '2020-01-01', TODAY)).not.toThrow();
    expect(() => validStatusChange(active, 'CANCELLED', TODAY, TODAY)).not.toThrow();
    expect(() => validStatusChange(revoked, 'CANCELLED', '2021-06-30', TODAY)).not.toThrow();
  });

  it.each([
    ['setting a revoked enterprise back to ACTIVE', revoked, 'ACTIVE', '2021-01-01', 'changes.status', 'cannot be set back to ACTIVE'],
    ['activating an active enterprise', active, 'ACTIVE', '2021-01-01', 'changes.status', 'already ACTIVE'],
    ['revoking a revoked enterprise', revoked, 'REVOKED', '2021-01-01', 'changes.status', 'already REVOKED'],
    ['changing a cancelled enterprise', { ...revoked, status: 'CANCELLED' }, 'REVOKED', '2021-01-01', 'changes.status', 'no longer exists'],
    ['a date before the establishment', active, 'REVOKED', '2010-04-30', 'changes.statusDate', 'establishment'],
    ['a date before the revocation', revoked, 'CANCELLED', '2019-12-31', 'changes.statusDate', 'last status change'],
    ['a date in the future', active, 'REVOKED', '2026-03-02', 'changes.statusDate', 'future'],
  ] as const)('refuses %s', (_, current, status, date, argument, reason) => {
    expect(refusal(() => validStatusChange(current, status, date, TODAY))).toEqual({ argument, reason: expect.stringContaining(reason) });
  });
});

describe('enterpriseWhere', () => {
  it('returns no condition and reads no field without a filter', () => {
    expect(enterpriseWhere(null)).toEqual({ where: {}, fields: [] });
  });

  it('selects a region at any level: the province by prefix, a city by its code, a county exactly', () => {
    expect(enterpriseWhere({ regionCode: '460000' }).where).toEqual({ regionCode: { $like: '46%' } });
    expect(enterpriseWhere({ regionCode: '460100' }).where).toEqual({ cityCode: '460100' });
    expect(enterpriseWhere({ regionCode: '469002' }).where).toEqual({ regionCode: '469002' });
  });

  it('returns the fields each filter reads, so the caller must be able to read them in full', () => {
    const { where, fields } = enterpriseWhere({
      industryCode: 'H',
      status: 'ACTIVE',
      type: 'LIMITED_LIABILITY',
      namePrefix: '海口',
      establishedFrom: '2010-01-01',
      establishedTo: '2019-12-31',
      legalRepresentativeId: PERSON,
      insuredHeadcountFrom: 10,
    });
    expect(where).toEqual({
      $and: [
        { industryCode: { $like: 'H%' } },
        { status: 'ACTIVE' },
        { type: 'LIMITED_LIABILITY' },
        { name: { $like: '海口%' } },
        { establishedOn: { $gte: '2010-01-01' } },
        { establishedOn: { $lte: '2019-12-31' } },
        { legalRepresentativeId: PERSON },
        { insuredHeadcount: { $gte: 10 } },
      ],
    });
    expect(fields).toEqual(['industry', 'status', 'type', 'name', 'establishedOn', 'legalRepresentative', 'insuredHeadcount']);
  });

  it.each([
    [{ regionCode: '4601' }, 'filter.regionCode'],
    [{ industryCode: 'Z99' }, 'filter.industryCode'],
    [{ namePrefix: '' }, 'filter.namePrefix'],
    [{ namePrefix: '海口%' }, 'filter.namePrefix'],
    [{ establishedFrom: '2020-01-01', establishedTo: '2019-01-01' }, 'filter.establishedFrom'],
    [{ legalRepresentativeId: 'p-1' }, 'filter.legalRepresentativeId'],
    [{ insuredHeadcountFrom: -1 }, 'filter.insuredHeadcountFrom'],
  ])('refuses %j, naming %s', (filter, argument) => {
    expect(refusal(() => enterpriseWhere(filter)).argument).toBe(argument);
  });
});

describe('seed rows', () => {
  const chunks: WorldChunk[] = [...generateWorld({ seed: 5, persons: 3000 })];
  const rows = chunks.map((chunk) => enterpriseRows(chunk));
  const enterprises = rows.flatMap((r) => r[0][1]);
  const shareholders = rows.flatMap((r) => r[1][1]);
  const reports = rows.flatMap((r) => r[2][1]);
  const inspections = rows.flatMap((r) => r[3][1]);
  const byUscc = new Map(enterprises.map((e) => [e.uscc, e]));

  it('returns the same rows for the same world', () => {
    expect(enterpriseRows(chunks[1]!)).toEqual(enterpriseRows([...generateWorld({ seed: 5, persons: 3000 })][1]!));
  });

  it('returns every enterprise of the world with a valid code, a standard industry and its tax bureau', () => {
    expect(enterprises).toHaveLength(chunks.reduce((n, c) => n + c.enterprises.length, 0));
    for (const e of enterprises) {
      expect(validateUscc(e.uscc)).toEqual({ ok: true, regionCode: e.regionCode });
      expect(industryByCode(e.industryCode)).toBeDefined();
      expect(e.taxAuthority).toBe(taxAuthorityOf(e.regionCode));
      expect(e.taxRegisteredOn >= e.establishedOn).toBe(true);
    }
  });

  it('keeps the standard GB/T 4754 division where the world numbers one differently', () => {
    expect(standardIndustryCode('R90', '文化艺术业')).toBe('R88');
    expect(standardIndustryCode('I65', '软件和信息技术服务业')).toBe('I65');
  });

  it('returns shareholders whose shares add up to 1 for every enterprise', () => {
    const sums = new Map<string, number>();
    for (const s of shareholders) sums.set(s.uscc, (sums.get(s.uscc) ?? 0) + s.share);
    expect(sums.size).toBe(enterprises.length);
    for (const sum of sums.values()) expect(sum).toBeCloseTo(1, 6);
    for (const s of shareholders.filter((h) => h.kind === 'ENTERPRISE')) expect(byUscc.has(s.holderId)).toBe(true);
  });

  it('returns annual reports of the last business years only, filed while the enterprise existed', () => {
    expect(reports.length).toBeGreaterThan(enterprises.length);
    for (const r of reports) {
      const e = byUscc.get(r.uscc)!;
      expect([2022, 2023, 2024]).toContain(r.year);
      expect(Number(e.establishedOn.slice(0, 4))).toBeLessThanOrEqual(r.year);
      expect(r.submittedOn > `${r.year}-12-31` && r.submittedOn <= `${r.year + 1}-06-30`).toBe(true);
      if (e.statusDate) expect(r.submittedOn < e.statusDate).toBe(true);
      expect(r.revenue).toBeGreaterThanOrEqual(0);
    }
  });

  it('returns quality inspections of manufacturers, traders and caterers, dated while the enterprise existed', () => {
    expect(inspections.length).toBeGreaterThan(0);
    for (const q of inspections) {
      const e = byUscc.get(q.uscc)!;
      expect(['A', 'C', 'F', 'H']).toContain(e.industryCode[0]);
      expect(q.date >= e.establishedOn && q.date < WORLD_TODAY).toBe(true);
      if (e.statusDate) expect(q.date <= e.statusDate).toBe(true);
    }
    const failed = inspections.filter((q) => q.result === 'FAIL').length / inspections.length;
    expect(failed).toBeLessThan(0.2);
  });
});
