import type { RiskAssessment } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { getScore } from '@careloop/core/clinical/scores/registry';
import { conceptText, extension, extensions, formatNumber, languageOf } from './fhir-text';

const SCORE_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/score';
const SCORE_VALUE_EXTENSION = 'https://careloop.dev/fhir/StructureDefinition/score-value';
const SCORE_SOURCE_EXTENSION = 'https://careloop.dev/fhir/StructureDefinition/score-source';

/** One score as printed. */
export interface ScoreView {
  readonly id: string;
  readonly name: string;
  /** Value with unit (`12.3 %`, `3 {score}` prints as `3`). */
  readonly value: string;
  readonly category?: string;
  readonly interpretation?: string;
  readonly sources: readonly string[];
}

/** Units whose value is only the index of a category: the category says it all. */
const INDEX_UNITS = new Set(['{category}']);

function unitSuffix(unit: string | undefined): string {
  if (!unit || unit.startsWith('{')) return '';
  return unit === '%' ? '%' : ` ${unit.replace('mL/min/{1.73_m2}', 'mL/min/1.73 m²')}`;
}

/** Reads a RiskAssessment written by `scoreFromRecord` (method = score, prediction = value and category). */
export function readScore(ra: RiskAssessment, locale: Locale): ScoreView {
  const id = ra.method?.coding?.find((c) => c.system === SCORE_SYSTEM)?.code ?? ra.id ?? '';
  const def = getScore(id);
  const prediction = ra.prediction?.[0];
  const quantity = extension(prediction, SCORE_VALUE_EXTENSION)?.valueQuantity;
  const unit = quantity?.code ?? quantity?.unit;
  const value =
    unit !== undefined && INDEX_UNITS.has(unit)
      ? ''
      : quantity?.value !== undefined
        ? `${formatNumber(quantity.value, def?.decimals ?? 2)}${unitSuffix(unit)}`
        : prediction?.probabilityDecimal !== undefined
          ? `${formatNumber(prediction.probabilityDecimal * 100, 1)}%`
          : '';
  const category = prediction?.qualitativeRisk?.coding?.[0]?.code;
  const fromDef = def?.categories?.find((c) => c.code === category)?.interpretation[locale];
  const fromNotes = (ra.note ?? []).map((n) => n.text).find((t) => languageOf(t) === locale && !t.includes(' / '));
  const interpretation = fromDef ?? fromNotes ?? prediction?.qualitativeRisk?.text;
  return {
    id,
    name: def?.name[locale] ?? conceptText(ra.method, locale) ?? id,
    value,
    ...(category ? { category } : {}),
    ...(interpretation ? { interpretation } : {}),
    sources: extensions(ra, SCORE_SOURCE_EXTENSION).flatMap((e) => (e.valueString ? [e.valueString] : [])),
  };
}
