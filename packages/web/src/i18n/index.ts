import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'careloop.language';

/** The remembered language, zh-CN unless the user chose English before. */
export function rememberedLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

/** Switches the language, remembers it and keeps <html lang> right for screen readers. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** Starts i18next with both catalogues bundled (they are small; no extra request on the first screen). */
export async function initI18n(): Promise<void> {
  const lng = rememberedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
