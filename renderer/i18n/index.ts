// NetDesk's UI translations: i18next with the two dictionaries bundled (no loading over the
// network, the app is offline). Chinese is the default; the saved choice is applied at start-up
// once the settings are read (see app/startup.ts), and remembered for the next first frame.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/settings';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

// The language chosen last time, remembered in this window's storage so the first frame is drawn in
// it while this PC's settings (the truth) are still being read.
const LANGUAGE_KEY = 'netdesk.language';
function rememberedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18next.use(initReactI18next).init({
  resources,
  lng: rememberedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});

/** Switch the UI language and the page's lang attribute (screen readers, CJK line breaking). */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (private mode, quota): the settings file still holds the choice.
  }
  // Usually the language remembered for the first frame already is the saved one: changing it to
  // itself would still re-render every translated component (the whole window) during start-up.
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export default i18next;
