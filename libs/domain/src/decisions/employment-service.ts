import type { Explanation, Refusal } from '../explanation';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { EmploymentService, IsoDate, LetterLanguage } from '../types';
import { cite } from './refusal';

export type ResidenceArea = 'brussels' | 'flanders' | 'wallonia' | 'germanSpeakingCommunity';

export type EmploymentServiceAssignment =
  | {
      assigned: true;
      service: EmploymentService;
      area: ResidenceArea;
      /** Languages letters may be sent in for this residence. */
      letterLanguages: LetterLanguage[];
      /** `null`: the person must choose (Brussels, stated language neither nl nor fr). */
      letterLanguage: LetterLanguage | null;
      explanation: Explanation;
    }
  | { assigned: false; reason: Refusal };

/**
 * Postal codes (bpost) of the nine municipalities of the German-speaking Community.
 * Malmedy (4960) and Waimes (4950) are French-speaking and stay with Le Forem.
 */
export const GERMAN_SPEAKING_POSTAL_CODES: Readonly<Record<string, string>> = {
  '4700': 'Eupen',
  '4701': 'Eupen (Kettenis)',
  '4710': 'Lontzen (Lontzen, Herbesthal)',
  '4711': 'Lontzen (Walhorn)',
  '4720': 'Kelmis',
  '4721': 'Kelmis (Neu-Moresnet)',
  '4728': 'Kelmis (Hergenrath)',
  '4730': 'Raeren (Raeren, Hauset)',
  '4731': 'Raeren (Eynatten)',
  '4750': 'Bütgenbach (Bütgenbach, Elsenborn)',
  '4760': 'Büllingen (Büllingen, Manderfeld)',
  '4761': 'Büllingen (Rocherath)',
  '4770': 'Amel (Amel, Meyerode)',
  '4771': 'Amel (Heppenbach)',
  '4780': 'Sankt Vith (Sankt Vith, Recht)',
  '4782': 'Sankt Vith (Schönberg)',
  '4783': 'Sankt Vith (Lommersweiler)',
  '4784': 'Sankt Vith (Crombach)',
  '4790': 'Burg-Reuland (Reuland)',
  '4791': 'Burg-Reuland (Thommen)',
};

const SERVICE_BY_AREA: Record<ResidenceArea, { service: EmploymentService; languages: LetterLanguage[] }> = {
  brussels: { service: 'ACTIRIS', languages: ['nl', 'fr'] },
  flanders: { service: 'VDAB', languages: ['nl'] },
  wallonia: { service: 'FOREM', languages: ['fr'] },
  germanSpeakingCommunity: { service: 'ADG', languages: ['de'] },
};

function areaOf(code: number, postalCode: string): ResidenceArea {
  if (code < 1300) return 'brussels';
  if (code < 1500) return 'wallonia';
  if (code < 4000) return 'flanders';
  if (code < 8000) return GERMAN_SPEAKING_POSTAL_CODES[postalCode] ? 'germanSpeakingCommunity' : 'wallonia';
  return 'flanders';
}

/**
 * D18: the employment service and letter language for a Belgian residence.
 * Brussels 1000-1299 Actiris (nl or fr by choice, default the stated language); Flanders
 * 1500-3999 and 8000-9999 VDAB (nl); Wallonia 1300-1499 and 4000-7999 Le Forem (fr), except
 * the German-speaking Community, ADG (de). Language facilities are not modelled.
 */
export function employmentServiceFor(
  residence: { postalCode: string; statedLanguage: LetterLanguage },
  onDate: IsoDate,
  rulebook: Rulebook = defaultRulebook,
): EmploymentServiceAssignment {
  const rule = rulebook.rule('employmentService.byResidence', onDate);
  const postalCode = residence.postalCode.trim();
  const code = Number(postalCode);
  if (!/^\d{4}$/.test(postalCode) || code < 1000) {
    return {
      assigned: false,
      reason: {
        ...cite(rulebook, rule.id, onDate),
        message: `"${postalCode}" is not a Belgian postal code; no employment service can be assigned.`,
      },
    };
  }
  const area = areaOf(code, postalCode);
  const { service, languages } = SERVICE_BY_AREA[area];
  const letterLanguage = languages.includes(residence.statedLanguage)
    ? residence.statedLanguage
    : languages.length === 1
      ? languages[0]
      : null;
  return {
    assigned: true,
    service,
    area,
    letterLanguages: languages,
    letterLanguage,
    explanation: {
      ruleId: rule.id,
      citation: rule.citation,
      inputs: { postalCode, statedLanguage: residence.statedLanguage },
      result: { service, area, letterLanguage },
      text: `Postal code ${postalCode} is in ${area}: employment service ${service}, letters in ${letterLanguage ?? `${languages.join(' or ')} (to be chosen)`} (${rule.id}, D18).`,
    },
  };
}
