import { generateWorld } from '../../../subgraphs/kit/world/world';
import { makeUscc, organizationCheckChar, usccCheckChar, validateUscc } from '../../../subgraphs/kit/world/uscc';

function enterprises(persons: number, seed = 9) {
  const all = [];
  const persons_ = new Map<string, { birthDate: string; status: string }>();
  for (const chunk of generateWorld({ seed, persons })) {
    for (const h of chunk.households) for (const m of h.members) persons_.set(m.id, m);
    all.push(...chunk.enterprises);
  }
  return { all, persons: persons_ };
}

describe(usccCheckChar.name, () => {
  it('returns the published check characters of real-format codes', () => {
    // 91350100M000100Y43: a code of the form printed on business licences, check character 3.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(organizationCheckChar('M000100Y')).toBe('4');
  });
});

describe(validateUscc.name, () => {
  it('accepts generated codes and explains each kind of refusal', () => {
    const code = makeUscc(12345, '460105');
    expect(validateUscc(code)).toEqual({ ok: true, regionCode: '460105' });
    expect(validateUscc(code.slice(0, 17))).toMatchObject({ ok: false, reason: expect.stringContaining('18 characters') });
    expect(validateUscc(`${code.slice(0, 17)}I`)).toMatchObject({ ok: false, reason: expect.stringContaining('"I" is not allowed') });
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(validateUscc(wrong)).toMatchObject({ ok: false, reason: expect.stringContaining('check character') });
    expect(validateUscc('91AB0100M000100Y43')).toMatchObject({ ok: false, reason: expect.stringContaining('administrative code') });
  });
});

describe('generateWorld enterprises', () => {
  const { all, persons } = enterprises(30_000);

  it('returns about one enterprise per five persons, each with a unique valid code in its household region', () => {
    expect(all.length / 30_000).toBeGreaterThan(0.15);
    expect(all.length / 30_000).toBeLessThan(0.26);
    expect(new Set(all.map((e) => e.uscc)).size).toBe(all.length);
    for (const e of all) expect(validateUscc(e.uscc)).toEqual({ ok: true, regionCode: e.regionCode });
  });

  it('returns legal representatives and shareholders that exist, shares adding up to one', () => {
    const codes = new Set(all.map((e) => e.uscc));
    for (const e of all) {
      const rep = persons.get(e.legalRepresentativeId)!;
      expect(rep.status).toBe('LIVING');
      expect(e.establishedOn > rep.birthDate).toBe(true);
      for (const s of e.shareholders) expect(s.kind === 'PERSON' ? persons.has(s.id) : codes.has(s.id)).toBe(true);
      expect(e.shareholders.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 6);
    }
  });

  it('returns a few percent revoked and a few percent with tax grade D', () => {
    const share = (f: (e: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    expect(share((e) => e.status === 'REVOKED')).toBeGreaterThan(0.01);
    expect(share((e) => e.status === 'REVOKED')).toBeLessThan(0.06);
    expect(share((e) => e.taxGrade === 'D')).toBeGreaterThan(0.01);
    expect(share((e) => e.taxGrade === 'D')).toBeLessThan(0.06);
  });

  it('returns the same enterprises for the same seed', () => {
    expect(enterprises(3000).all).toEqual(enterprises(3000).all);
  });
});
