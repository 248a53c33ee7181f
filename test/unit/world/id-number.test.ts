import { idNumberCheckDigit, makeIdNumber, validateIdNumber } from '../../../subgraphs/kit/world/id-number';

const TODAY = new Date('2026-01-01T00:00:00Z');

describe('idNumberCheckDigit', () => {
  it('returns the check character of known vectors', () => {
    // The example of GB 11643-1999: sum of digit x weight = 167, 167 mod 11 = 2 -> "X".
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
    // Also from the standard: sum 195, 195 mod 11 = 8 -> "4".
    expect(idNumberCheckDigit('44052418800101001')).toBe('4');
    // By hand: 4*7+6*9+0*10+1*5+0*8+5*4+1*2+9*1+9*6+0*3+0*7+1*9+0*10+1*5+1*8+2*4+3*2 = 208, mod 11 = 10 -> "2".
    expect(idNumberCheckDigit('46010519900101123')).toBe('2');
    // By hand: 28+54+0+15+0+8+4+0+6+27+7+18+30+5+0+0+2 = 204, mod 11 = 6 -> "6".
    expect(idNumberCheckDigit('46030220191231001')).toBe('6');
  });

  it('returns a RangeError for anything but 17 digits', () => {
    expect(() => idNumberCheckDigit('1234')).toThrow(RangeError);
    expect(() => idNumberCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('makeIdNumber', () => {
  it('returns region + birth date + 3-digit sequence + check character', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(makeIdNumber('460302', '2019-12-31', 1)).toBe('460302201912310016');
    expect(makeIdNumber('469027', '2000-02-29', 998)).toBe('469027200002299983');
  });

  it('returns numbers that validate with the gender given by the sequence parity', () => {
    const male = validateIdNumber(makeIdNumber('469030', '1988-08-08', 37), TODAY);
    expect(male).toEqual({ ok: true, regionCode: '469030', birthDate: '1988-08-08', gender: 'MALE' });
    const female = validateIdNumber(makeIdNumber('430100', '1975-01-31', 40), TODAY);
    expect(female).toEqual({ ok: true, regionCode: '430100', birthDate: '1975-01-31', gender: 'FEMALE' });
  });

  it('returns a RangeError for malformed input', () => {
    expect(() => makeIdNumber('4601', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('460106', '19900101', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('460106', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('460106', '1990-01-01', -1)).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  const fail = (value: string): string => {
    const result = validateIdNumber(value, TODAY);
    if (result.ok) throw new Error(`${value} unexpectedly valid`);
    return result.reason;
  };

  it('returns ok for valid numbers, including the standard example and legacy Hainan codes', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, regionCode: '110105', birthDate: '1949-12-31', gender: 'FEMALE' });
    expect(validateIdNumber(makeIdNumber('469003', '1985-06-15', 37), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('469000', '1985-06-15', 37), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('460000', '1900-01-01', 1), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('460000', '2026-01-01', 1), TODAY).ok).toBe(true);
  });

  it('returns a reason when the length is wrong', () => {
    expect(fail('11010519491231002')).toBe('An identity number has 18 characters, but this one has 17.');
    expect(fail('')).toBe('An identity number has 18 characters, but this one has 0.');
    expect(fail('11010519491231002X1')).toBe('An identity number has 18 characters, but this one has 19.');
  });

  it('returns a reason when one of the first 17 characters is not a digit', () => {
    expect(fail('1101051949123100AX')).toBe('The first 17 characters must be digits, but character 17 is "A".');
    expect(fail('X10105194912310021')).toBe('The first 17 characters must be digits, but character 1 is "X".');
  });

  it('returns a reason when the last character is not a digit or upper-case X', () => {
    expect(fail('11010519491231002x')).toBe('The last character must be a digit or an upper-case "X", but it is a lower-case "x".');
    expect(fail('11010519491231002Y')).toBe('The last character must be a digit or an upper-case "X", but it is "Y".');
  });

  it('returns a reason when the province prefix is unknown', () => {
    expect(fail('990105194912310021')).toBe('The region code 990105 does not start with a known province code.');
    expect(fail('830000199001010011')).toBe('The region code 830000 does not start with a known province code.');
  });

  it('returns a reason when a 46xxxx code is not a Hainan region', () => {
    expect(fail(makeIdNumber('469099', '1990-01-01', 1))).toBe('The region code 469099 is not a known Hainan region code.');
    expect(fail(makeIdNumber('460199', '1990-01-01', 1))).toBe('The region code 460199 is not a known Hainan region code.');
  });

  it('returns a reason when the birth date is not a real calendar date', () => {
    expect(fail(makeIdNumber('460106', '2023-02-30', 1))).toBe('The birth date 2023-02-30 is not a real calendar date.');
    expect(fail(makeIdNumber('460106', '1990-13-01', 1))).toBe('The birth date 1990-13-01 is not a real calendar date.');
    expect(fail(makeIdNumber('460106', '1990-00-10', 1))).toBe('The birth date 1990-00-10 is not a real calendar date.');
    expect(fail(makeIdNumber('460106', '1990-04-31', 1))).toBe('The birth date 1990-04-31 is not a real calendar date.');
    expect(fail(makeIdNumber('460106', '1900-02-29', 1))).toBe('The birth date 1900-02-29 is not a real calendar date.');
    expect(validateIdNumber(makeIdNumber('460106', '2000-02-29', 1), TODAY).ok).toBe(true);
  });

  it('returns a reason when the birth date is before 1900 or in the future', () => {
    expect(fail(makeIdNumber('460106', '1899-12-31', 1))).toBe('The birth date 1899-12-31 is before 1900-01-01.');
    expect(fail(makeIdNumber('440524', '1880-01-01', 1))).toBe('The birth date 1880-01-01 is before 1900-01-01.');
    expect(fail(makeIdNumber('460106', '2026-01-02', 1))).toBe('The birth date 2026-01-02 is in the future (today is 2026-01-01).');
  });

  it('returns "today" as the calendar date in China Standard Time', () => {
    const value = makeIdNumber('460106', '2026-01-02', 1);
    // 2026-01-01T16:00Z is already 2026-01-02 in Beijing.
    expect(validateIdNumber(value, new Date('2026-01-01T16:00:00Z')).ok).toBe(true);
    expect(validateIdNumber(value, new Date('2026-01-01T15:59:59Z')).ok).toBe(false);
  });

  it('returns a reason naming the expected check digit', () => {
    expect(fail('110105194912310023')).toBe('The check digit is "3" but "X" was expected.');
    expect(fail('460105199001011230')).toBe('The check digit is "0" but "2" was expected.');
    expect(fail('46010519900101123X')).toBe('The check digit is "X" but "2" was expected.');
  });
});
