import type { Composition, CompositionSection } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type { Audience } from './types';
import { extension, LANGUAGE_EXTENSION, xhtmlBlocks, xhtmlLanguage, type TextBlock } from './fhir-text';

const PERSON = /\bperson\b|plain|\blay\b|patient|个人|通俗/i;
const PHYSICIAN = /physician|clinician|doctor|医生|医师/i;

function sectionKeys(s: CompositionSection): string {
  return [s.title, s.code?.text, ...(s.code?.coding ?? []).flatMap((c) => [c.code, c.display])].join(' ');
}

function audienceOf(s: CompositionSection): Audience | undefined {
  const keys = sectionKeys(s);
  if (PERSON.test(keys)) return 'person';
  if (PHYSICIAN.test(keys)) return 'physician';
  return undefined;
}

/** A section's language: the language extension, the div's lang, or a BCP 47 code (the engine's sub-sections). */
function localeOf(s: CompositionSection): Locale | undefined {
  const code =
    extension(s, LANGUAGE_EXTENSION)?.valueCode ?? s.code?.coding?.find((c) => c.system === 'urn:ietf:bcp:47')?.code;
  if (code) return code.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  return xhtmlLanguage(s.text?.div);
}

interface Leaf {
  readonly section: CompositionSection;
  readonly audience?: Audience;
  readonly locale?: Locale;
}

function leaves(sections: readonly CompositionSection[], inherited: Omit<Leaf, 'section'>): Leaf[] {
  return sections.flatMap((section) => {
    if (section.focus) return []; // about one finding: the structured findings list prints it
    const audience = audienceOf(section) ?? inherited.audience;
    const locale = localeOf(section) ?? inherited.locale;
    const here = { ...(audience ? { audience } : {}), ...(locale ? { locale } : {}) };
    return [...(section.text?.div ? [{ section, ...here }] : []), ...leaves(section.section ?? [], here)];
  });
}

function dropEmptyHeadings(blocks: readonly TextBlock[]): TextBlock[] {
  return blocks.filter((b, i) => !b.heading || (blocks[i + 1] !== undefined && !blocks[i + 1]?.heading));
}

/**
 * The general text of the Composition's section for one audience and language (introduction, "all is well"…).
 * Lines naming a finding or repeating a recommendation are left out: the report prints findings and
 * recommendations from the DetectedIssues themselves, which is also what keeps a rejected finding — whose
 * narrative the engine wrote before the review — away from the person.
 */
export function compositionNarrative(
  composition: Composition | undefined,
  audience: Audience,
  locale: Locale,
  covered: readonly string[],
): string[] {
  if (!composition) return [];
  const texts = covered.filter((t) => t.length > 0);
  const blocks = leaves(composition.section ?? [], {})
    .filter((l) => l.audience === audience && l.locale === locale)
    .flatMap((l) => xhtmlBlocks(l.section.text?.div))
    .filter((b) => !texts.some((t) => b.text.includes(t)));
  return dropEmptyHeadings(dropEmptyHeadings(blocks)).map((b) => b.text);
}
