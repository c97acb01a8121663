import type { IsoDate } from './types';

/**
 * Belgian national number (INSZ/NISS): YYMMDD SSS CC, CC = 97 - (first 9 digits mod 97), with a
 * '2' put before the 9 digits for people born in 2000 or later. Bis numbers (BIS register) add
 * 20 (sex unknown) or 40 (sex known) to the month. A month or day of 00 means unknown.
 * Implemented here rather than taken from npm: the only candidate (validate-insz) is a tiny
 * single-purpose package, and the rule is domain logic of a few lines.
 *
 * Never put the number in logs, explanations, workflow IDs or search attributes: use `maskNationalNumber`.
 */

export type NationalNumberKind = 'national' | 'bis';

export type NationalNumberProblem = 'format' | 'checksum' | 'birthDate';

export type NationalNumberCheck =
  | { valid: true; normalized: string; kind: NationalNumberKind; birthDate: IsoDate | null }
  | { valid: false; problem: NationalNumberProblem; message: string };

const SEPARATORS = /[\s.\-/]/g;

function checkDigits(nineDigits: string, bornFrom2000: boolean): number {
  // At most 10 digits: exact as a double.
  return 97 - (Number((bornFrom2000 ? '2' : '') + nineDigits) % 97);
}

/** Accepts formatted input ("85.07.30-033.28", "85073003328", with spaces or dashes). */
export function checkNationalNumber(input: string): NationalNumberCheck {
  const normalized = input.replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(normalized)) {
    return { valid: false, problem: 'format', message: 'A national number has 11 digits.' };
  }
  const nine = normalized.slice(0, 9);
  const check = Number(normalized.slice(9));
  const century = check === checkDigits(nine, false) ? 1900 : check === checkDigits(nine, true) ? 2000 : undefined;
  if (century === undefined) {
    return { valid: false, problem: 'checksum', message: 'The check digits do not match.' };
  }
  const rawMonth = Number(normalized.slice(2, 4));
  const day = Number(normalized.slice(4, 6));
  const kind: NationalNumberKind = rawMonth >= 20 ? 'bis' : 'national';
  const month = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  if (month > 12 || day > 31) {
    return { valid: false, problem: 'birthDate', message: 'The birth date part is not a date.' };
  }
  if (month === 0 || day === 0) return { valid: true, normalized, kind, birthDate: null };
  // Date.UTC rolls an impossible day over (30 February is 2 March): the day must come back
  // unchanged. Years are 1900-2099 here, so Date.UTC's reading of 0-99 as 19xx never applies.
  const birth = new Date(Date.UTC(century + Number(normalized.slice(0, 2)), month - 1, day));
  if (birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return { valid: false, problem: 'birthDate', message: 'The birth date part is not a date.' };
  }
  return { valid: true, normalized, kind, birthDate: birth.toISOString().slice(0, 10) };
}

/** A form safe to show staff and store: only the check digits remain, e.g. "xx.xx.xx-xxx.28". */
export function maskNationalNumber(input: string): string {
  const digits = input.replace(SEPARATORS, '');
  return `xx.xx.xx-xxx.${digits.length === 11 ? digits.slice(9) : 'xx'}`;
}
