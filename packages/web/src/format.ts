import { useTranslation } from 'react-i18next';

/** Date, date-time and number formatting through Intl with the current language. */
export interface Formats {
  readonly locale: string;
  date(value: string | undefined): string;
  dateTime(value: string | undefined): string;
  number(value: number | undefined, digits?: number): string;
}

/** A FHIR date (YYYY, YYYY-MM, YYYY-MM-DD) or dateTime as a Date; date-only values at local midnight. */
export function parseFhirDate(value: string): Date | undefined {
  const dateOnly = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2] ?? '1') - 1, Number(dateOnly[3] ?? '1'));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function formats(locale: string): Formats {
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    locale,
    date: (v) => {
      const d = v ? parseFhirDate(v) : undefined;
      return d ? dateFmt.format(d) : '—';
    },
    dateTime: (v) => {
      const d = v ? parseFhirDate(v) : undefined;
      return d ? (v && v.length > 10 ? dateTimeFmt : dateFmt).format(d) : '—';
    },
    number: (v, digits) =>
      v === undefined
        ? '—'
        : new Intl.NumberFormat(locale, digits === undefined ? {} : { maximumFractionDigits: digits }).format(v),
  };
}

/** The formats of the language on screen. */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return formats(i18n.language);
}
