import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import 'dayjs/locale/fr';
import 'dayjs/locale/nl';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

/** The interface languages: Dutch and French, English when a text or a language is missing. */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const CHOSEN = 'tnw-language';

function chosen(): Language | undefined {
  const stored = window.localStorage.getItem(CHOSEN);
  return LANGUAGES.find((language) => language === stored);
}

export function toLanguage(locale: string | undefined): Language {
  const base = (locale ?? '').toLowerCase().slice(0, 2);
  return LANGUAGES.find((language) => language === base) ?? 'en';
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } },
    lng: chosen() ?? toLanguage(window.navigator.language),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

/** The user's own choice: kept in this browser, it wins over the locale of the ID token. */
export function chooseLanguage(language: Language): void {
  window.localStorage.setItem(CHOSEN, language);
  void i18next.changeLanguage(language);
}

/** The locale of the ID token (nl, fr, de, en), unless the user chose a language here. */
export function languageFromProfile(locale: string): void {
  if (!chosen()) void i18next.changeLanguage(toLanguage(locale));
}
