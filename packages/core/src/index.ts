export type { LocalizedText, Locale } from './i18n';
export { LOCALES } from './i18n';
