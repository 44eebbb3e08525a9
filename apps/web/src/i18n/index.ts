import i18n, { type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import { initReactI18next } from 'react-i18next';
import { getPrefs, subscribePrefs } from '../prefs.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export type Language = 'en' | 'fr';

/** The remembered choice, else the browser's first language: any `fr-*` means French. */
export function pickLanguage(remembered: Language | null, browser: readonly string[]): Language {
  if (remembered) return remembered;
  return browser[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const languageNow = () => pickLanguage(getPrefs().language, navigator.languages ?? []);

/** Starts i18next with both catalogues; a change of the header's switch changes the language at once. */
export function startI18n() {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: languageNow(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  subscribePrefs(() => {
    const next = languageNow();
    if (next !== i18n.language) void i18n.changeLanguage(next);
    document.documentElement.lang = next;
  });
}

const subscribeLanguage = (onChange: () => void) => {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
};
const currentLanguage = () => i18n.language;
// Bound to no language: each call uses the language of the moment.
const t: TFunction = i18n.getFixedT(null, 'translation');

/**
 * `t` for components drawn by the thousand (a message row, its time and previews). react-i18next's
 * useTranslation copies the i18n instance on every mount, which took a tenth of a busy Live tab's time;
 * this re-renders on a language change all the same.
 */
export function useRowT(): TFunction {
  useSyncExternalStore(subscribeLanguage, currentLanguage);
  return t;
}

export { i18n };
