// Citizen identity numbers (公民身份号码) as defined by GB 11643-1999:
//   6-digit region code (GB/T 2260) + 8-digit birth date YYYYMMDD + 3-digit sequence code
//   (odd for men, even for women) + ISO 7064 MOD 11-2 check character (0-9 or X).
// Only ever used on synthetic data here; validation is deliberately strict so that bad seed data
// is caught early, with a sentence that says exactly what is wrong.

import type { Gender } from './world';
import { LEGACY_HAINAN_CODES, hainanRegion, isKnownProvincePrefix } from './hainan';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Expected 17 digits, got "${first17}".`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS.charAt(sum % 11);
}

/** Builds an identity number; sequence is 0..999 and must be odd for men and even for women. */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`Region code must be 6 digits, got "${regionCode}".`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new RangeError(`Birth date must be YYYY-MM-DD, got "${birthDate}".`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`Sequence must be an integer in 0..999, got ${sequence}.`);
  }
  const first17 = regionCode + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + String(sequence).padStart(3, '0');
  return first17 + idNumberCheckDigit(first17);
}

export type IdNumberValidation =
  | { ok: true; regionCode: string; birthDate: string; gender: Gender }
  | { ok: false; reason: string };

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Calendar date (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no daylight saving). */
function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Validates an 18-character identity number. "Today" for the not-in-the-future check is the
 * calendar date of `today` in China Standard Time (default: now).
 */
export function validateIdNumber(value: string, today: Date = new Date()): IdNumberValidation {
  if (value.length !== 18) {
    return { ok: false, reason: `An identity number has 18 characters, but this one has ${value.length}.` };
  }
  const firstNonDigit = value.slice(0, 17).search(/\D/);
  if (firstNonDigit >= 0) {
    return {
      ok: false,
      reason: `The first 17 characters must be digits, but character ${firstNonDigit + 1} is "${value.charAt(firstNonDigit)}".`,
    };
  }
  const last = value.charAt(17);
  if (!/^[0-9X]$/.test(last)) {
    return {
      ok: false,
      reason:
        last === 'x'
          ? 'The last character must be a digit or an upper-case "X", but it is a lower-case "x".'
          : `The last character must be a digit or an upper-case "X", but it is "${last}".`,
    };
  }

  const regionCode = value.slice(0, 6);
  if (!isKnownProvincePrefix(regionCode)) {
    return { ok: false, reason: `The region code ${regionCode} does not start with a known province code.` };
  }
  if (regionCode.startsWith('46') && !hainanRegion(regionCode) && !LEGACY_HAINAN_CODES.has(regionCode)) {
    return { ok: false, reason: `The region code ${regionCode} is not a known Hainan region code.` };
  }

  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const monthDays = m >= 1 && m <= 12 ? (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!) : 0;
  if (monthDays === 0 || d < 1 || d > monthDays) {
    return { ok: false, reason: `The birth date ${birthDate} is not a real calendar date.` };
  }
  if (birthDate < '1900-01-01') {
    return { ok: false, reason: `The birth date ${birthDate} is before 1900-01-01.` };
  }
  const todayDate = chinaDate(today);
  if (birthDate > todayDate) {
    return { ok: false, reason: `The birth date ${birthDate} is in the future (today is ${todayDate}).` };
  }

  const expected = idNumberCheckDigit(value.slice(0, 17));
  if (last !== expected) {
    return { ok: false, reason: `The check digit is "${last}" but "${expected}" was expected.` };
  }
  const gender: Gender = (value.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { ok: true, regionCode, birthDate, gender };
}
