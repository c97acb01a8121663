import { checkNationalNumber, maskNationalNumber } from './national-number';

describe('national number (INSZ/NISS)', () => {
  it.each([
    // number, kind, birth date (check digits computed by hand: 97 - n mod 97)
    ['85073003328', 'national', '1985-07-30'], // 850730033 mod 97 = 69
    ['93051822361', 'national', '1993-05-18'],
    ['01010100126', 'national', '2001-01-01'], // born in 2000s: 2010101001 mod 97 = 71
    ['00022900145', 'national', '2000-02-29'], // leap day 2000
    ['85.07.30-033.28', 'national', '1985-07-30'], // formatted
    ['85 07 30 033 28', 'national', '1985-07-30'],
    ['850730-033-28', 'national', '1985-07-30'],
    ['85473003317', 'bis', '1985-07-30'], // month + 40
    ['85200003349', 'bis', null], // month + 20 with unknown month and day
  ])('%s is a valid %s number born %s', (input, kind, birthDate) => {
    expect(checkNationalNumber(input)).toEqual({ valid: true, normalized: input.replace(/[^0-9]/g, ''), kind, birthDate });
  });

  it.each([
    ['85073003329', 'checksum'],
    ['85473003316', 'checksum'],
    ['8507300332', 'format'], // 10 digits
    ['850730033289', 'format'],
    ['85O73003328', 'format'],
    ['85023003390', 'birthDate'], // 30 February 1985
    ['01022900166', 'birthDate'], // 29 February 2001
    ['01022900137', 'birthDate'], // 29 February 1901
  ])('%s is invalid (%s)', (input, problem) => {
    expect(checkNationalNumber(input)).toMatchObject({ valid: false, problem });
  });

  it('masks everything but the check digits', () => {
    expect(maskNationalNumber('85.07.30-033.28')).toBe('xx.xx.xx-xxx.28');
    expect(maskNationalNumber('garbage')).toBe('xx.xx.xx-xxx.xx');
  });
});
