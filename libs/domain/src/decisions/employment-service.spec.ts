import type { LetterLanguage } from '../types';
import { employmentServiceFor } from './employment-service';

const onDate = '2025-06-02';

describe('D18: employment service by postal code', () => {
  it.each<[string, LetterLanguage, string, LetterLanguage | null]>([
    ['1000', 'nl', 'ACTIRIS', 'nl'], // Brussels
    ['1000', 'fr', 'ACTIRIS', 'fr'],
    ['1299', 'de', 'ACTIRIS', null], // Brussels letters are nl or fr: the person must choose
    ['1300', 'nl', 'FOREM', 'fr'], // Wavre, Walloon Brabant
    ['1499', 'fr', 'FOREM', 'fr'],
    ['1500', 'fr', 'VDAB', 'nl'], // Halle, Flemish Brabant
    ['2000', 'nl', 'VDAB', 'nl'], // Antwerp
    ['3999', 'nl', 'VDAB', 'nl'],
    ['4000', 'fr', 'FOREM', 'fr'], // Liège
    ['4700', 'de', 'ADG', 'de'], // Eupen
    ['4701', 'de', 'ADG', 'de'], // Kettenis
    ['4711', 'de', 'ADG', 'de'], // Walhorn (Lontzen)
    ['4721', 'de', 'ADG', 'de'], // Neu-Moresnet (Kelmis)
    ['4728', 'de', 'ADG', 'de'], // Hergenrath (Kelmis)
    ['4731', 'de', 'ADG', 'de'], // Eynatten (Raeren)
    ['4750', 'de', 'ADG', 'de'], // Bütgenbach
    ['4761', 'de', 'ADG', 'de'], // Rocherath (Büllingen)
    ['4771', 'de', 'ADG', 'de'], // Heppenbach (Amel)
    ['4780', 'fr', 'ADG', 'de'], // Sankt Vith
    ['4791', 'de', 'ADG', 'de'], // Thommen (Burg-Reuland)
    ['4950', 'de', 'FOREM', 'fr'], // Waimes: French-speaking
    ['4960', 'de', 'FOREM', 'fr'], // Malmedy: French-speaking
    ['4840', 'fr', 'FOREM', 'fr'], // Welkenraedt
    ['7999', 'fr', 'FOREM', 'fr'],
    ['8000', 'nl', 'VDAB', 'nl'], // Bruges
    ['9999', 'nl', 'VDAB', 'nl'],
    [' 9000 ', 'nl', 'VDAB', 'nl'], // Ghent, with spaces
  ])('%s (stated %s) → %s, letters in %s', (postalCode, statedLanguage, service, letterLanguage) => {
    const assignment = employmentServiceFor({ postalCode, statedLanguage }, onDate);
    expect(assignment).toMatchObject({
      assigned: true,
      service,
      letterLanguage,
      explanation: { ruleId: 'employmentService.byResidence', citation: { domainRule: 'D18' } },
    });
  });

  it.each(['999', '0999', 'B-1000', '10000', 'abcd', ''])('refuses %j as not Belgian, naming D18', (postalCode) => {
    expect(employmentServiceFor({ postalCode, statedLanguage: 'nl' }, onDate)).toMatchObject({
      assigned: false,
      reason: { ruleId: 'employmentService.byResidence', citation: { domainRule: 'D18' } },
    });
  });
});
