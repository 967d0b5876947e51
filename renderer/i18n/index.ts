// NetDesk's UI translations: i18next with the two dictionaries bundled (no loading over the
// network, the app is offline). Chinese is the default; the saved choice is applied at start-up
// once the settings are read (see app/startup.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/settings';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});

/** Switch the UI language and the page's lang attribute (screen readers, CJK line breaking). */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export default i18next;
