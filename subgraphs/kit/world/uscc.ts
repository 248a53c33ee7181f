/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character set:
 * registration authority, entity type, 6-digit administrative code, the 9-character organization code
 * (GB 11714, with its own check character) and a final check character.
 */

/** The code's alphabet: digits and upper-case letters without I, O, Z, S and V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organization code body (digits 0-9, letters A=10 ... Z=35). */
export function organizationCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** GB 32100 check character of the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

const ORG_SPACE = 31 ** 8;
// Multiplying by a number coprime with 31 permutes the space: codes stay unique but do not count up visibly.
const SPREAD = 104_729;

/** A unique code for enterprise number `index`: registration authority 9 (market regulation), type `type`. */
export function makeUscc(index: number, regionCode: string, type: '1' | '2' | '3' = '1'): string {
  let n = (index * SPREAD + 7_777_777) % ORG_SPACE;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = USCC_CHARSET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `9${type}${regionCode}${body}${organizationCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export type UsccValidation = { ok: true; regionCode: string } | { ok: false; reason: string };

export function validateUscc(value: string): UsccValidation {
  if (value.length !== 18) return { ok: false, reason: `A unified social credit code has 18 characters, but this one has ${value.length}.` };
  for (const ch of value) {
    if (!USCC_CHARSET.includes(ch)) return { ok: false, reason: `"${ch}" is not allowed; the code uses digits and upper-case letters other than I, O, Z, S and V.` };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: `Characters 3 to 8 must be a 6-digit administrative code, not "${value.slice(2, 8)}".` };
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, reason: `The check character is "${value[17]}" but "${expected}" was expected (GB 32100).` };
  return { ok: true, regionCode: value.slice(2, 8) };
}
