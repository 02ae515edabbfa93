import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index';

// Each language names itself, so a user who cannot read the current one still finds theirs.
const NAMES: Readonly<Record<Language, string>> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch(): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={i18n.language === lang}
          onClick={() => {
            void setLanguage(lang);
          }}
        >
          {NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
