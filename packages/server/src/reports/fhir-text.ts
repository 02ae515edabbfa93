import type { CodeableConcept, Extension, Reference } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';

/** The standard extension carrying a primitive's text in another language. https://hl7.org/fhir/R4/extension-translation.html */
export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation';
/** An element's language (used on Composition sections). https://hl7.org/fhir/R4/extension-language.html */
export const LANGUAGE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/language';

const CJK = /[\u3400-\u9fff]/;

interface HasExtension {
  readonly extension?: readonly Extension[];
}

/** The extensions of `owner` with this url. */
export function extensions(owner: HasExtension | undefined, url: string): Extension[] {
  return (owner?.extension ?? []).filter((e) => e.url === url);
}

/** The first extension of `owner` with this url. */
export function extension(owner: HasExtension | undefined, url: string): Extension | undefined {
  return owner?.extension?.find((e) => e.url === url);
}

/** The language a text is written in, guessed from its script (zh-CN if it has any Han character). */
export function languageOf(text: string): Locale {
  return CJK.test(text) ? 'zh-CN' : 'en';
}

function translations(meta: unknown): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  const list = (meta as HasExtension | undefined)?.extension ?? [];
  for (const e of list.filter((x) => x.url === TRANSLATION_EXTENSION)) {
    const lang = e.extension?.find((x) => x.url === 'lang')?.valueCode;
    const content = e.extension?.find((x) => x.url === 'content')?.valueString;
    if (content && (lang === 'zh-CN' || lang === 'zh' || lang === 'en')) out[lang === 'en' ? 'en' : 'zh-CN'] = content;
  }
  return out;
}

/**
 * A string element in `locale`: its translation extension (on `_field`) if there is one, else the value itself
 * (whatever its language: text in the other language beats none).
 */
export function localized(owner: object | undefined, field: string, locale: Locale): string | undefined {
  if (!owner) return undefined;
  const record = owner as Record<string, unknown>;
  const value = record[field];
  const text = typeof value === 'string' ? value : undefined;
  const translated = translations(record[`_${field}`])[locale];
  if (translated) return translated;
  return text;
}

/** A CodeableConcept as text in `locale`: its text (or translation), else a coding's display, else a code. */
export function conceptText(concept: CodeableConcept | undefined, locale: Locale): string | undefined {
  if (!concept) return undefined;
  const text = localized(concept, 'text', locale);
  const displays = (concept.coding ?? []).map((c) => c.display).filter((d): d is string => Boolean(d));
  const inLocale = [text, ...displays].find((d) => d !== undefined && languageOf(d) === locale);
  return inLocale ?? text ?? displays[0] ?? concept.coding?.[0]?.code;
}

/** The id part of a relative reference (`Observation/abc` → `abc`). */
export function referenceId(ref: Reference | undefined): string | undefined {
  const r = ref?.reference;
  return r ? r.slice(r.lastIndexOf('/') + 1) : undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** One block of a narrative as plain text; headings are marked so an emptied section can drop its heading. */
export interface TextBlock {
  readonly text: string;
  readonly heading: boolean;
}

const HEADING_MARK = '\u0001';

/**
 * A narrative's XHTML as plain text blocks (one per block element): the renderers re-escape them, so no markup
 * from a stored resource reaches the printed page.
 */
export function xhtmlBlocks(div: string | undefined): TextBlock[] {
  if (!div) return [];
  const marked = div
    .replace(/<h[1-6](\s[^>]*)?>/gi, `\n${HEADING_MARK}`)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|li|h[1-6]|div|tr|dt|dd|ul|ol|table)(\s[^>]*)?>/gi, '\n');
  const text = decodeEntities(marked.replace(/<[^>]*>/g, ''));
  return text
    .split('\n')
    .map((line) => ({
      heading: line.includes(HEADING_MARK),
      text: line.replaceAll(HEADING_MARK, '').replace(/\s+/g, ' ').trim(),
    }))
    .filter((b) => b.text.length > 0);
}

/** The `lang` (or `xml:lang`) attribute of a narrative's root div, mapped to a CareLoop locale. */
export function xhtmlLanguage(div: string | undefined): Locale | undefined {
  const m = div ? /\slang="([^"]+)"/.exec(div) : null;
  const lang = m?.[1]?.toLowerCase();
  if (!lang) return undefined;
  return lang.startsWith('zh') ? 'zh-CN' : lang.startsWith('en') ? 'en' : undefined;
}

/** A FHIR date/dateTime as `YYYY-MM-DD` (the date as written: no time-zone shift). */
export function formatDate(value: string | undefined): string {
  return value ? value.slice(0, 10) : '';
}

/** A FHIR dateTime as `YYYY-MM-DD HH:mm` with its offset as written (`+08:00`, `Z`). */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/.exec(value);
  if (!m) return value;
  const [, date, time, zone] = m;
  return [date, time, zone === 'Z' ? 'UTC' : zone].filter(Boolean).join(' ');
}

/** A number with at most `decimals` decimals and no trailing zeros beyond what the data had. */
export function formatNumber(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}
